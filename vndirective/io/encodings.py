"""Legacy Vietnamese font encodings (TCVN3/ABC ``.VnTime``, VNI) detected per line and turned into Unicode.

Text taken from such fonts arrives as Windows-1252 look-alikes: ``B¾c Giang``
(TCVN3) or ``Vieät Nam`` (VNI).  Each line is tried with both decoders and kept
as is, or replaced by the decoding that leaves no legacy signature characters
and reads most like Vietnamese, so mixed documents (one font per run) come out
right and ordinary Unicode text is never touched.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib.resources import files

# characters of the Latin-1 range that are not Vietnamese letters: their presence marks a legacy run
_VIET_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_SIGNATURE = re.compile("[" + "".join(c for c in map(chr, range(0xA1, 0x100))
                                      if c not in _VIET_LATIN1 and c not in "×÷«»°±²³µ·¹º¼½¾¿")
                        + "µ·¹¼½¾]")
_VOWELS = set("aeiouyAEIOUY")
_UNICODE_VIET = re.compile(r"[ăđĩũơưĂĐĨŨƠƯ\u1EA0-\u1EF9]")


@cache
def _tables() -> tuple[dict[str, str], dict]:
    data = json.loads(files("vndirective.data").joinpath("legacy_encodings.json").read_text(encoding="utf-8"))
    tcvn3 = {}
    for hexbyte, uni in data["tcvn3"].items():
        b = bytes([int(hexbyte, 16)])
        tcvn3[b.decode("cp1252", errors="ignore") or b.decode("latin-1")] = uni
        tcvn3[b.decode("latin-1")] = uni
    return tcvn3, data["vni"]


def decode_tcvn3(s: str) -> str:
    """Read ``s`` as TCVN3 bytes shown in Windows-1252/Latin-1."""
    table, _ = _tables()
    return unicodedata.normalize("NFC", "".join(table.get(c, c) for c in s))


def decode_vni(s: str) -> str:
    """Read ``s`` as VNI-Windows text: a vowel followed by its modifier characters."""
    _, vni = _tables()
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        nxt = s[i + 1] if i + 1 < n else ""
        base = {"ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư"}.get(c, c)
        if (c in _VOWELS or c in "ôÔöÖ") and nxt:
            if c in "aeoAEO" and nxt in vni["circumflex"]:
                out.append(base + "\u0302" + vni["circumflex"][nxt])
                i += 2
                continue
            if c in "aA" and nxt in vni["breve"]:
                out.append(base + "\u0306" + vni["breve"][nxt])
                i += 2
                continue
            if nxt in vni["tone"]:
                out.append(base + vni["tone"][nxt])
                i += 2
                continue
        out.append(vni["single"].get(c, c))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


_NUCLEI = set("""a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa
ưi ưu ươ ya yê iêu yêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu""".split())
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?([aăâeêioôơuưy]+)(ch|ng|nh|[cmnpt])?$")


def _valid(word: str) -> bool:
    """A Vietnamese syllable: onset, an allowed vowel nucleus with at most one tone, a coda."""
    d = unicodedata.normalize("NFD", word.lower())
    tones = sum(d.count(t) for t in _TONES)
    bare = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
    m = _SYLLABLE.match(bare)
    if tones > 1 or not m:
        return False
    nucleus = m.group(2)
    if m.group(1) == "gi" and not nucleus:
        return True
    return nucleus in _NUCLEI or (m.group(1) in ("qu", "gi") and nucleus[1:] in _NUCLEI)


def _score(s: str) -> int:
    words = re.findall(r"[^\W\d_]+", s)
    ok = sum(_valid(w) for w in words)
    return ok - (len(words) - ok) - 3 * len(_SIGNATURE.findall(s))


def fix_line(line: str) -> tuple[str, str | None]:
    """The line in Unicode, and the legacy encoding it was in (None when it was already Unicode)."""
    sig = len(_SIGNATURE.findall(line))
    if sig < 1 or _UNICODE_VIET.search(line):
        return line, None  # letters only Unicode has (ạ, ơ, ư, đ …): the line is already Unicode
    best, name, top = line, None, _score(line) + 1  # a decoding must read clearly better
    for enc, dec in (("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        cand = dec(line)
        sc = _score(cand)
        if sc > top:
            best, name, top = cand, enc, sc
    words = [w for w in re.findall(r"[^\W\d_]+", best) if not w.isascii()]  # the words a decoding touched
    if name is None or len(_SIGNATURE.findall(best)) * 3 > sig or sum(map(_valid, words)) < 0.5 * len(words):
        return line, None
    return best, name


def fix_legacy(text: str) -> tuple[str, list[str]]:
    """Convert every legacy-encoded line of ``text``; return the text and the encodings met."""
    if not _SIGNATURE.search(text):
        return text, []
    found: list[str] = []
    lines = text.split("\n")
    done: set[int] = set()
    for k, line in enumerate(lines):
        fixed, enc = fix_line(line)
        if enc:
            lines[k] = fixed
            done.add(k)
            if enc not in found:
                found.append(enc)
    # a document mostly in one legacy encoding: its short lines without a telltale character ("sè: /ubnd")
    # are in it too, when decoding them reads at least as well
    accented = [k for k, ln in enumerate(lines) if not ln.isascii()]
    if len(found) == 1 and len(done) >= 0.3 * len(accented):
        dec = decode_tcvn3 if found[0] == "tcvn3" else decode_vni
        for k in accented:
            if k not in done and not _UNICODE_VIET.search(lines[k]):
                cand = dec(lines[k])
                if _score(cand) >= _score(lines[k]):
                    lines[k] = cand
    return "\n".join(lines), found
