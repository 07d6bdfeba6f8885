"""``parse(text) -> Document``: the pipeline normalize → layout → extract, on one string."""
from __future__ import annotations

import re

from .dates import date_at, find_bare, find_dates
from .issuers import central_name, level_of_code, level_of_name, pretty, province, short, split_bodies
from .layout import Block, Layout, analyse
from .models import DocNumber, Document, Issuer, Item, Signer, Span
from .normalize import CleanText, normalize, squash
from .numbers import blank_number_at, find_numbers, number_key
from .references import _type_of, find_references
from .tables import fold, tables

MAX_CHARS = 5_000_000
_NEWS_VERB = re.compile(r"(?i)\b(?:ký\s+ban\s+hành|vừa\s+ban\s+hành|đã\s+ban\s+hành|ban\s+hành|có\s+văn\s+bản|"
                        r"vừa\s+ký|đã\s+ký|vừa\s+có|ký\s+(?:công|chỉ|quyết|kế|thông))")
_LOCAL_BODY = re.compile(
    r"(?:(?:Quyền\s+|Phó\s+)?Chủ\s+tịch\s+)?(?P<body>UBND|Ủy\s+ban\s+nhân\s+dân|HĐND|Hội\s+đồng\s+nhân\s+dân|"
    r"Ban\s+Thường\s+vụ\s+Tỉnh\s+ủy|Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy)"
    r"(?:\s+(?P<unit>tỉnh|thành\s+phố|TP\.?|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn))?"
    r"(?P<place>(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]*\.?){0,4})")
_PUBLISHED = re.compile(
    r"(?:(?:Thứ\s+\w+|Chủ\s+nhật),?\s*|Đăng\s+ngày\s*:?\s*|Cập\s+nhật\s*:?\s*|Ngày\s+đăng\s*:?\s*)?"
    r"(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})\s*[/-]\s*(?P<y>20\d\d)")


def _is_official(lay: Layout) -> bool:
    """The text of a document itself: it has a number line, a motto, addressees, recipients or a place-date."""
    return bool(lay.own_number or lay.motto or lay.addressee_block or lay.recipients_block
                or (lay.date and lay.place))


def _local_issuer(body: str, unit: str | None, place: str) -> Issuer:
    """Name and level of ``UBND``/``HĐND``/Party committee + place words found in running text."""
    body_n = short(squash(body))
    unit_n = squash(unit).replace("TP.", "thành phố").replace("TP", "thành phố") if unit else None
    words = place.split()
    chosen = ""
    for k in (4, 3, 2, 1):
        cand = " ".join(words[:k])
        if cand and province(cand):
            chosen = province(cand)["name"]
            break
    if not chosen and words:
        chosen = " ".join(words[:2]).rstrip(".")
    name = " ".join(x for x in [body_n, unit_n, chosen] if x)
    level = level_of_name(name)
    if level is None and chosen and province(chosen):
        level = "province"
    return Issuer(name=name, level=level)


_PLACE_OF = re.compile(r"(?i)(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+\S.*$")


_ADOPTED = re.compile(r"(?i)thông\s+qua\s+(?=ngày\s+\d)")


def _adopted(clean: str):
    """The date in "Luật/Nghị quyết này được … thông qua ngày 16 tháng 6 năm 2025" (the last such line)."""
    for m in reversed(list(_ADOPTED.finditer(clean))):
        d = date_at(clean, m.end())
        if d and len(d.iso) == 10:
            return d
    return None


