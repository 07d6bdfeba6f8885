"""References: every other document cited by number, once each, with what its phrase tells.

A mention takes its type from the word before it (``Công điện số``), its date
from the date after it (``ngày 19/4/2023``, ``, ngày 24/01/2025``), its issuer
from ``của …``, and what its footnote adds (``Nghị định số 73/2023/NĐ-CP⁴`` …
``⁴ Ngày 29/9/2023 của Chính phủ …``).  Mentions of one number are merged
unless their dates disagree (numbers restart every year).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import date_at, find_dates
from .issuers import central_name, level_of_code, level_of_name, pretty, short
from .layout import SUPERSCRIPT, Block
from .models import DocNumber, Issuer, Reference, Span
from .normalize import squash
from .numbers import NumberMatch, find_numbers, number_key, parse_symbol
from .tables import fold, tables

_TYPE_WORDS = sorted({w for dt in tables().types for w in dt.words}, key=len, reverse=True)
TYPE_BEFORE = re.compile(
    r"(?i)(?P<w>" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _TYPE_WORDS) + r")"
    r"(?P<gap>[^\n.;]{0,60}?)[\s\"“(]*(?:số|sô|so|số hiệu)?[\s:]*$")
OF = re.compile(r"[\s,]*(?:đã được\s+)?(?:do\s+|của\s+)(?P<who>[^,;.()\n]{3,120}?)"
                r"(?=\s+(?:về|v/v|quy định|hướng dẫn|ban hành|phê duyệt|thực hiện|triển khai|tại|đối với|năm|"
                r"trong|và|với|nhằm|để|có|đã|sửa đổi|bổ sung|công bố|giao|ngày)\b|[,;.()\n]|$)", re.I)
ENUM_BEFORE = re.compile(r"((?:\d{1,6}[ \t]*,[ \t]*)*\d{1,6}[ \t]*(?:,|và|,[ \t]*và)[ \t]*)$")
SUPER = re.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]+|^\[(\d{1,3}|[ivxlc]{1,6})\]")
RELATION_WORDS = [
    ("based_on", re.compile(r"(?i)\bcăn\s+cứ\b")),
    ("implements", re.compile(r"(?i)\b(thực\s+hiện|triển\s+khai|quán\s+triệt|kèm\s+theo|cụ\s+thể\s+hóa)\b")),
    ("guides", re.compile(r"(?i)\bhướng\s+dẫn\s+(thi\s+hành|thực\s+hiện)\b")),
    ("amends", re.compile(r"(?i)\bsửa\s+đổi|bổ\s+sung\s+một\s+số\b")),
    ("replaces", re.compile(r"(?i)\b(thay\s+thế|bãi\s+bỏ|hết\s+hiệu\s+lực)\b")),
]


@dataclass
class _Acc:
    parsed: DocNumber
    doc_type: str | None = None
    date: str | None = None
    issuer_name: str | None = None
    level: str | None = None
    relation: str | None = None
    spans: list[Span] = field(default_factory=list)
    footnotes: list[Span] = field(default_factory=list)
    context: list[Span] = field(default_factory=list)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(".", 0, start), text.rfind(";", 0, start), text.rfind("\n\n", 0, start), start - 400) + 1
    m = re.search(r"[.;](?:\s|$)|\n\n", text[end:end + 400])
    b = end + (m.start() + 1 if m else min(400, len(text) - end))
    return a, b


_ANOTHER_NUMBER = re.compile(r"\d\s*[/-]\s*[A-ZĐ]")


def _leading_date(text: str, s_a: int, a: int) -> str | None:
    """``Ngày 21/8/2025, Cục Thuế có công văn số 3316/CT-CS``: the date that opens the sentence
    belongs to the first number cited in it."""
    near = [d for d in find_dates(text, max(s_a, a - 60), a) if re.fullmatch(r"[\s,]*(?:số|Số)?[\s:]*", text[d.end:a])]
    if near:
        return near[-1].iso  # "văn bản đề ngày 29 tháng 10 năm 2025 số 16/CV-HHTACN"
    lead = re.match(r"[\s\d.)\-”\"'*]*(?:[^\s,.;\d]+(?:\s+[^\s,.;\d]+){0,2},\s*)?(?=[Nn]gày)", text[s_a:a])
    if not lead:
        return None
    dates = find_dates(text, s_a + lead.end(), a)
    if not dates or dates[0].start != s_a + lead.end():
        return None
    if _ANOTHER_NUMBER.search(text, dates[0].end, a):
        return None  # another number stands between the date and this one
    return dates[0].iso


def _type_of(text: str, nm: NumberMatch) -> str | None:
    t = tables()
    m = TYPE_BEFORE.search(text, max(0, nm.start - 90), nm.start)
    word_type = None
    if m and not re.search(r"\d", m.group("gap")):
        word_type = t.type_by_word.get(fold(m.group("w")))
    p = nm.parsed
    code_type = t.doc_type_for_code(p.type_code) if p.type_code else None
    if word_type and word_type.key != "cong_van":
        if code_type and word_type.key != code_type.key and not (code_type.key == "quyet_dinh" and word_type.key == "quy_dinh") \
                and word_type.key not in ("luat", "thong_tu_lien_tich", "thong_tri"):
            return code_type.key
        return word_type.key
    if code_type:
        return code_type.key
    if p.issuer_code and re.fullmatch(r"(UBTVQH|QH)\d+", p.issuer_code.upper()):
        return word_type.key if word_type else "luat"
    return "cong_van" if p.system == "state" or p.type_code is None else None


def _issuer_from_of(text: str, pos: int) -> tuple[str | None, int]:
    m = OF.match(text, pos, min(len(text), pos + 160))
    if not m:
        return None, pos
    who = squash(m.group("who"))
    if not who or who[0].islower() and not who.startswith(("các", "cơ quan")):
        return None, pos
    return who, m.end()


def _footnote_info(notes: dict[str, Block], text: str, mark: str) -> tuple[str | None, str | None, Span | None]:
    b = notes.get(mark)
    if b is None:
        return None, None, None
    d = date_at(text, b.start, limit=12)
    date = d.iso if d else None
    who, _ = _issuer_from_of(text, d.end if d else b.start)
    return date, who, Span(start=b.start, end=b.end)


def _enumerated(text: str, nm: NumberMatch) -> list[tuple[int, int, DocNumber]]:
    """``số 217, 218, 219 và 222/CĐ-TTg``: the numbers that share the symbol of the last one."""
    m = ENUM_BEFORE.search(text, max(0, nm.start - 80), nm.start)
    if not m:
        return []
    out = []
    p = nm.parsed
    for d in re.finditer(r"\d{1,6}", m.group(1)):
        groups = [g for g in [p.type_code, p.issuer_code, *(p.unit_code.split("-") if p.unit_code else [])] if g]
        if p.system == "party":
            dn = parse_symbol(d.group(0), None, [p.issuer_code, *(p.unit_code.split("-") if p.unit_code else [])],
                              p.type_code, d.group(0))
        else:
            dn = parse_symbol(d.group(0), str(p.year) if p.year else None, groups, None, d.group(0))
        out.append((m.start(1) + d.start(), m.start(1) + d.end(), dn))
    return out


def find_references(text: str, own_keys: set[str], notes: dict[str, Block], zones: list[Block],
                    default_level: str | None = None) -> list[Reference]:
    """Every document cited in ``zones`` of ``text`` except the document's own number."""
    found: list[_Acc] = []
    by_key: dict[str, list[_Acc]] = {}
    for z in zones:
        for nm in find_numbers(text, z.start, z.end):
            mentions = [(nm.start, nm.end, nm.parsed, nm)] + [(a, b, dn, None) for a, b, dn in _enumerated(text, nm)]
            for a, b, parsed, full in mentions:
                key = number_key(parsed.text)
                if key in own_keys:
                    continue
                info = _Acc(parsed)
                if full is not None:
                    info.doc_type = _type_of(text, full)
                    pos = full.end
                    mark = full.footnote_mark
                    sm = SUPER.match(text[pos:pos + 8])
                    if sm:
                        mark = (sm.group(1) or sm.group(0)).translate(SUPERSCRIPT)
                        pos += sm.end()
                    d = date_at(text, pos)
                    if d:
                        info.date = d.iso
                        pos = d.end
                    who, who_end = _issuer_from_of(text, pos)
                    info.issuer_name = who
                    if info.date is None and who:
                        d = date_at(text, who_end, limit=12)  # "số 46/NQ-CP của Chính phủ ngày 08/3/2025"
                        info.date = d.iso if d else None
                    if mark:
                        fdate, fwho, fspan = _footnote_info(notes, text, mark)
                        info.date = info.date or fdate
                        info.issuer_name = info.issuer_name or fwho
                        if fspan:
                            info.footnotes.append(fspan)
                else:
                    info.doc_type = _type_of(text, nm)
                s_a, s_b = _sentence(text, a, b)
                sentence = text[s_a:a]
                if info.date is None and full is not None:
                    info.date = _leading_date(text, s_a, a)
                for rel, rx in RELATION_WORDS:
                    if rx.search(sentence):
                        info.relation = rel
                        break
                info.spans.append(Span(start=a, end=b))
                info.context.append(Span(start=s_a, end=s_b))
                _merge(found, by_key, key, info)
    return [_finish(acc, default_level) for acc in found]


