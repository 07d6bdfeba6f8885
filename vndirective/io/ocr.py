"""OCR of scanned PDF pages with Tesseract's Vietnamese model (Debian: tesseract-ocr tesseract-ocr-vie).

Pages are rendered with pypdfium2 when it is installed, else the page's own
embedded image (a scan is one image a page) is taken through pypdf.
"""
from __future__ import annotations

import io
import shutil
from functools import cache

from ..errors import OCRUnavailableError

INSTALL_HINT = ("OCR is needed for scanned pages: install Tesseract with Vietnamese data "
                "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie) and the OCR extra "
                "(pip install 'vndirective[ocr]')")
DPI = 300


@cache
def check() -> str:
    """Tesseract's version, or :class:`OCRUnavailableError` saying how to install it."""
    try:
        import pytesseract
    except ImportError:
        raise OCRUnavailableError(INSTALL_HINT) from None
    if shutil.which("tesseract") is None:
        raise OCRUnavailableError(INSTALL_HINT)
    if "vie" not in pytesseract.get_languages(config=""):
        raise OCRUnavailableError("Tesseract has no Vietnamese data: " + INSTALL_HINT)
    return str(pytesseract.get_tesseract_version())


def _images(data: bytes, pages: list[int]):
    try:
        import pypdfium2 as pdfium
    except ImportError:
        pdfium = None
    if pdfium is not None:
        doc = pdfium.PdfDocument(data)
        try:
            for k in pages:
                yield k, doc[k].render(scale=DPI / 72).to_pil()
        finally:
            doc.close()
        return
    import pypdf
    from PIL import Image

    reader = pypdf.PdfReader(io.BytesIO(data))
    for k in pages:
        imgs = reader.pages[k].images
        if imgs:
            yield k, max((Image.open(io.BytesIO(im.data)) for im in imgs), key=lambda im: im.size[0] * im.size[1])


def ocr_pdf_pages(data: bytes, pages: list[int]) -> dict[int, str]:
    """Text of the given 0-based pages by OCR."""
    check()
    import pytesseract

    out = {}
    for k, img in _images(data, pages):
        out[k] = pytesseract.image_to_string(img.convert("L"), lang="vie", config="--psm 4")
    return out
