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
    "\r": " ", "\u2028": "\n", "\u2029": "\n", "|": " ",
})
_LOOKALIKE = re.compile("[" + re.escape("".join(map(chr, _TRANSLATE))) + "]")
# Markdown marks are deleted, not blanked: they also sit inside words ("Kính g****ửi", "TH****Ủ").
_DELETE = re.compile(r"\*+|\\(?=[^\w\s])|^[ \t]*#{1,6}[ \t]", re.M)

# Lines that are never document text: rules, and page chrome of portals and newspapers.
_RULE = re.compile(r"^[ \t]*[-=_]{3,}[ \t]*$", re.M)
# a rule glued to a header line ("CHÍNH PHỦ-------   CỘNG HÒA …") ends that line; same length, so offsets hold
_INLINE_RULE = re.compile(r"-{4,}")
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
    """The clean text and the way back to the input's offsets.

    ``_starts[k]`` is where the k-th contiguous run begins in the clean text and
    ``_orig[k]`` where it begins in the input; inside a run offsets move together.
    """

    text: str
    original: str
    _starts: tuple[int, ...] = ()
    _orig: tuple[int, ...] = ()

    def to_original(self, i: int) -> int:
        """Offset in the input of clean offset ``i``."""
        if not self._starts:
            return i
        k = bisect_right(self._starts, i) - 1
        return self._orig[k] + (i - self._starts[k]) if k >= 0 else i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Input span of the clean span ``[start, end)``."""
        if not self._starts:
            return start, end
        if end <= start:
            return self.to_original(start), self.to_original(start)
        return self.to_original(start), self.to_original(end - 1) + 1


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


def _compose(runs: list[tuple[int, int]], starts: tuple[int, ...], origs: tuple[int, ...]) -> list[tuple[int, int]]:
    """Chain a (clean → middle) run map with a (middle → input) run map."""
    if not starts:
        return runs
    out = []
    for c, m in runs:
        k = bisect_right(starts, m) - 1
        out.append((c, origs[k] + (m - starts[k]) if k >= 0 else m))
    return out


def _nfc_with_map(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """NFC-compose ``text`` and record, per composed cluster, where it came from."""
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


def _word_break(text: str, a: int, b: int) -> bool:
    """Whether deleted marks at ``[a, b)`` separated two words (``ĐỊNH**Quy``) rather than
    split one (``g****ửi``, ``TH****Ủ``): then they become one space."""
    if a == 0 or b >= len(text):
        return False
    p, q = text[a - 1], text[b]
    if not (p.isalnum() and q.isalnum()):
        return False
    if p.islower() and q.islower() or p.isdigit() and q.isdigit():
        return False
    if p.isupper() and q.isupper():
        return b + 1 < len(text) and text[b + 1].islower()
    return True


def normalize(text: str) -> CleanText:
    """Clean ``text`` for extraction; offsets map back into the input."""
    text = ensure_text(text)
    # 1. delete markdown marks, recording runs (clean start, input start)
    pieces: list[str] = []
    runs: list[tuple[int, int]] = []
    pos = out = 0
    for m in _DELETE.finditer(text):
        if m.start() > pos:
            runs.append((out, pos))
            pieces.append(text[pos:m.start()])
            out += m.start() - pos
        if _word_break(text, m.start(), m.end()):
            runs.append((out, m.start()))
            pieces.append(" ")
            out += 1
        pos = m.end()
    stripped = text
    if pos:
        runs.append((out, pos))
        pieces.append(text[pos:])
        stripped = "".join(pieces)
    starts, origs = tuple(r[0] for r in runs), tuple(r[1] for r in runs)
    # 2. compose decomposed input (per-cluster runs, chained through step 1's runs)
    composed = stripped
    if not unicodedata.is_normalized("NFC", stripped):
        composed, cs, co = _nfc_with_map(stripped)
        chained = _compose(list(zip(cs, co)), starts, origs)
        starts, origs = tuple(r[0] for r in chained), tuple(r[1] for r in chained)
    clean = _LOOKALIKE.sub(lambda m: _TRANSLATE[ord(m.group(0))], composed)
    clean = _RULE.sub(_blank, clean)
    clean = _INLINE_RULE.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), clean)
    clean = _CHROME_LINE.sub(_blank, clean)
    m = _TRAILER.search(clean, len(clean) // 3)
    if m:
        clean = clean[:m.start()] + re.sub(r"[^\n]", " ", clean[m.start():])
    return CleanText(clean, text, starts, origs)


def squash(s: str) -> str:
    """Collapse whitespace (line breaks of scraped copies included) to single spaces."""
    return " ".join(s.split())
