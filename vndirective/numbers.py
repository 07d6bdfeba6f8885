"""Số ký hiệu: find document numbers in text and split them into their parts.

Grammar (domain-spec §c, NĐ 30/2020 and HD 36-HD/VPTW)::

    state := num ["/" YYYY] "/" group ("-" group)*     53/2022/QĐ-UBND, 1526/UBND-NC, 45/2019/QH14
    party := num "-" TYPE "/" group ("-" group)*       127-KL/TW, 367-QĐ/TWĐTN-VP

Real copies space the separators (``119- KH/TU``, ``10 / CT - TTg``), lose
them (``1961/QĐUBND``, ``61/2018/NĐCP``), break lines inside a number
(``3783/QĐ-`` / ``UBND``), read Đ as D, and glue footnote digits to the symbol
(``NĐ-CP4``).  The patterns are linear (no nested quantifiers that can
backtrack); what they over-take, :func:`parse_symbol` trims by rule.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .models import DocNumber, Span
from .tables import code_key, tables

_G = r"[A-ZĐƯ][A-Za-zĐđƯư0-9.]*(?:&[ \t]?[A-ZĐ][A-Za-zĐđ0-9.]*)*"
_SEP = r"[ \t]*(?:\n[ \t]*)?[-_][ \t]*(?:\n[ \t]*)?"
_SYM = rf"{_G}(?:{_SEP}{_G})*"
_NUM_LEFT = r"(?<![0-9A-Za-z/.\-#†‡{}*])"
_NUM_SPACE = r"[ \t]*(?:\n[ \t]*)?"

STATE = re.compile(
    rf"{_NUM_LEFT}(?P<num>\d{{1,6}}[a-z]?(?:[.\-]\d{{1,6}})?){_NUM_SPACE}/{_NUM_SPACE}"
    rf"(?:(?P<year>(?:19|20)\d\d)(?:{_NUM_SPACE}/{_NUM_SPACE}|[ \t]*))?(?P<sym>{_SYM})")
PARTY = re.compile(
    rf"{_NUM_LEFT}(?P<num>\d{{1,5}}){_NUM_SPACE}-{_NUM_SPACE}(?P<type>[A-ZĐ][A-Za-zĐđ]{{0,4}})"
    rf"{_NUM_SPACE}/{_NUM_SPACE}(?P<sym>{_SYM})")
# The document's own number in its header: "Số: 968/CĐ-TTg", "Số 36-HD/VPTW", "Số: /UBND-NC".
# "Số" as OCR also reads it (Só, Sô) when a scan's header is noisy
_SO = r"(?:Số|SỐ|Só|Sô|Sồ|Sổ)"
OWN = re.compile(rf"(?:(?:^|(?<=\n))[ \t]*(?:(?:Luật|LUẬT|Pháp lệnh|PHÁP LỆNH)[ \t]+(?:Số|SỐ|số)|{_SO})[ \t]*[:.]?"
                 rf"|(?<![\w]){_SO}[ \t]*:)[ \t]*(?:\n[ \t]*)?")
# a number left blank, or written by hand and read by OCR as a few stray characters ("Số: 9{ /QĐ-UBND")
BLANK = re.compile(rf"(?P<junk>[^\n/A-Za-zĐđ]{{0,8}}?|[^\n/]{{0,3}}?)[ \t]*(?:\n[ \t]*)?/[ \t]*(?P<sym>{_SYM})")


@dataclass(frozen=True)
class NumberMatch:
    """A number found in text: its clean-text span and its parts."""

    start: int
    end: int
    parsed: DocNumber
    footnote_mark: str | None = None


def _valid_group(g: str) -> bool:
    """A symbol group is a code: more capitals than small letters (TTg, CTr, QyĐ), no Vietnamese word."""
    letters = [c for c in g if c.isalpha()]
    if not letters:
        return False
    lower = sum(c.islower() for c in letters)
    return lower * 2 <= len(letters) or (len(letters) <= 3 and lower <= 1 and g[0].isupper())


def _split_glued(g: str) -> list[str]:
    """``QĐUBND`` → ``QĐ``, ``UBND``: a lost separator between a type code and a known issuer
    (and ``QĐĐ`` → ``QĐ``, a letter OCR read twice)."""
    t = tables()
    k = code_key(g)
    if t.is_known_code(g):
        return [g]
    single = re.sub(r"(\w)\1", r"\1", g)
    if single != g and t.is_known_code(single):
        return [single]
    for tk in sorted(t.type_by_code, key=len, reverse=True):
        if k.startswith(tk) and len(k) > len(tk) and (code_key(g[len(tk):]) in t.central
                                                        or code_key(g[len(tk):]) in t.local):
            return [g[:len(tk)], g[len(tk):]]
    if "." in g:
        parts = g.split(".")
        if len(parts) == 2 and all(t.is_known_code(p) for p in parts):
            return parts
    return [g]


def _trim_groups(raw_sym: str) -> tuple[list[str], int, str | None]:
    """Split a matched symbol into valid groups; return them, the length kept, and a glued footnote digit."""
    t = tables()
    groups: list[str] = []
    kept = 0
    pos = 0
    mark = None
    for m in re.finditer(r"(?P<sep>\s*[-_]\s*)?(?P<g>[^\s\-_&]+(?:&\s*[^\s\-_&]+)*)", raw_sym):
        sep, g = m.group("sep") or "", m.group("g")
        if pos and not sep:
            break
        g_clean = re.sub(r"\s+", "", g).rstrip(".")
        if not _valid_group(g_clean):
            break
        if sep.strip() != sep and groups:
            # spaced or broken separator: the next group must look like a code, not a list item
            if "\n" in sep.split("-")[0] or not (t.is_known_code(g_clean) or (g_clean.isupper() and len(g_clean) >= 2)):
                break
        groups.extend(_split_glued(g_clean))
        kept = m.start("g") + len(g.rstrip("."))
        pos = m.end()
    if groups:
        last = groups[-1]
        dm = re.fullmatch(r"(.+?)(\d{1,2})", last)
        if dm and code_key(dm.group(1)) in t.central and not t.central[code_key(dm.group(1))].get("prefix"):
            groups[-1] = dm.group(1)
            mark = dm.group(2)
            kept -= len(mark)
    return groups, kept, mark


def parse_symbol(num: str | None, year: str | None, groups: list[str], party_type: str | None = None,
                 raw: str = "", span: Span | None = None) -> DocNumber:
    """Build a :class:`DocNumber` from its pieces, naming type, issuer and unit codes."""
    t = tables()
    canon = [t.canonical_code(g) for g in groups]
    if party_type is not None:
        ptype = t.canonical_code(party_type)
        text = f"{num or ''}-{ptype}/{'-'.join(canon)}"
        return DocNumber(text=text, raw=raw, number=num, type_code=ptype, issuer_code=canon[0],
                         unit_code="-".join(canon[1:]) or None, system="party", span=span)
    type_code = issuer = None
    unit: list[str] = []
    g1 = canon[0]
    k1 = code_key(g1)
    qh = re.fullmatch(r"(UBTVQH|QH)(\d+)", k1)
    if qh:
        issuer, unit = g1, canon[1:]
    elif t.doc_type_for_code(g1) is not None and len(canon) >= 2 and not (
            k1 in t.central and code_key(canon[1]) not in t.central and code_key(canon[1]) not in t.local):
        type_code, issuer, unit = g1, canon[1], canon[2:]
    else:
        issuer, unit = g1, canon[1:]
    parts = [num or ""] + ([year] if year else []) + ["-".join(canon)]
    return DocNumber(text="/".join(parts), raw=raw, number=num, year=int(year) if year else None,
                     type_code=type_code, issuer_code=issuer, unit_code="-".join(unit) or None,
                     system="state", span=span)


def _from_match(m: re.Match[str], party: bool) -> NumberMatch | None:
    groups, kept, mark = _trim_groups(m.group("sym"))
    if not groups:
        return None
    if party and tables().doc_type_for_code(m.group("type")) is None:
        return None
    end = m.start("sym") + kept
    if not party and not any(c.isupper() for g in groups for c in g[:1]):
        return None
    raw = m.string[m.start():end]
    span = Span(start=m.start(), end=end)
    if party:
        parsed = parse_symbol(m.group("num"), None, groups, m.group("type"), raw, span)
    else:
        parsed = parse_symbol(m.group("num"), m.group("year"), groups, None, raw, span)
    return NumberMatch(m.start(), end, parsed, mark)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> Iterator[NumberMatch]:
    """Every document number in ``text[start:end]``, in order, Party and state forms alike."""
    end = len(text) if end is None else end
    found: list[NumberMatch] = []
    for rx, party in ((PARTY, True), (STATE, False)):
        for m in rx.finditer(text, start, end):
            nm = _from_match(m, party)
            if nm is not None:
                found.append(nm)
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    last_end = -1
    for n in found:
        if n.start >= last_end:
            yield n
            last_end = n.end


def parse_number(s: str) -> DocNumber | None:
    """Parse one number written alone (``"968/CD-TTg"``, ``"127 - KL/TW"``, ``"/UBND-NC"``)."""
    s = s.strip()
    for n in find_numbers(s):
        return n.parsed
    m = BLANK.match(s)
    if m:
        groups, _, _ = _trim_groups(m.group("sym"))
        if groups:
            return parse_symbol(None, None, groups, raw=s)
    return None


def find_own_number(text: str, start: int, end: int) -> NumberMatch | None:
    """The header's ``Số: …`` number, including a blank one (``Số: /UBND-NC``)."""
    for m in OWN.finditer(text, start, end):
        after = m.end()
        for n in find_numbers(text, after, min(end, after + 80)):
            if n.start - after <= 3:
                return n
            break
        b = blank_number_at(text, after)
        if b:
            return b
    return None


def blank_number_at(text: str, pos: int) -> NumberMatch | None:
    """A number whose numeric part is blank or unreadable, right at ``pos`` (``/UBND-NC``, ``04+/UBND``)."""
    b = BLANK.match(text, pos)
    if not b:
        return None
    groups, kept, _ = _trim_groups(b.group("sym"))
    if not groups:
        return None
    stop = b.start("sym") + kept
    # digits alone, or two or more with one stray sign, are the number ("04+" → 04); "#4", "9{" are not
    digits = re.fullmatch(r"\s*(\d{1,6}|\d{2,6}\W)\s*", b.group("junk"))
    return NumberMatch(pos, stop, parse_symbol(digits.group(1).rstrip("+*.,'`") if digits else None, None, groups,
                                               raw=text[pos:stop].strip(), span=Span(start=pos, end=stop)))


def number_key(s: str) -> str:
    """Identity key of a number: case, spaces, dashes and Đ/D folded (``968/CD-TTg`` ~ ``968/CĐ – TTg``)."""
    return re.sub(r"[\s\-_–]+", "-", code_key(s)).replace("-/", "/").replace("/-", "/")
