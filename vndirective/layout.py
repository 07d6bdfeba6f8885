"""Split a directive into its blocks: header, addressees, body, footnotes, recipients, signature.

Real copies come flattened, interleaved (two-column headers read as one
column) or with parts missing, so each block is found by its own marker
(motto, ``Số:``, place-date, ``V/v``, ``Kính gửi:``, ``… điện:``, ``Nơi nhận:``,
the authority marks) and anything not found stays ``None``: never invented.
"""
from __future__ import annotations

import re

import regex
from dataclasses import dataclass, field

from .dates import DateMatch, find_dates
from .numbers import NumberMatch, find_own_number
from .normalize import squash
from .tables import fold, tables

# matched on folded text, so OCR's "CỘNG HOÀ" or "CHÚ NGHĨA" still count
MOTTO = re.compile(r"cong\s+hoa\s+xa\s+hoi\s+ch[ua]\s+nghia\s+viet\s+nam|dang\s+cong\s+san\s+viet\s+nam", re.I)
INDEPENDENCE = re.compile(r"doc\s+lap\s*-\s*tu\s+do\s*-\s*hanh\s+phuc", re.I)
KINH_GUI = re.compile(r"(?<!Đồng )(?<!đồng )\b(?:Kính\s+gửi|KÍNH\s+GỬI)\s*:?", re.U)
DIEN = re.compile(r"(?P<who>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,\n]{3,80}?)[ \t\n]+điện\s*:")
NOI_NHAN = re.compile(r"\bN[ơo]i\s+nh[ậa]n\s*:", re.I)
# where an appendix (or a part of one, or a printed form) begins
ANNEX_START = re.compile(r"(?m)^[ \t#*_|]*(?:PHỤ\s+LỤC|Phụ\s+lục|PHẦN|Phần|Mẫu\s+số|MẪU\s+SỐ)\b")
_FORM_START = re.compile(r"(?m)^[ \t#*_|]*(?:PHỤ\s+LỤC|Mẫu\s+số|MẪU\s+SỐ)\b")
LUU = re.compile(r"^\W*Lưu\b", re.I)
SUBJECT = re.compile(r"(?<![\w/])(?:V/v|V/V|v/v)[ .:]*")
AUTHORITY = re.compile(r"(?<![\w/])(TM\.|KT\.|TL\.|TUQ\.|Q\.|T/M|K/T|T/L|Q/)\s*", re.U)
POSITION = re.compile(
    r"\b(PHÓ THỦ TƯỚNG|THỦ TƯỚNG|PHÓ CHỦ TỊCH|CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ NHIỆM|PHÓ CHỦ NHIỆM|"
    r"PHÓ GIÁM ĐỐC|GIÁM ĐỐC|PHÓ CỤC TRƯỞNG|CỤC TRƯỞNG|PHÓ TỔNG CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|PHÓ CHÁNH VĂN PHÒNG|"
    r"CHÁNH VĂN PHÒNG|PHÓ VỤ TRƯỞNG|VỤ TRƯỞNG|PHÓ BÍ THƯ|BÍ THƯ|PHÓ TRƯỞNG BAN|TRƯỞNG BAN|TỔNG BÍ THƯ|"
    r"TỔNG KIỂM TOÁN|PHÓ TỔNG KIỂM TOÁN|THỐNG ĐỐC|TỔNG THANH TRA|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG GIÁM ĐỐC|"
    r"PHÓ TỔNG GIÁM ĐỐC|TRƯỞNG PHÒNG|PHÓ TRƯỞNG PHÒNG|CHỦ TỊCH QUỐC HỘI|PHÓ CHỦ TỊCH QUỐC HỘI)\b")
