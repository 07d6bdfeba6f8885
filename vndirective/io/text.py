"""Plain text files: UTF-8 (with or without BOM), UTF-16, or the Windows Vietnamese code page."""
from __future__ import annotations

from ..errors import NotTextError
from . import Extracted
from .encodings import fix_legacy


def read_text(data: bytes) -> Extracted:
    for enc in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        if sum(b < 9 or 13 < b < 32 for b in data[:4096]) > 0.05 * min(len(data), 4096):
            raise NotTextError("binary content: not a text, PDF, DOCX or HTML file")
        text = data.decode("cp1258", errors="replace")
    text, fixed = fix_legacy(text)
    return Extracted(text, "text", [(0, len(text))], warnings=["legacy font encoding converted"] if fixed else [])