def _merge(found: list[_Acc], by_key: dict[str, list[_Acc]], key: str, info: _Acc) -> None:
    for acc in by_key.get(key, []):
        if acc.date and info.date and acc.date != info.date:
            continue
        acc.date = acc.date or info.date
        acc.doc_type = acc.doc_type if acc.doc_type and acc.doc_type != "cong_van" else (info.doc_type or acc.doc_type)
        acc.issuer_name = acc.issuer_name or info.issuer_name
        acc.relation = acc.relation or info.relation
        acc.spans += info.spans
        acc.footnotes += info.footnotes
        acc.context += info.context
        return
    found.append(info)
    by_key.setdefault(key, []).append(info)


def _finish(acc: _Acc, default_level: str | None) -> Reference:
    p = acc.parsed
    level = None
    name = acc.issuer_name
    if name:
        level = level_of_name(name)
    code_level = level_of_code(p.issuer_code)
    if code_level == "central" or level is None:
        level = code_level or level
    if p.issuer_code and fold(p.issuer_code) in ("ubnd", "hdnd", "ctubnd", "ub") and level in (None, "central"):
        # a local council or committee: the citing document's own level, or a province when a
        # central body cites it (UBND and HĐND are never central)
        level = default_level if default_level not in (None, "central") else "province"
    if level is None and default_level not in (None, "central"):
        level = default_level  # a local code cited by a local document: most often its own level
    if name is None:
        name = central_name(p.issuer_code)
    return Reference(number=p.text, parsed=p, doc_type=acc.doc_type, date=acc.date,
                     issuer=Issuer(name=short(pretty(name)) if name else None, level=level, code=p.issuer_code),
                     relation=acc.relation or "cites", spans=acc.spans, footnotes=acc.footnotes, context=acc.context)