_NAME_WORD = r"\p{Lu}\p{Ll}+"
PERSON = regex.compile(rf"(?<!\w){_NAME_WORD}(?:[ \t]*\n?[ \t]*{_NAME_WORD}){{1,4}}(?![\w/])")
FOOTNOTE_LINE = re.compile(r"^[ \t]*(?P<mark>[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\]|\[[ivxlc]{1,6}\])[ \t]*(?=\S)", re.M)
LIST_MARK = re.compile(r"^[ \t]*(?:[-+•●▪–]|\d{1,2}[.)])[ \t]*")
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@dataclass
class Block:
    start: int
    end: int


@dataclass
class Layout:
    """Where each part of the document lies in the clean text (offsets are the input's)."""

    header_end: int = 0
    issuer_block: str = ""
    issuer_block_span: Block | None = None
    motto: Block | None = None
    own_number: NumberMatch | None = None
    place: str | None = None
    date: DateMatch | None = None
    title: str | None = None
    title_span: Block | None = None
    subject: Block | None = None
    addressees: list[Block] = field(default_factory=list)
    addressee_block: Block | None = None
    recipients: list[Block] = field(default_factory=list)
    recipients_block: Block | None = None
    signer: dict | None = None
    footnotes: dict[str, Block] = field(default_factory=dict)
    footnote_blocks: list[Block] = field(default_factory=list)
    body: Block | None = None


