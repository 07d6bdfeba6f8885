"""Readers: every input format becomes the same :class:`Extracted` text with its page map.

The extraction core (``vndirective.parse``) never imports this package; it
works on a string.  Here live the file formats: PDF (pypdf, or pypdfium2
when installed), scans (Tesseract OCR), DOCX, HTML and plain text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError


@dataclass
class Extracted:
    """Text pulled from a file, where each page lies in it, and how it was obtained."""

    text: str
    method: str  # "text", "pdf-text", "pdf-ocr", "pdf-mixed", "docx", "html"
    pages: list[tuple[int, int]] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def page_of(self, offset: int) -> int | None:
        """1-based page holding character ``offset`` (None for formats without pages)."""
        for k, (a, b) in enumerate(self.pages):
            if a <= offset < b or (offset == b and k == len(self.pages) - 1):
                return k + 1
        return None


def extract(path: str | Path, *, ocr: str = "auto", engine: str = "pypdf", max_pages: int | None = None) -> Extracted:
    """Read ``path`` by its type; ``ocr`` is ``auto`` (pages without text), ``never`` or ``always``."""
    p = Path(path)
    data = p.read_bytes()
    if not data:
        raise InputError("empty file")
    kind = sniff(p, data)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, ocr=ocr, engine=engine, max_pages=max_pages)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data)
    if kind == "html":
        from .html import read_html

        return read_html(data)
    from .text import read_text

    return read_text(data)


def sniff(path: Path, data: bytes) -> str:
    """The format from the content first (a misnamed file still reads), then the suffix."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if data[:2] == b"PK" and b"word/" in data[:4096]:
        return "docx"
    low = head.lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<body" in low or path.suffix.lower() in (".html", ".htm"):
        return "html"
    if path.suffix.lower() == ".pdf":
        raise InputError("not a PDF (no %PDF header): truncated or mislabelled file")
    if path.suffix.lower() == ".docx":
        raise InputError("not a DOCX (not a zip with word/): truncated or mislabelled file")
    return "text"
