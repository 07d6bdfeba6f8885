"""Make real-world copies readable by the extractors without moving any character.

Web scrapes, PDF text and OCR carry markdown marks, table pipes, look-alike
dashes and slashes, ``Ð`` for ``Đ``, non-breaking spaces and page chrome.  All
of it is replaced *in place* by same-length text (noise becomes spaces), so an
offset in the clean text is an offset in the input.  The one step that can
change lengths, NFC composition of decomposed input, keeps an explicit map.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from .errors import NotTextError

# Same-length character fixes: look-alikes folded, invisible spaces made visible.
_TRANSLATE = str.maketrans({
    "\u00d0": "\u0110", "\u00f0": "\u0111",  # Ð/ð (Icelandic eth) used for Đ/đ
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"},
    **{c: "/" for c in "\uff0f\u2044\u2215"},
    **{c: " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\t\u00ad\u200b\u200c\u200d\ufeff"},
    "\r": " ", "\u2028": "\n", "\u2029": "\n", "*": " ", "|": " ", "\\": " ", "#": " ",
})

# Lines that are never document text: rules, and page chrome of portals and newspapers.
_RULE = re.compile(r"^[ \t]*[-=_]{3,}[ \t]*$", re.M)
_CHROME_LINE = re.compile(
    r"^[ \t]*(?:"
    r"(?:Hotline|Lượt xem|Lượt đọc|Chia sẻ(?: bài viết)?|In bài|Bình luận|Tags?|Từ khóa)\b.*"
    r"|.{0,200}\(\d{1,2}/\d{1,2}/\d{4},? \d{1,2}:\d{2}(?::\d{2})?(?: ?(?:SA|CH|AM|PM))?\)"
    r"|\d+ người đang (?:online|truy cập).*|°|Print|Top"
    r"|Ký bởi:.*|Thời gian ký:.*|Cơ quan:.*Thời gian ký.*"
    r")[ \t]*$", re.M | re.I)
# A heading after which a news page only lists other articles.
_TRAILER = re.compile(
    r"^[ \t]*(?:Tin mới nhất|Tin liên quan|Tin khác|Các tin khác|Tin cùng chuyên mục|Bài viết liên quan"
    r"|Xem thêm|Các bài viết khác|Tin đã đưa|Đọc thêm|Có thể bạn quan tâm)[ \t]*:?[ \t]*$", re.M | re.I)


@dataclass(frozen=True)
class CleanText:
    """The clean text and the way back to the input's offsets."""

    text: str
    original: str
    _starts: tuple[int, ...] = ()
    _orig: tuple[int, ...] = ()

    def to_original(self, i: int) -> int:
        """Offset in the input of clean offset ``i`` (identity unless NFC composed characters)."""
        if not self._starts:
            return i
        k = bisect_right(self._starts, i) - 1
        return self._orig[k] + (i - self._starts[k]) if k >= 0 else i

    def span(self, start: int, end: int) -> tuple[int, int]:
        if not self._starts:
            return start, end
        return self.to_original(start), self.to_original(end - 1) + 1 if end > start else self.to_original(start)


def ensure_text(data: object) -> str:
    """Accept ``str`` or UTF-8 ``bytes``; refuse what is not text with :class:`NotTextError`."""
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise NotTextError(f"input is not UTF-8 text (byte {e.start}): decode it first, "
                               "or use vndirective.convert() for PDF/DOCX files") from None
    if not isinstance(data, str):
        raise NotTextError(f"parse() takes text, not {type(data).__name__}")
    sample = data[:4096]
    if sample and sum(1 for c in sample if c < " " and c not in "\n\r\t\f") > len(sample) * 0.05:
        raise NotTextError("input looks binary (control characters): convert the file to text first")
    return data


def _nfc_with_map(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """NFC-compose ``text`` and record, per composed run, where it came from."""
    out: list[str] = []
    starts: list[int] = []
    origs: list[int] = []
    pos = 0
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        starts.append(pos)
        origs.append(i)
        out.append(piece)
        pos += len(piece)
        i = j
    return "".join(out), tuple(starts), tuple(origs)


def _blank(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def normalize(text: str) -> CleanText:
    """Clean ``text`` for extraction; offsets keep pointing into the input."""
    text = ensure_text(text)
    starts: tuple[int, ...] = ()
    origs: tuple[int, ...] = ()
    composed = text
    if not unicodedata.is_normalized("NFC", text):
        composed, starts, origs = _nfc_with_map(text)
    clean = composed.translate(_TRANSLATE)
    clean = _RULE.sub(_blank, clean)
    clean = _CHROME_LINE.sub(_blank, clean)
    m = _TRAILER.search(clean, len(clean) // 3)
    if m:
        clean = clean[:m.start()] + _blank(re.match(r"(?s).*", clean[m.start():]))
    return CleanText(clean, text, starts, origs)


def squash(s: str) -> str:
    """Collapse whitespace (line breaks of scraped copies included) to single spaces."""
    return " ".join(s.split())