def _line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _blank_line(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()


def _strip_item(text: str, a: int, b: int) -> Block | None:
    """Trim list marks, spaces and closing ``;``/``.``/``,`` from ``text[a:b]``."""
    while a < b and (text[a].isspace() or text[a] in "-+•●▪–"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ";.,:/"):
        b -= 1
    return Block(a, b) if b > a else None


def _ends(text: str, b: Block) -> str:
    t = text[b.start:b.end].rstrip()
    return t[-1:] if t else ""


def read_list(text: str, pos: int, limit: int) -> tuple[list[Block], int]:
    """Read the items after ``Kính gửi:`` / ``Nơi nhận:`` / ``… điện:``; return them and where the list ends.

    Three shapes occur: one addressee on the marker's line or the next one (a
    flattened ``A; B; C.`` is split on ``;``), or ``- X;`` items one per line.
    An item runs on over broken lines until it ends with ``;`` or ``.``; a line
    that starts a new sentence ends a one-line addressee.
    """
    n = min(len(text), limit)
    le = _line_end(text, pos)
    j = pos
    if not text[pos:le].strip():
        j = le + 1
        while j < n and not text[j:_line_end(text, j)].strip():
            j = _line_end(text, j) + 1
    if j >= n:
        return [], pos
    first = text[j:_line_end(text, j)].lstrip()
    if not re.match(r"[-+•●▪–]", first):
        return _read_single(text, j, n)
    items: list[Block] = []
    cur: Block | None = None
    last_end = j
    while j < n:
        le = _line_end(text, j)
        line = text[j:le]
        if not line.strip():
            if cur is not None and _ends(text, cur) not in (":", ","):
                # a blank line inside a list is fine only between items
                k = le + 1
                while k < n and not text[k:_line_end(text, k)].strip():
                    k = _line_end(text, k) + 1
                if k >= n or not re.match(r"^[ \t]*[-+•●▪–]", text[k:_line_end(text, k)]):
                    break
            j = le + 1
            continue
        if re.match(r"(?i)^[ \t]*[-+•●▪–]?[ \t]*đồng\s+kính\s+gửi", line):
            break
        if re.match(r"^[ \t]*[-+•●▪–][ \t]*\S", line):
            if cur is not None and _ends(text, cur) == "," and ":" in text[cur.start:cur.end]:
                cur = Block(cur.start, le)
            else:
                if cur is not None:
                    items.append(cur)
                cur = Block(j, le)
        elif cur is not None and _ends(text, cur) == ".":
            break
        elif cur is not None and _ends(text, cur) != ";" and len(line) < 300:
            cur = Block(cur.start, le)
        elif cur is not None and line.strip().startswith("(") and line.strip().endswith(")"):
            pass  # an address line under an item: "(Địa chỉ: …)"
        else:
            break
        last_end = le
        j = le + 1
    if cur is not None:
        items.append(cur)
    out = [b for b in (_strip_item(text, it.start, it.end) for it in items) if b]
    return out, last_end


_NAME_TAIL = re.compile(r"(?i)(?:^|\s)(?:các|cho|của|và|Bộ trưởng|Chủ tịch|Giám đốc|Thủ trưởng|Tổng Công ty|Công ty|"
                        r"Chi nhánh|Ủy ban|Ban|Sở|Cục|Thuế|Trưởng|Phó|Văn phòng|-|&)$")
_SENTENCE_OPEN = re.compile(r"(?:Căn cứ|Thực hiện|Theo|Trả lời|Xét|Về|Ngày|Để|Tiếp theo|Trong|Nhằm|Qua|Sau|"
                            r"Trên cơ sở|Cục|Bộ|Sở|Ủy ban|UBND|Văn phòng|Tổng cục|Thuế)\b.*?\b(?:nhận được|có ý kiến|"
                            r"đề nghị|yêu cầu|trả lời|thông báo|hướng dẫn|ban hành|báo cáo|đã|kính)\b|(?:Căn cứ|Thực hiện|"
                            r"Trả lời|Xét|Tiếp theo|Theo|Để)\b")


def _read_single(text: str, j: int, n: int) -> tuple[list[Block], int]:
    """One addressee on the marker's line, wrapped over at most a few short lines.

    A wrapped line joins when the first ends on a word that cannot end a name
    ("Bộ trưởng", "các"), when it starts in lower case, or when it closes the
    item with ``.``/``;``; a line that opens a sentence of the body never joins.
    """
    end = _line_end(text, j)
    for _ in range(3):
        cur = text[j:end].rstrip()
        if cur.endswith((".", ";")) or end + 1 >= n:
            break
        nxt = text[end + 1:_line_end(text, end + 1)]
        s = nxt.strip()
        if not s or len(s) > 160 or _SENTENCE_OPEN.match(s) or LIST_MARK.match(nxt):
            break
        closes = s.endswith((".", ";")) and len(s) <= 120
        after = _line_end(text, end + 1)
        blank_after = after + 1 >= n or not text[after + 1:_line_end(text, after + 1)].strip()
        if s[0].islower() or _NAME_TAIL.search(cur) or closes or (blank_after and len(s) <= 120):
            end = after
        else:
            break
    items: list[Block] = []
    off = j
    for part in text[j:end].split(";"):
        b = _strip_item(text, off, off + len(part))
        if b:
            items.append(b)
        off += len(part) + 1
    return items, end


def _place_before(s: str) -> str | None:
    """The place name that ends ``s``: its last words back to a blank line, a digit, a colon or a slash."""
    words: list[str] = []
    for line in reversed(s.split("\n")):
        if not line.strip():
            break
        chunk = re.split(r"[:;|()/\d]", line)[-1]
        ws = chunk.split()
        words = ws + words
        if chunk != line or len(words) >= 6:
            break
    words = words[-6:]
    # keep the tail that starts with a capital (drops a glued symbol or subject end)
    while words and (not words[0][:1].isupper() or "-" in words[0]
                     or (words[0].isupper() and len(words[0]) >= 2 and not all(w.isupper() for w in words))):
        words.pop(0)
    place = " ".join(words)
    if not place or re.search(r"\d", place) or (place.isupper() and len(words) < 2):
        return None
    return place


def _issue_date(text: str, start: int, end: int) -> tuple[str | None, DateMatch | None]:
    """The place-date line: ``Hà Nội, ngày 16 tháng 10 năm 2023`` (the first one in the header)."""
    for d in find_dates(text, start, end):
        head = text[d.start:d.start + 4].lower()
        if not head.startswith("ngày"):
            continue
        before = text[max(0, d.start - 80):d.start]
        m = re.search(r"(,?)[ \t]*(?:\n[ \t]*)?$", before)
        place = _place_before(before[:m.start()])
        if place and (m.group(1) or ("tháng" in text[d.start:d.end].lower() and len(place.split()) <= 4
                                     and all(w[:1].isupper() for w in place.split()))):
            return place, d
        if re.search(r"(?:^|\n)[ \t]*$", before) and "tháng" in text[d.start:d.end].lower() \
                and not text[d.end:_line_end(text, d.end)].strip():
            # "Ngày 16 tháng 10 năm 2023" alone on a header line
            return None, d
    return None, None


_TITLE_WORDS = sorted({dt.name.upper() for dt in tables().types} | {"VĂN BẢN HỢP NHẤT", "THÔNG BÁO KẾT LUẬN"},
                      key=len, reverse=True)
# matched on folded text (no diacritics), so an OCR'd "QUYÉT ĐỊNH" is still a title; a title line is upper case
TITLE = re.compile(r"(?:^|\n)[ \t]*(?P<t>" + "|".join(r"\s+".join(map(re.escape, fold(w).split()))
                                                    for w in _TITLE_WORDS) + r")(?![a-z])")


def find_title(text: str, start: int, end: int) -> tuple[str, Block] | None:
    """The upper-case type line (``CÔNG ĐIỆN``, ``QUYẾT ĐỊNH``) of the header."""
    folded = _fold_same_length(text[start:end])
    for m in TITLE.finditer(folded):
        a, b = start + m.start("t"), start + m.end("t")
        if _mostly_upper(text[a:b]):
            return squash(folded[m.start("t"):m.end("t")]), Block(a, b)
    return None


def _fold_table() -> dict[int, str]:
    table = {}
    for cp in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1EA0, 0x1F00)]:
        f = fold(chr(cp))
        if len(f) == 1 and f != chr(cp):
            table[cp] = f
    return table