def _issuer_from_header(lay: Layout, number: DocNumber | None, date: str | None, clean: str) -> tuple[Issuer, str | None]:
    parent = None
    code = number.issuer_code if number else None
    bodies = split_bodies(lay.issuer_block) if lay.issuer_block else []
    bodies = [b for b in bodies if len(b.split()) <= 14]
    if bodies:
        main = bodies[-1]
        parent = bodies[-2] if len(bodies) >= 2 else None
        # "ỦY BAN NHÂN DÂN / TỈNH X" arrive as one body; "BỘ TÀI CHÍNH / CỤC THUẾ" as two
        name = short(pretty(main))
        if parent and re.fullmatch(r"(?i)(tỉnh|thành|huyện|quận|thị|đảng)\s+ủy", name):
            pm = re.match(r"(?i)đảng\s+bộ\s+(.+)$", pretty(parent))
            if pm:  # "ĐẢNG BỘ TỈNH PHÚ THỌ / TỈNH ỦY" → "Tỉnh ủy Phú Thọ"
                place = re.sub(r"(?i)^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+", "", pm.group(1))
                name = f"{name} {place}"
        level = level_of_name(name)
        if parent and not _PLACE_OF.search(name) and re.match(r"(?i)(sở|ban|văn phòng|chi cục|trung tâm|thanh tra)\b", name):
            pl = _PLACE_OF.search(pretty(parent))
            if pl and level_of_name(pretty(parent)) in ("province", "district", "commune"):
                name = f"{name} {pl.group(0)}"  # "Sở Nội vụ" of "UBND Thành phố Hồ Chí Minh"
        if level is None and parent:
            plevel = level_of_name(pretty(parent))
            if plevel == "central" and re.match(r"(?i)(cục|tổng cục|vụ|văn phòng|ban|viện|trung tâm)\b", name):
                level = "central"
            elif plevel:
                level = plevel
        if level is None:
            level = level_of_code(code)
        if level is None and fold(name) in ("ubnd", "hdnd") and lay.place:
            return _from_place(name, lay.place, date), parent
        if fold(name) in ("ubnd", "hdnd", "uy ban nhan dan") and lay.place:
            return _from_place("UBND" if "ub" in fold(name) or "uy ban" in fold(name) else "HĐND", lay.place, date), parent
        return Issuer(name=name, level=level, code=code), pretty(parent) if parent else None
    # no header block: the number's code, then the place of issue
    cname = central_name(code)
    if cname:
        return Issuer(name=cname, level="central", code=code), None
    if code and fold(code) in ("ubnd", "hdnd", "ctubnd") and lay.place:
        return _from_place("HĐND" if fold(code) == "hdnd" else "UBND", lay.place, date, code), None
    body = _issuer_from_body(clean, lay)
    if body.name:
        return body, None
    if code:
        return Issuer(name=None, level=level_of_code(code), code=code), None
    return _issuer_from_signature(lay), None


def _from_place(body: str, place: str, date: str | None, code: str | None = None) -> Issuer:
    p = province(place)
    if p:
        unit = "thành phố" if p["city"] else "tỉnh"
        return Issuer(name=f"{body} {unit} {p['name']}", level="province", code=code)
    # a place that is not a province: a district before 1 July 2025, a commune after
    level = "commune" if date and date >= "2025-07" else "district"
    return Issuer(name=f"{body} {place}", level=level, code=code)


_BODY_SUBJECT = re.compile(
    r"(?<![\w])(?P<body>(?:Ủy ban nhân dân|UBND|Sở|Cục|Tổng cục|Bộ|Văn phòng|Ban|Thuế)(?:\s+\(UBND\))?"
    r"(?:\s+(?!(?:về|tại|theo|cũng|sẽ|đã|đang|vẫn)\b)[A-ZĐÀ-Ỹa-zđà-ỹ&\-]+){0,7}?)\s+(?:đã\s+|xin\s+)?(?:nhận\s+được|có\s+ý\s+kiến|trân\s+trọng|"
    r"kính\s+(?:báo\s+cáo|đề\s+nghị|trình)|trả\s+lời|đề\s+nghị|yêu\s+cầu|thông\s+báo|có\s+công\s+văn|chỉ\s+đạo)\b")
_SIGNER_BODY = {"CỤC TRƯỞNG": "Cục", "BỘ TRƯỞNG": "Bộ", "GIÁM ĐỐC": "Sở", "CHỦ TỊCH": "Ủy ban nhân dân",
                "TỔNG CỤC TRƯỞNG": "Tổng cục", "CHÁNH VĂN PHÒNG": "Văn phòng"}


def _issuer_from_body(clean: str, lay: Layout) -> Issuer:
    """A document without a header still speaks in its own name: ``Cục Thuế nhận được …``, ``Sở Nội vụ đề nghị …``."""
    zone = squash(clean[lay.header_end: lay.body.end if lay.body else len(clean)])
    cands = [m.group("body").replace(" (UBND)", "") for m in _BODY_SUBJECT.finditer(zone)]
    if not cands:
        return Issuer()
    want = None
    sig = lay.signer or {}
    for pos in (sig.get("on_behalf_of") or "", sig.get("position") or ""):
        for k, v in _SIGNER_BODY.items():
            if k in pos.upper():
                want = v
                break
        if want:
            break
    pick = next((c for c in cands if want and fold(c).startswith(fold(want))), cands[0])
    name = short(pick)
    level = level_of_name(name)
    if level in (None, "district") and re.fullmatch(r"(?i)(UBND|HĐND)\s+Thành\s+phố", name):
        level = "province"  # a centrally-run city calls itself "Thành phố" with no name
    return Issuer(name=name, level=level)


def _issuer_from_signature(lay: Layout) -> Issuer:
    s = lay.signer or {}
    ob = s.get("on_behalf_of")
    if ob:
        lvl = level_of_name(ob)
        if lvl:
            return Issuer(name=short(pretty(ob)), level=lvl)
    return Issuer()


