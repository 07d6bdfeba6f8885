"""Obligation units on real texts: segmentation against the gold, actors, deadlines, modality."""
from __future__ import annotations

import re

import vndirective
from vndirective.corpus import load_gold

from .conftest import GOLD, SEED_GOLD


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def _overlap(a: str, b: str) -> float:
    from collections import Counter

    ta, tb = Counter(_words(a)), Counter(_words(b))
    common = sum((ta & tb).values())
    return 2 * common / (sum(ta.values()) + sum(tb.values())) if common else 0.0


def _f1(docs) -> float:
    tp = fp = fn = 0
    for d in docs:
        pred = [o.text for o in vndirective.parse(d.text).obligations]
        gold = [u["text"] for u in d.units]
        used: set[int] = set()
        for g in gold:
            best = max(((k, _overlap(g, p)) for k, p in enumerate(pred) if k not in used), key=lambda x: x[1],
                       default=(None, 0))
            if best[1] >= 0.5:
                used.add(best[0])
                tp += 1
            else:
                fn += 1
        fp += len(pred) - len(used)
    return 2 * tp / (2 * tp + fp + fn)


def test_units_of_the_seeds():
    assert _f1(load_gold([SEED_GOLD])) >= 0.9


def test_units_of_the_corpus_gold(corpus):
    assert _f1(load_gold([GOLD], [corpus / "raw"])) >= 0.7


def test_actors_come_from_the_heading_the_request_or_the_unit(seed_texts, corpus):
    bg = vndirective.parse(seed_texts["001_98fc9fbbc69a2cda"])
    a = next(o for o in bg.obligations if o.marker == "a)")
    assert a.actors == ["Giám đốc sở, Thủ trưởng cơ quan, đơn vị trực thuộc UBND tỉnh", "Chủ tịch UBND huyện, thành phố"]
    assert next(o for o in bg.obligations if o.marker == "3.").actors == ["Văn phòng UBND tỉnh"]
    nd = vndirective.parse(seed_texts["000_5ea26bdbc8d8421e"])
    assert "Chủ tịch UBND các huyện, thành phố" in nd.obligations[1].actors, "carried on from 'UBND tỉnh yêu cầu:'"
    hcm = vndirective.parse(next((corpus / "raw").glob("0060_*.txt")).read_text(encoding="utf-8"))
    first = hcm.obligations[0]
    assert first.actors == ["Sở Nông nghiệp và Môi trường"] and first.deadline == "2025-12-05"


def test_modality_and_references_of_units(seed_texts):
    qn = vndirective.parse(seed_texts["002_25b0dd7a75509a99"])
    assert any(o.modality == "prohibited" and o.text.lstrip('"').startswith("Nghiêm cấm") for o in qn.obligations)
    bg = vndirective.parse(seed_texts["001_98fc9fbbc69a2cda"])
    units = {o.text[:30]: o.modality for o in bg.obligations}
    assert units["Trong quá trình phối hợp để gi"] == "must_not" and units["Đề cao trách nhiệm người đứng "] == "must"
    assert bg.obligations[0].references == ["968/CĐ-TTg", "280/CĐ-TTg"]


def test_an_annexed_regulation_is_read_and_published_procedures_are_not_units(corpus):
    """A quy chế printed after the signature holds units; the procedure lists, descriptions and forms that a
    "công bố thủ tục hành chính" decision annexes do not (ANNOTATION.md; the corpus gold)."""
    docs = {d.name: d for d in load_gold([GOLD], [corpus / "raw"])}
    reg = next(d for n, d in docs.items() if n.startswith("0106_"))
    parsed = vndirective.parse(reg.text)
    assert parsed.signer and parsed.signer.name == "Ngô Đông Hải", "the signature is the decision's, not the annex's"
    assert _f1([reg]) >= 0.6
    published = [d for d in docs.values()
                 if re.search(r"(?i)công\s+bố[^\n]{0,80}thủ\s+tục\s+hành\s+chính", d.text[:3000])]
    assert len(published) >= 10
    assert _f1(published) >= 0.65


def test_quoted_provisions_are_not_units(corpus):
    """Tax and customs answers quote the law at length ("Tại khoản 2 Điều 9 … quy định: “…”"); the quoted
    provisions are not the letter's demands, while its own "Đề nghị …" sentences are."""
    letters = sorted((corpus / "raw").glob("*-ct-cs-*.txt"))
    assert len(letters) >= 10
    inside = 0
    for path in letters:
        text = path.read_text(encoding="utf-8")
        quotes = [(m.start(), m.end()) for m in re.finditer(r"“[^”]{200,}”", text)]
        for o in vndirective.parse(text).obligations:
            inside += any(a < o.span.start < b for a, b in quotes)
    assert inside == 0