_FOLD = _fold_table()


def _fold_same_length(s: str) -> str:
    """:func:`fold` that keeps every character in place (one folded character per input character)."""
    return s.translate(_FOLD)


def find_footnotes(text: str, start: int = 0) -> tuple[dict[str, Block], list[Block]]:
    """Footnote lines (``¹ …``, ``[1] …``, ``[i] …``) and the blocks they form; a note runs to the next
    note or blank line."""
    notes: dict[str, Block] = {}
    blocks: list[Block] = []
    for m in FOOTNOTE_LINE.finditer(text, start):
        mark = m.group("mark").translate(SUPERSCRIPT).strip("[]")
        a = m.end()
        # a note ends at a blank line, or at the next note
        e = _line_end(text, a)
        while e + 1 < len(text):
            ne = _line_end(text, e + 1)
            nl = text[e + 1:ne]
            if not nl.strip() or FOOTNOTE_LINE.match(nl):
                break
            e = ne
        notes.setdefault(mark, Block(a, e))
        ls = _line_start(text, m.start())
        if blocks and not text[blocks[-1].end:ls].strip():
            blocks[-1] = Block(blocks[-1].start, e)
        else:
            blocks.append(Block(ls, e))
    return notes, blocks


def _last(matches):
    """The last of an iterator of matches (the signature block is the last one in a document), or None."""
    last = None
    for last in matches:  # noqa: B007 - keeping the last item is the point
        pass
    return last


