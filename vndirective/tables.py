"""Lookup tables (document types, issuers, provinces), read once from ``vndirective/data``.

Knowledge lives in JSON so that adding a ministry code or a province spelling
is a data change, not a code change (as eyecite keeps reporters in data).
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower-case, no diacritics, đ→d, single spaces: the comparison key for names and codes."""
    s = unicodedata.normalize("NFD", s).replace("\u0111", "d").replace("\u0110", "D")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return " ".join(s.lower().split())


@lru_cache(maxsize=65536)
def code_key(code: str) -> str:
    """Comparison key of a symbol code: case, Đ/D and Ư/U folded (``CD`` ~ ``CĐ``, ``TƯ`` ~ ``TW``)."""
    return fold(code).replace(" ", "").upper()


def _load(name: str) -> dict:
    return json.loads(files("vndirective.data").joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class DocType:
    key: str
    name: str
    codes: tuple[str, ...]
    words: tuple[str, ...]


@dataclass
class Tables:
    types: list[DocType]
    type_by_code: dict[str, DocType]
    type_by_word: dict[str, DocType]
    central: dict[str, dict]
    local: dict[str, dict]
    central_name_patterns: tuple[str, ...]
    provinces: dict[str, dict] = field(default_factory=dict)
    """folded province name (and alias) -> {'name', 'city', 'era'}"""

    spelling: dict[str, str] = field(default_factory=dict)
    """code key -> official spelling of every known type or issuer code"""
    exact_codes: frozenset[str] = frozenset()
    type_by_exact: dict[str, DocType] = field(default_factory=dict)

    def canonical_code(self, code: str) -> str:
        """The official spelling of a known code (``CD`` → ``CĐ``), else the code as given."""
        if code in self.exact_codes:
            return code
        return self.spelling.get(code_key(code), code)

    def doc_type_for_code(self, code: str) -> DocType | None:
        """The type a symbol code stands for: exact spelling first (HD hướng dẫn vs HĐ hợp đồng), then folded."""
        return self.type_by_exact.get(code) or self.type_by_code.get(code_key(code))

    def is_known_code(self, code: str) -> bool:
        return code_key(code) in self.spelling


@cache
def tables() -> Tables:
    t = _load("doc_types.json")
    types = [DocType(d["key"], d["name"], tuple(d["codes"]), tuple(d["words"])) for d in t["types"]]
    by_code: dict[str, DocType] = {}
    for dt in types:  # the first type listed wins a folded collision (HD: hướng dẫn before hợp đồng)
        for c in dt.codes:
            by_code.setdefault(code_key(c), dt)
    by_word = {fold(w): dt for dt in types for w in dt.words}
    iss = _load("issuers.json")
    central = {code_key(e["code"]): e for e in iss["central"]}
    local = {code_key(e["code"]): e for e in iss["local"]}
    prov = _load("provinces.json")
    provinces: dict[str, dict] = {}
    for era in ("before_2025", "after_2025"):
        for p in prov[era]:
            provinces.setdefault(fold(p["name"]), {"name": p["name"], "city": p["city"]})
    for alias, name in prov["aliases"].items():
        provinces.setdefault(fold(alias), provinces[fold(name)])
    codes = [*(c for dt in types for c in dt.codes), *(e["code"] for e in iss["central"]), *(e["code"] for e in iss["local"])]
    spelling: dict[str, str] = {}
    for c in codes:
        spelling.setdefault(code_key(c), c)
    return Tables(types, by_code, by_word, central, local, tuple(iss["central_name_patterns"]), provinces, spelling,
                  frozenset(codes), {c: dt for dt in types for c in dt.codes})
