"""Dates of issue and of cited documents, full or partial.

Forms met in real text (domain-spec §d): ``ngày 16/10/2023``, ``ngày 16 tháng
10 năm 2023``, Party ``ngày 01-10-1997``, a blank day (``ngày    tháng 10 năm
2023`` → ``2023-10``) and a bare ``Ngày 5/5`` whose year the caller infers.
Periods (``quý II/2020``, ``giai đoạn 2021-2025``, ``tháng 12/2025``) are
never dates of issue, so nothing here matches them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

_BLANK = r"[ \t\n._…]*"
# the day may be written by hand and read by OCR as a digit and a stray sign ("ngày 4† tháng"): then it is unknown
WORDS = re.compile(
    r"(?i:ngày)[ \t\n]*(?P<dj0>[^\s\d]{1,2}(?=\d))?(?P<d>\d{1,2})?(?P<dj>[^\s\d.,;:]{1,2}(?=[ \t\n]*(?i:tháng)))?"
    + _BLANK
    + r"(?i:tháng)[ \t\n]*(?P<m>\d{1,2})?" + _BLANK
    + r"(?i:năm)[ \t\n]*(?P<y>(?:19|20)\d\d)(?!\d)")
NUMERIC = re.compile(
    r"(?<![\d/.])(?P<d>\d{1,2})[ \t]*(?P<s>[/.\-])[ \t]*(?P<m>\d{1,2})[ \t]*(?P=s)[ \t]*(?P<y>(?:19|20)\d\d)(?![\d/])")
# "ngày /11/2025": the day left blank in a numeric date (an unsigned copy)
NUMERIC_BLANK_DAY = re.compile(r"(?i:ngày)[ \t]*[._…]*[ \t]*/[ \t]*(?P<m>\d{1,2})[ \t]*/[ \t]*(?P<y>(?:19|20)\d\d)(?![\d/])")
BARE = re.compile(r"(?i:ngày)[ \t]+(?P<d>\d{1,2})[ \t]*/[ \t]*(?P<m>\d{1,2})(?![\d/])")
_NGAY_BEFORE = re.compile(r"(?i:ngày)[ \t\n]*$")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str
    year: int
    month: int | None
    day: int | None


def _iso(y: int, m: int | None, d: int | None) -> str | None:
    if m is not None and not 1 <= m <= 12:
        return None
    if d is not None and (m is None or not 1 <= d <= 31):
        return None
    if m is None:
        return f"{y:04d}"
    return f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d is not None else "")


def _make(m: re.Match[str], start: int | None = None) -> DateMatch | None:
    y = int(m.group("y"))
    mo = int(m.group("m")) if m.group("m") else None
    d = int(m.group("d")) if "d" in m.re.groupindex and m.group("d") and not (m.re is WORDS and (m.group("dj") or m.group("dj0"))) else None
    iso = _iso(y, mo, d)
    if iso is None:
        return None
    return DateMatch(m.start() if start is None else start, m.end(), iso, y, mo, d)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """All full or partial dates in ``text[start:end]`` written with ``ngày`` or as d/m/yyyy."""
    end = len(text) if end is None else end
    out: list[DateMatch] = []
    for m in chain(WORDS.finditer(text, start, end), NUMERIC_BLANK_DAY.finditer(text, start, end)):
        dm = _make(m)
        if dm:
            out.append(dm)
    taken = [(d.start, d.end) for d in out]
    for m in NUMERIC.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in taken):
            continue
        before = _NGAY_BEFORE.search(text, max(start, m.start() - 12), m.start())
        dm = _make(m, before.start() if before else None)
        if dm:
            out.append(dm)
    out.sort(key=lambda d: d.start)
    return out


def date_at(text: str, pos: int, limit: int = 40) -> DateMatch | None:
    """A date starting within ``limit`` characters after ``pos`` with only ``,``/``ngày``/spaces between."""
    window_end = min(len(text), pos + limit + 40)
    for d in find_dates(text, pos, window_end):
        gap = text[pos:d.start]
        if d.start - pos <= limit and re.fullmatch(r"[\s,;(]*(?:(?i:ban hành|ký|được ban hành))?[\s,;(]*", gap):
            return d
        break
    return None


def find_bare(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int, int]]:
    """``Ngày 5/5`` without a year: (start, end, day, month) for the caller to complete."""
    end = len(text) if end is None else end
    out = []
    for m in BARE.finditer(text, start, end):
        d, mo = int(m.group("d")), int(m.group("m"))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            out.append((m.start(), m.end(), d, mo))
    return out