def _signer(text: str, start: int, end: int) -> dict | None:
    zone = text[start:end]
    pm = _last(POSITION.finditer(zone))
    am = _last(AUTHORITY.finditer(zone))
    if pm is None and am is None:
        return None
    anchor = max(x.end() for x in (pm, am) if x is not None)
    name_m = PERSON.search(zone, anchor)
    authority = on_behalf = None
    if am is not None:
        authority = am.group(1)
        le = zone.find("\n", am.end())
        on_behalf = squash(zone[am.end(): le if le >= 0 else len(zone)]) or None
    position = pm.group(1) if pm else None
    if on_behalf and position and on_behalf.endswith(position) and authority:
        on_behalf = on_behalf[: -len(position)].strip() or on_behalf
    s = start + min(x.start() for x in (pm, am) if x is not None)
    e = start + (name_m.end() if name_m else anchor)
    return {"name": squash(name_m.group(0)) if name_m and name_m.start() - anchor < 200 else None,
            "position": position, "authority": authority, "on_behalf_of": on_behalf, "span": (s, e)}


_SUBJECT_STOP = re.compile(
    r"(?:Kính\s+gửi|Căn\s+cứ|Thực\s+hiện|Theo\s|Xét\s|Trả\s+lời|Tiếp\s+theo|Ngày\s+\d|\d{1,2}\.\s|[IVX]{1,4}\.\s|"
    r"Điều\s+\d|CHƯƠNG|Chương\s+[IVX\d]|CHÍNH\s+PHỦ$|QUỐC\s+HỘI$|THỦ\s+TƯỚNG|ỦY\s+BAN|UBND|CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|"
    r"HỘI\s+ĐỒNG|BAN\s+CHẤP\s+HÀNH|BỘ\s+CHÍNH\s+TRỊ|BAN\s+BÍ\s+THƯ|BAN\s+THƯỜNG\s+VỤ|GIÁM\s+ĐỐC|CỤC\s+TRƯỞNG|"
    r"TỔNG\s+CỤC\s+TRƯỞNG|THỐNG\s+ĐỐC)")


def _mostly_upper(s: str) -> bool:
    letters = "".join(filter(str.isalpha, s))
    return bool(letters) and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def _read_subject(text: str, a: int, n: int, lay: Layout) -> Block | None:
    """The trích yếu: from ``a`` over wrapped lines, until a blank line, the place-date, ``Kính gửi``,
    ``… điện:``, the enacting body line or the body; an upper-case subject stops at the first line
    that is not upper case."""
    e = _line_end(text, a)
    if lay.date and a <= lay.date.start <= e:
        cut = text.rfind(lay.place, a, lay.date.start) if lay.place else -1
        return _strip_item(text, a, cut if cut > a else lay.date.start)
    upper = _mostly_upper(text[a:e])
    for _ in range(8):
        if e + 1 >= n:
            break
        ne = _line_end(text, e + 1)
        nxt = text[e + 1:ne]
        st = nxt.strip()
        if (not st or _SUBJECT_STOP.match(st) or DIEN.search(nxt) or (upper and not _mostly_upper(st))
                or (lay.date and e + 1 <= lay.date.start <= ne) or ne - a > 400):
            if lay.date and e + 1 <= lay.date.start <= ne and st and not upper:
                cut = text.rfind(lay.place, e + 1, lay.date.start) if lay.place else -1
                if cut > e + 1:
                    e = cut
            break
        e = ne
    return _strip_item(text, a, e)


