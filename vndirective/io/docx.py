"""Word (.docx) files read with the standard library: paragraphs, tables and footnotes in reading order.

A footnote reference becomes a superscript mark in the text and its note is
added at the end as ``¹ …``, the form the parser merges into the reference.
"""
from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree as ET

from ..errors import InputError
from . import Extracted
from .encodings import fix_legacy

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
MAX_XML = 64 * 1024 * 1024


def _read(z: zipfile.ZipFile, name: str) -> ET.Element | None:
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_XML:
        raise InputError(f"{name} expands to {info.file_size} bytes, over the limit")
    return ET.fromstring(z.read(name))


def _para_text(p: ET.Element, marks: dict[str, str]) -> str:
    out = []
    for el in p.iter():
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag == W + "tab":
            out.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            out.append("\n")
        elif el.tag == W + "footnoteReference":
            fid = el.get(W + "id", "")
            marks.setdefault(fid, str(len(marks) + 1))
            out.append(marks[fid].translate(_SUPER))
    return "".join(out)


def read_docx(data: bytes) -> Extracted:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        doc = _read(z, "word/document.xml")
        notes = _read(z, "word/footnotes.xml")
    except (zipfile.BadZipFile, ET.ParseError, OSError, EOFError) as e:
        raise InputError(f"unreadable DOCX ({type(e).__name__}: {e})") from None
    if doc is None:
        raise InputError("DOCX without word/document.xml")
    body = doc.find(W + "body")
    marks: dict[str, str] = {}
    lines: list[str] = []
    for block in (body if body is not None else []):
        if block.tag == W + "p":
            lines.append(_para_text(block, marks))
        elif block.tag == W + "tbl":
            for row in block.iter(W + "tr"):
                cells = [" ".join(_para_text(p, marks) for p in cell.iter(W + "p")) for cell in row.iter(W + "tc")]
                lines.extend(c for c in cells if c.strip())
    if notes is not None and marks:
        lines.append("")
        for fn in notes.iter(W + "footnote"):
            fid = fn.get(W + "id", "")
            if fid in marks:
                lines.append(marks[fid].translate(_SUPER) + " " + " ".join(_para_text(p, {}) for p in fn.iter(W + "p")).strip())
    text, encs = fix_legacy("\n".join(lines))
    return Extracted(text, "docx", [(0, len(text))],
                     warnings=[f"legacy font encoding converted: {', '.join(encs)}"] if encs else [])
