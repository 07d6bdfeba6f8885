"""PDF text: pypdf (or pypdfium2 when installed), then the cleanup real files need.

Per page: the text layer, or OCR for a page without one (``ocr="auto"``);
repeated page headers and footers and bare page numbers removed; the
two-column header (issuing body | motto, number | place-date) split back into
its lines; footnote lines at the page foot written with superscript marks so
the parser merges them into the reference they annotate; legacy font
encodings converted.  Character offsets map back to pages.

pypdf's decompression limits are lowered here, at import, so a
decompression bomb fails fast instead of filling memory.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter

import pypdf
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

from ..errors import EncryptedError, InputError
from . import Extracted
from .encodings import fix_legacy

DECOMPRESSION_LIMIT = 64 * 1024 * 1024
LIMITS = {k: DECOMPRESSION_LIMIT for k in (
    "maximum_declared_stream_length", "array_based_stream_maximum_output_length", "jbig2_maximum_output_length",
    "lzw_maximum_output_length", "run_length_maximum_output_length", "zlib_maximum_output_length",
    "brotli_maximum_output_length", "image_maximum_buffer_size")}
LIMITS["stream_decoding_work_maximum_length"] = 4 * DECOMPRESSION_LIMIT
# pypdf ≥ 7 keeps its limits in a context-local Configuration: lowered here at import, and again around
# every read (a worker thread starts from pypdf's defaults)
pypdf.overwrite_configuration(**LIMITS)

MIN_PAGE_TEXT = 25  # characters below which a page counts as a scan
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$", re.I)
_MOTTO = re.compile(r"\s+(CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)")
_NUMBER_PLACE = re.compile(r"^(\s*Số[^\n]*?/\s*\S+)\s{2,}|^(\s*Số:?\s*[\d/][^\n]*?\S)\s+(?=[A-ZĐÀ-Ỹ][^\n,]{1,40},\s*ngày)",
                           re.M)
_FOOTNOTE = re.compile(r"^\s*(\d{1,2})\s+(?=[A-ZĐÀ-Ỹ\"“(])")
_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _open(data: bytes) -> pypdf.PdfReader:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    except (PdfReadError, ValueError, OSError, KeyError, TypeError) as e:
        raise InputError(f"unreadable PDF ({type(e).__name__}: {e})") from None
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except Exception as e:  # noqa: BLE001 - pypdf raises several types for unsupported crypto
            raise EncryptedError(f"encrypted PDF that the empty password does not open ({e})") from None
        if not ok:
            raise EncryptedError("encrypted PDF: a password is needed to read it")
    return reader


def _texts_pypdf(reader: pypdf.PdfReader, n: int) -> tuple[list[str], list[str]]:
    out, warnings = [], []
    for k in range(n):
        try:
            page = reader.pages[k]
            contents = page.get_contents()  # decoded here so a bomb trips the limit instead of reading as empty
            if contents is not None:
                contents.get_data()
            out.append(page.extract_text() or "")
        except FileNotDecryptedError as e:
            raise EncryptedError(str(e)) from None
        except LimitReachedError as e:
            raise InputError(f"page {k + 1}: decompression limit reached, a possible decompression bomb ({e})") from None
        except Exception as e:  # noqa: BLE001 - one broken page must not lose the others
            out.append("")
            warnings.append(f"page {k + 1}: text extraction failed ({type(e).__name__}: {e})")
    return out, warnings


def _texts_pdfium(data: bytes, n: int) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        return [doc[k].get_textpage().get_text_range().replace("\r\n", "\n").replace("\r", "\n") for k in range(n)]
    finally:
        doc.close()


def _repeated_edges(pages: list[list[str]]) -> set[str]:
    """Lines that open or close most pages (running headers and footers)."""
    if len(pages) < 3:
        return set()
    c: Counter[str] = Counter()
    for lines in pages:
        body = [ln.strip() for ln in lines if ln.strip()]
        c.update({*body[:2], *body[-2:]})
    return {ln for ln, k in c.items() if k >= max(3, len(pages) // 2) and len(ln) < 120}


def _clean_page(text: str, k: int, repeated: set[str]) -> str:
    lines = [ln.rstrip() for ln in text.replace("\r", "").split("\n")]
    while lines and (not lines[0].strip() or _PAGE_NUMBER.match(lines[0]) or lines[0].strip() in repeated):
        lines.pop(0)
    while lines and (not lines[-1].strip() or _PAGE_NUMBER.match(lines[-1]) or lines[-1].strip() in repeated):
        lines.pop()
    # footnotes at the page foot: "4 Ngày 29/9/2023 của Chính phủ ..." → "⁴ Ngày …" when their marks
    # run on by one (4, 5, 6), which list items without a full stop do not
    foot = [i for i in range(max(0, len(lines) - 40), len(lines)) if _FOOTNOTE.match(lines[i])]
    nums = [int(_FOOTNOTE.match(lines[i]).group(1)) for i in foot]
    if foot and all(b == a + 1 for a, b in zip(nums, nums[1:])):
        for i in foot:
            m = _FOOTNOTE.match(lines[i])
            lines[i] = lines[i][:m.start(1)] + m.group(1).translate(_SUPER) + lines[i][m.end(1):]
    if k == 0:
        # the two-column header read as one line: issuing body | motto, number | place-date
        head = "\n".join(lines[:12])
        head = _MOTTO.sub(lambda m: "\n" + m.group(1), head, count=1)
        head = _NUMBER_PLACE.sub(lambda m: (m.group(1) or m.group(2)) + "\n", head, count=1)
        lines = head.split("\n") + lines[12:]
    return "\n".join(lines)


class _Collect(logging.Handler):
    """pypdf reports repairs ("EOF marker not found") through logging: keep them as warnings of the file."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if msg not in self.messages and len(self.messages) < 20:
            self.messages.append(msg)


