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
