"""Issuing bodies and their level (central, province, district, commune).

The symbol alone rarely gives the level (``UBND`` and ``HĐND`` exist at every
level), so the level is read, in this order, from the body's own name (``tỉnh``,
``huyện``, ``xã``, a centrally-run city), from its parent body in the header,
from the place of issue, and from the code table.
"""
from __future__ import annotations

import re
from functools import cache

from .tables import code_key, fold, tables

_PLACE_WORDS = {"tỉnh": "province", "huyện": "district", "quận": "district", "thị xã": "district",
                "xã": "commune", "phường": "commune", "thị trấn": "commune", "đặc khu": "commune"}
_PLACE_RX = re.compile(r"\b(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|thị trấn|xã(?! hội)|phường|đặc khu)(?!\w)\s*([^,;()]*)")
_PARTY_LEVEL = [("tinh uy", "province"), ("thanh uy", "province"), ("huyen uy", "district"),
                ("quan uy", "district"), ("thi uy", "district"), ("dang uy xa", "commune"),
                ("dang uy phuong", "commune"), ("dang uy thi tran", "commune")]
# Words that open a new body name in a header block ("BỘ TÀI CHÍNH CỤC THUẾ" → two bodies).
_BODY_HEADS = ["uy ban nhan dan", "hoi dong nhan dan", "ubnd", "hdnd", "uy ban", "thu tuong", "van phong",
               "tong cuc", "chi cuc", "cuc", "bo", "so", "ban", "tinh uy", "thanh uy", "huyen uy", "dang uy",
               "dang bo", "thue", "cong an", "kiem toan", "ngan hang", "thanh tra", "bao hiem", "toa an",
               "vien kiem sat", "truong", "trung tam", "phong", "chinh phu", "quoc hoi", "mat tran", "hoi"]
_SHORT = [(re.compile(r"(?i)ủy ban nhân dân|uỷ ban nhân dân"), "UBND"),
          (re.compile(r"(?i)hội đồng nhân dân"), "HĐND")]


_FIELD_HEADS = {"so", "bo", "cuc", "vu", "ban", "chi", "trung", "thue"}


def province(name: str) -> dict | None:
    """The province or centrally-run city called ``name`` (any spelling in the table), if any."""
    k = fold(name)
    k = re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", k)
    return tables().provinces.get(k)


def level_of_name(name: str) -> str | None:
    """The level a body's name states: ``UBND huyện X`` → district, ``Bộ Y tế`` → central; None if silent."""
    k = fold(name)
    for word, lvl in _PARTY_LEVEL:
        if word in k:
            return lvl
    m = _PLACE_RX.search(" ".join(name.lower().split()))
    if m:
        word = m.group(1).rstrip(".")
        if word in ("thành phố", "tp"):
            rest = m.group(2).strip()
            if not rest or fold(rest.split()[0]) in ("ve", "va", "tai", "theo", "quy", "ban", "trong", "giao", "nam", "de"):
                return None  # "của UBND Thành phố về …": which city is not said
            p = province(rest)
            return "province" if p and p["city"] else "district"
        return _PLACE_WORDS[word]
    m = re.search(r"\b(?:tinh|thanh pho)\s+(.+)$", k)  # the place words misspelt by OCR ("TÍNH QUẢNG NGÃI")
    if m and province(m.group(1)):
        return "province"
    if k.startswith("so ") or " so " in f" {k} " and k.startswith("giam doc so"):
        return "province"
    if any(f" {fold(p)} " in f" {k} " for p in tables().central_name_patterns):
        return "central"
    return None


def level_of_code(code: str | None) -> str | None:
    """Level implied by an issuer code alone: central codes and the Party's TU/HU/ĐU."""
    if not code:
        return None
    t = tables()
    k = code_key(code)
    base = re.sub(r"\d+$", "", k)
    if k in t.central or (base in t.central and t.central[base].get("prefix")):
        return "central"
    if k in t.local:
        return t.local[k].get("level")
    if k.endswith("TW") or k.endswith("TU") and k.startswith("B"):
        return "central" if k.endswith("TW") else "province"  # Party organs: ...TW central, B...TU of a Tỉnh ủy
    if k.startswith("S") and len(k) >= 3 and k not in t.local:
        return "province"  # Sở codes: SNV, STC, SGDĐT, SXD ...
    return None