def analyse(text: str) -> Layout:
    """Find every block of a directive in clean ``text``."""
    lay = Layout()
    n = len(text)
    head_zone = min(n, 3000)
    head_folded = _fold_same_length(text[:min(n, 2500)])
    mm = MOTTO.search(head_folded)
    if mm:
        lay.motto = Block(mm.start(), mm.end())
    own = find_own_number(text, 0, head_zone)
    if own is not None and own.start > 2500:
        own = None
    lay.own_number = own
    # issuer block: the upper lines before the number (or the motto), less the motto itself
    # a two-column header read line by line interleaves the issuing body with the motto, so the block is
    # everything before the number, less the motto and its "Độc lập - Tự do - Hạnh phúc"
    block_end = own.start if own else (mm.start() if mm else 0)
    raw_block = text[:block_end]
    for rx in (MOTTO, INDEPENDENCE):  # cut out by position, found on the folded copy
        for m in reversed(list(rx.finditer(head_folded[:block_end]))):
            raw_block = raw_block[:m.start()] + " " * (m.end() - m.start()) + raw_block[m.end():]
    raw_block = re.sub(r"\b(?:Số|SỐ|Só|Sô)\b.*", " ", raw_block, flags=re.S)
    words = raw_block.split()
    upper = [w for w in words if w in ("-", "&") or 0 < sum(c.isalpha() for c in w) <= 2 * sum(c.isupper() for c in w)]
    if words and len(upper) >= 0.5 * len(words):
        words = upper  # OCR debris among upper-case header lines
    lay.issuer_block = " ".join(words)
    if lay.issuer_block:
        lay.issuer_block_span = Block(len(text[:block_end]) - len(text[:block_end].lstrip()), block_end)
    date_zone_end = min(n, (own.end + 800) if own else (mm.end() + 800 if mm else 1200))
    lay.place, lay.date = _issue_date(text, 0, date_zone_end)
    title_from = max(own.end if own else 0, mm.end() if mm else 0)
    t = find_title(text, 0 if title_from == 0 else min(title_from, lay.date.start if lay.date else title_from),
                   min(n, title_from + 1500) if title_from else min(n, 1500))
    if t is None and title_from:
        t = find_title(text, title_from, min(n, title_from + 1500))
    if t:
        lay.title, lay.title_span = t
    header_end = max(x for x in [own.end if own else 0, lay.date.end if lay.date else 0,
                                 lay.title_span.end if lay.title_span else 0, mm.end() if mm else 0])
    # subject: "V/v ..." near the number, or the lines after the title
    sm = SUBJECT.search(text, 0, min(n, max(header_end, 400) + 600))
    start = sm.end() if sm else None
    if start is None and lay.title_span:
        start = lay.title_span.end
        while start < n and text[start] in " \t\n":
            start += 1
    if start is not None:
        b = _read_subject(text, start, n, lay)
        if b and not _SUBJECT_STOP.match(text[b.start:b.end]):
            lay.subject = b
            header_end = max(header_end, b.end)
    # addressees: Kính gửi, or the công điện's "... điện:"
    kg = KINH_GUI.search(text, 0, min(n, max(header_end, 0) + 1500))
    dm = DIEN.search(text, 0, min(n, max(header_end, 0) + 1500))
    marker = None
    if kg and (not dm or kg.start() < dm.start()):
        marker = kg
    elif dm:
        marker = dm
    if marker is not None:
        items, end = read_list(text, marker.end(), min(n, marker.end() + 4000))
        lay.addressees = items
        lay.addressee_block = Block(marker.start(), end)
        header_end = max(header_end, end)
    lay.header_end = header_end
    # footnotes
    lay.footnotes, lay.footnote_blocks = find_footnotes(text, header_end)
    # recipients and signature
    # the document's own recipients list: the last one before its appendices (forms annexed to a
    # decision print "Nơi nhận" of their own), or the last one of all
    annex = _FORM_START.search(text, header_end)
    nn = _last(NOI_NHAN.finditer(text, header_end, annex.start() if annex else n)) or _last(NOI_NHAN.finditer(text, header_end))
    body_end = n
    if nn:
        items, end = read_list(text, nn.end(), n)
        lay.recipients = items
        lay.recipients_block = Block(nn.start(), end)
        body_end = nn.start()
    sig_start = max(header_end, (nn.start() if nn else n) - 600, n - 1500 if not nn else 0)
    # the signature sits around the recipients list, not in an annexed regulation that follows it
    lay.signer = _signer(text, sig_start, min(n, end + 800) if nn else n)
    if lay.signer and not nn and lay.signer["span"][0] > header_end:
        body_end = min(body_end, lay.signer["span"][0])
    lay.body = Block(header_end, body_end)
    return lay