def _news(clean: str, doc: Document) -> None:
    """For a press article: find the directive it reports on, its issuer and date."""
    text = clean
    # the article's own date: the first date-like near the top
    m = _PUBLISHED.search(text, 0, min(len(text), 600))
    if m:
        d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            doc.published = f"{y:04d}-{mo:02d}-{d:02d}"
    years = [d.year for d in find_dates(text)]
    ref_year = int(doc.published[:4]) if doc.published else (max(years) if years else None)
    best = None
    for vm in _NEWS_VERB.finditer(text):
        s_a = max(text.rfind(".", 0, vm.start()), text.rfind("\n", 0, vm.start())) + 1
        e_m = re.search(r"\.(?:\s|$)|\n", text[vm.end():])
        s_b = vm.end() + (e_m.start() if e_m else len(text) - vm.end())
        best = (s_a, s_b, vm)
        break
    if best is None:
        return
    s_a, s_b, vm = best
    sentence = text[s_a:s_b]
    # the reported document: a number in the sentence, else a type word after the verb
    nums = list(find_numbers(text, s_a, s_b))
    tw = re.search(r"(?i)\b(" + "|".join(re.escape(w) for dt in tables().types for w in dt.words if w != "văn bản")
                   + r")\b", text[vm.end():s_b])
    if nums:
        nm = nums[0]
        doc.number = nm.parsed.text
        doc.parsed_number = nm.parsed
        doc.doc_type = _type_of(text, nm)
        d = date_at(text, nm.end)
        if d:
            doc.date = d.iso
    elif tw:
        dt = tables().type_by_word.get(fold(tw.group(1)))
        doc.doc_type = dt.key if dt else None
    # issuer: a central body's own code in the reported number, else the acting body of the sentence
    im = _LOCAL_BODY.search(sentence)
    code = doc.parsed_number.issuer_code if doc.parsed_number else None
    if central_name(code):
        doc.issuer = Issuer(name=central_name(code), level="central", code=code)
    elif im:
        doc.issuer = _local_issuer(im.group("body"), im.group("unit"), im.group("place"))
    else:
        for e in tables().central.values():
            for nm_ in e["names"]:
                if nm_ in sentence and len(nm_) > 6:
                    doc.issuer = Issuer(name=e["names"][0], level="central", code=e["code"])
                    break
            if doc.issuer.name:
                break
    # date of issue: "Ngày 05/6/2023, ... ban hành", or a bare "Ngày 5/5" completed with the year
    if doc.date is None:
        for d in find_dates(text, s_a, s_b):
            if text[d.start:d.start + 4].lower() == "ngày" and d.start < vm.start():
                doc.date = d.iso
                break
    if doc.date is None and ref_year:
        for a, _, d, mo in find_bare(text, s_a, s_b):
            if a < vm.start():
                doc.date = f"{ref_year:04d}-{mo:02d}-{d:02d}"
                break


def parse(text: str | bytes, *, obligations: bool = True, keep_text: bool = True) -> Document:
    """Parse one directive document (or a press article about one) into a :class:`Document`.

    ``text`` is the document's text as found: web copies with markdown, PDF text,
    OCR output.  Bytes must be UTF-8; anything that is not text raises
    :class:`vndirective.NotTextError`.  Set ``obligations=False`` to skip
    obligation segmentation and classification; ``keep_text=False`` leaves the text out of the
    Document (its spans still point into the input).
    """
    ct = normalize(text)
    clean = ct.text
    keep = ct.original if keep_text else None
    if len(clean) > MAX_CHARS:
        doc = _parse_clean(ct, clean[:MAX_CHARS], obligations)
        doc.warnings.append(f"text truncated to {MAX_CHARS} characters for parsing")
    else:
        doc = _parse_clean(ct, clean, obligations)
    doc.text = keep
    return doc


def _span(ct: CleanText, a: int, b: int) -> Span:
    s, e = ct.span(a, b)
    return Span(start=s, end=e)


