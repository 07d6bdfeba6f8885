"""The whole real corpus: nothing crashes, and the header agrees with the gold and the corpus table."""
from __future__ import annotations

import csv

import vndirective
from vndirective.corpus import load_gold
from vndirective.numbers import number_key

from .conftest import GOLD


def test_every_corpus_document_parses(corpus):
    files = sorted((corpus / "raw").glob("*.txt"))
    assert len(files) >= 200
    for f in files:
        doc = vndirective.parse(f.read_text(encoding="utf-8"))
        assert doc.length > 0


def test_header_fields_match_the_corpus_table(corpus):
    rows = [r for r in csv.DictReader((corpus / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t")
            if r["file"].startswith("raw/")]
    hits = {"number": [0, 0], "type": [0, 0], "date": [0, 0], "level": [0, 0]}
    for r in rows:
        doc = vndirective.parse((corpus / r["file"]).read_text(encoding="utf-8"), obligations=False)
        checks = {"type": (r["type"], doc.doc_type), "level": (r["level"], doc.issuer.level)}
        if r["number"] and "not in text" not in r["notes"]:
            checks["number"] = (number_key(r["number"]), number_key(doc.number or ""))
        if r["date"]:
            checks["date"] = (r["date"], doc.date)
        for k, (want, got) in checks.items():
            hits[k][0] += want == got
            hits[k][1] += 1
    for k, (ok, n) in hits.items():
        assert ok / n >= 0.97, f"{k}: {ok}/{n}"


def test_references_and_addressees_match_our_gold(corpus):
    docs = load_gold([GOLD], [corpus / "raw"])
    assert len(docs) >= 40
    tp = fp = fn = a_ok = a_n = 0
    for d in docs:
        doc = vndirective.parse(d.text, obligations=False)
        want = {number_key(r["number"]) for r in d.gold.get("references", [])}
        got = {number_key(r.number) for r in doc.references}
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        a_n += 1
        a_ok += [" ".join(a.split()) for a in d.gold.get("addressees", [])] == doc.addressees
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, (tp, fp, fn)
    assert a_ok / a_n >= 0.9



def test_laws_and_resolutions_without_a_place_date_are_dated_by_their_vote(corpus):
    """"Nghị quyết này được Ủy ban Thường vụ Quốc hội … thông qua ngày 16 tháng 6 năm 2025." is the date of issue."""
    import re

    seen = 0
    for f in sorted((corpus / "raw").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        if not re.search(r"thông\s+qua\s+ngày\s+\d", text):
            continue
        doc = vndirective.parse(text, obligations=False)
        assert doc.date is not None and doc.date_span is not None, f.name
        if doc.date_span.start > len(text) // 2:  # no place-date line in the header
            seen += 1
            assert "thông qua" in text[doc.date_span.start - 80:doc.date_span.start], f.name
    assert seen >= 4