def read_pdf(data: bytes, *, ocr: str = "auto", engine: str = "pypdf", max_pages: int | None = None) -> Extracted:
    """The text of a PDF with its page map; scanned pages are OCR'd unless ``ocr="never"``."""
    log = logging.getLogger("pypdf")
    handler = _Collect()
    log.addHandler(handler)
    propagate, log.propagate = log.propagate, False
    try:
        with pypdf.apply_configuration(**LIMITS):
            ex = _read_pdf(data, ocr, engine, max_pages)
    finally:
        log.removeHandler(handler)
        log.propagate = propagate
    ex.warnings += [f"pypdf: {m}" for m in handler.messages]
    return ex


def _read_pdf(data: bytes, ocr: str, engine: str, max_pages: int | None) -> Extracted:
    reader = _open(data)
    try:
        n = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"unreadable PDF page tree ({e})") from None
    warnings: list[str] = []
    if n == 0:
        raise InputError("PDF has no pages")
    if max_pages is not None and n > max_pages:
        raise InputError(f"PDF has {n} pages, over the limit of {max_pages} (--max-pages)")
    if engine == "pdfium":
        try:
            raw = _texts_pdfium(data, n)
        except ImportError:
            raise InputError("--pdf-engine pdfium needs pypdfium2: pip install 'vndirective[fast]'") from None
    else:
        raw, page_warnings = _texts_pypdf(reader, n)
        warnings += page_warnings
    need_ocr = [k for k, t in enumerate(raw) if ocr == "always" or (ocr == "auto" and len(t.strip()) < MIN_PAGE_TEXT)]
    ocr_done: list[int] = []
    if need_ocr:  # empty with ocr="never"
        from .ocr import ocr_pdf_pages

        for k, t in ocr_pdf_pages(data, need_ocr).items():
            raw[k] = t
            ocr_done.append(k + 1)
    elif all(len(t.strip()) < MIN_PAGE_TEXT for t in raw):
        warnings.append("no text layer and OCR disabled")
    encs: list[str] = []
    for k, t in enumerate(raw):  # before the cleanup, whose superscript marks (¹ = TCVN3 ạ) must not be decoded
        raw[k], found = fix_legacy(t)
        encs += [e for e in found if e not in encs]
    if encs:
        warnings.append(f"legacy font encoding converted: {', '.join(encs)}")
    repeated = _repeated_edges([t.split("\n") for t in raw])
    parts, pages, pos = [], [], 0
    for k, t in enumerate(raw):
        page = _clean_page(t, k, repeated) if k + 1 not in ocr_done else t.strip()
        parts.append(page)
        pages.append((pos, pos + len(page)))
        pos += len(page) + 2
    text = "\n\n".join(parts)
    method = "pdf-ocr" if ocr_done and len(ocr_done) == n else "pdf-mixed" if ocr_done else "pdf-text"
    if not text.strip():
        warnings.append("no text found")
    return Extracted(text, method, pages, ocr_done, warnings)