def _parse_clean(ct: CleanText, clean: str, with_obligations: bool) -> Document:
    lay = analyse(clean)
    doc = Document(length=len(ct.original))
    if not clean.strip():
        doc.warnings.append("empty text")
        return doc
    official = _is_official(lay)
    doc.kind = "official" if official else "news"
    own_keys: set[str] = set()
    if official:
        if lay.own_number:
            p = lay.own_number.parsed
            doc.number = p.text
            doc.parsed_number = p.model_copy(update={"span": _span(ct, lay.own_number.start, lay.own_number.end)})
            if p.number:
                own_keys.add(number_key(p.text))
        if lay.date:
            doc.date = lay.date.iso
            doc.date_span = _span(ct, lay.date.start, lay.date.end)
        doc.place = lay.place
        doc.doc_type = _doc_type(lay, doc.parsed_number)
        if doc.number is None or doc.date is None:
            _from_annex(clean, doc, lay)
            if doc.number and doc.parsed_number and doc.parsed_number.number:
                own_keys.add(number_key(doc.number))
        if doc.date is None:
            adopted = _adopted(clean)  # a law or resolution with no place-date line is dated by its vote
            if adopted:
                doc.date, doc.date_span = adopted.iso, _span(ct, adopted.start, adopted.end)
        doc.issuer, doc.parent_body = _issuer_from_header(lay, doc.parsed_number, doc.date, clean)
        if doc.issuer.span is None and lay.issuer_block_span:
            doc.issuer.span = _span(ct, lay.issuer_block_span.start, lay.issuer_block_span.end)
        if lay.subject:
            doc.subject = squash(clean[lay.subject.start:lay.subject.end])
            doc.subject_span = _span(ct, lay.subject.start, lay.subject.end)
        doc.addressee_items = [Item(text=squash(clean[b.start:b.end]), span=_span(ct, b.start, b.end))
                               for b in lay.addressees]
        doc.addressees = [i.text for i in doc.addressee_items]
        doc.recipients = [Item(text=squash(clean[b.start:b.end]), span=_span(ct, b.start, b.end))
                          for b in lay.recipients]
        if lay.signer:
            s = lay.signer
            doc.signer = Signer(name=s["name"], position=s["position"], authority=s["authority"],
                                on_behalf_of=s["on_behalf_of"], span=_span(ct, *s["span"]))
    else:
        _news(clean, doc)
        if doc.number and doc.parsed_number and doc.parsed_number.number:
            own_keys.add(number_key(doc.number))
    refs = find_references(clean, own_keys, lay.footnotes, [Block(0, len(clean))], default_level=doc.issuer.level)
    for r in refs:
        r.spans = [_span(ct, s.start, s.end) for s in r.spans]
        r.footnotes = [_span(ct, s.start, s.end) for s in r.footnotes]
        r.context = [_span(ct, s.start, s.end) for s in r.context]
    doc.references = refs
    if with_obligations:
        from .obligations import find_obligations
        doc.obligations = find_obligations(ct, lay, doc)
    return doc


_ANNEX = re.compile(r"(?i)(?:ban\s+hành\s+)?kèm\s+theo\s+(?P<w>công\s+văn|văn\s+bản|quyết\s+định|kế\s+hoạch|"
                    r"thông\s+báo|nghị\s+quyết|chỉ\s+thị|công\s+điện|tờ\s+trình|báo\s+cáo)\s+(?:số\s*[:.]?\s*)?")


def _from_annex(clean: str, doc: Document, lay: Layout) -> None:
    """A document with no header still names itself in its annex: ``(Kèm theo Công văn số 5435/CT-NVT ngày …)``."""
    want = doc.doc_type or ("cong_van" if lay.addressee_block else None)
    for m in _ANNEX.finditer(clean):
        dt = tables().type_by_word.get(fold(m.group("w")))
        key = "cong_van" if dt and dt.key == "cong_van" else (dt.key if dt else None)
        if want and key != want:
            continue
        nm = next(iter(find_numbers(clean, m.end(), min(len(clean), m.end() + 60))), None)
        if nm is None or nm.start - m.end() > 3:
            nm = blank_number_at(clean, m.end())  # "(kèm theo văn bản số /UBND-NNMT ngày …)": unsigned copy
        if nm is None:
            continue
        if doc.number is None:
            doc.number = nm.parsed.text
            doc.parsed_number = nm.parsed
            doc.doc_type = doc.doc_type or key
        if doc.date is None and number_key(doc.number) == number_key(nm.parsed.text):
            d = date_at(clean, nm.end)
            if d:
                doc.date = d.iso
        return


def _doc_type(lay: Layout, number: DocNumber | None) -> str | None:
    """The title line decides (it tells a Party quy định from a quyết định), except for a
    consolidated text or a copy, whose number names what it is and whose title is the original's."""
    t = tables()
    code_type = t.doc_type_for_code(number.type_code) if number is not None and number.type_code else None
    if code_type and code_type.key in ("van_ban_hop_nhat", "ban_sao"):
        return code_type.key
    if lay.title:
        dt = t.type_by_word.get(fold(lay.title))
        if dt:
            return dt.key
    if number is not None and number.type_code:
        dt = t.doc_type_for_code(number.type_code)
        if dt:
            return dt.key
    if number is not None or lay.subject or lay.addressee_block:
        return "cong_van"
    return None
