"""vndirective: read Vietnamese directive documents into structured, linked data.

    >>> import vndirective
    >>> doc = vndirective.parse("Số: 968/CĐ-TTg\\nHà Nội, ngày 16 tháng 10 năm 2023\\nCÔNG ĐIỆN")
    >>> doc.number, doc.doc_type, doc.date
    ('968/CĐ-TTg', 'cong_dien', '2023-10-16')
"""
from __future__ import annotations

from ._version import __version__

from .batch import Options, convert
from .classify import classify_obligations
from .errors import ModelFileError, NotTextError, VndirectiveError
from .display import frame, obligations_frame, render_html
from .graph import CrossRefGraph, build_graph
from .models import DocNumber, Document, Issuer, Item, Obligation, Reference, Signer, Span
from .numbers import find_numbers, parse_number
from .parser import parse
from .words import segment_words


__all__ = [
    "parse", "convert", "segment_words", "frame", "obligations_frame", "render_html", "Options", "parse_number", "find_numbers", "classify_obligations", "build_graph", "CrossRefGraph",
    "Document", "DocNumber", "Issuer", "Item", "Obligation", "Reference", "Signer", "Span",
    "VndirectiveError", "NotTextError", "ModelFileError", "__version__",
]