def central_name(code: str | None) -> str | None:
    if not code:
        return None
    e = tables().central.get(code_key(code))
    if e:
        return e["names"][0]
    if re.fullmatch(r"QH\d+", code_key(code)):
        return "Quốc hội"
    if re.fullmatch(r"UBTVQH\d+", code_key(code)):
        return "Ủy ban Thường vụ Quốc hội"
    return None


def pretty(name: str) -> str:
    """Sentence case for an upper-case header name, keeping place names and abbreviations."""
    words = name.split()
    if not words:
        return name
    letters = [c for c in name if c.isalpha()]
    if sum(c.isupper() for c in letters) < 0.7 * len(letters):  # mostly upper case: a header line (or a
        out = name                                                 # legacy font that lost some capitals)
    else:
        low = [w.lower() for w in words]
        cap = {0}
        if fold(low[0]) in _FIELD_HEADS and len(low) > 1 and low[1] not in ("tỉnh", "thành", "huyện", "quận", "xã"):
            cap.add(1)  # "Sở Giáo dục …", "Cục Hải quan": the field's first word is capitalised
        cap |= {i + 1 for i, w in enumerate(low[:-1]) if w in ("và", "-") and 1 in cap}
        low = [w[:1].upper() + w[1:] if i in cap else w for i, w in enumerate(low)]
        out = " ".join(low)
        # restore proper names: the place after tỉnh/thành phố/huyện/..., and known central names
        out = re.sub(r"(?i)\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|(?:tỉnh|thành|huyện|quận|thị)"
                     r"\s+ủy)\s+(?!ủy\b)(.+)$", lambda m: m.group(1) + " " + _title(m.group(2)), out)
        if fold(out) in _known_names():
            out = _known_names()[fold(out)]
    return out


def _title(s: str) -> str:
    p = province(s)
    if p:
        return p["name"]
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split())


def short(name: str) -> str:
    """``Ủy ban nhân dân tỉnh X`` → ``UBND tỉnh X`` (the form used in registers)."""
    for rx, rep in _SHORT:
        name = rx.sub(rep, name)
    return name


@cache
def _name_tables() -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    known = sorted({tuple(fold(n).split()) for e in tables().central.values() for n in e["names"]}, key=len,
                   reverse=True)
    heads = [tuple(h.split()) for h in sorted(_BODY_HEADS, key=lambda h: -len(h.split()))]
    return known, heads


@cache
def _known_names() -> dict[str, str]:
    return {fold(n): n for e in tables().central.values() for n in e["names"]}


def split_bodies(block: str) -> list[str]:
    """Split a flattened header block into body names: ``BỘ TÀI CHÍNH CỤC THUẾ`` → two names."""
    words = block.split()
    folded = [fold(w) for w in words]
    known, heads = _name_tables()
    # words of a province name after "tỉnh"/"thành phố" never open a body ("THÀNH PHỐ HẢI PHÒNG")
    protected: set[int] = set()
    for i in range(len(words)):
        if folded[i] == "tinh" or (i and folded[i - 1] == "thanh" and folded[i] == "pho"):
            for k in (4, 3, 2, 1):
                if province(" ".join(words[i + 1:i + 1 + k])):
                    protected.update(range(i + 1, i + 1 + k))
                    break
    bodies: list[list[str]] = []
    i = 0
    while i < len(words):
        if i in protected:
            bodies[-1].append(words[i])
            i += 1
            continue
        hit = next((kn for kn in known if tuple(folded[i:i + len(kn)]) == kn), None)
        if hit:
            bodies.append(words[i:i + len(hit)])
            i += len(hit)
            continue
        head = next((h for h in heads if tuple(folded[i:i + len(h)]) == h), None)
        if head and (not bodies or len(bodies[-1]) >= 2):
            bodies.append(words[i:i + len(head)])
            i += len(head)
            continue
        if not bodies:
            bodies.append([])
        bodies[-1].append(words[i])
        i += 1
    return [" ".join(b) for b in bodies if b]
