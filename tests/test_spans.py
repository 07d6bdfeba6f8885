"""Every extracted item points at its own text in the input, as eyecite's spans do."""
from __future__ import annotations

import unicodedata

import vndirective
from vndirective.numbers import number_key


def _check(text: str) -> None:
    doc = vndirective.parse(text)
    for r in doc.references:
        for s in r.spans:
            assert number_key(text[s.start:s.end].replace("*", "")).split("/")[-1] in number_key(r.number)
    for o in doc.obligations:
        covered = " ".join(text[o.span.start:o.span.end].replace("*", "").replace("|", " ").split())
        words = o.text.split()
        assert covered.startswith(" ".join(words[:3])) and covered.endswith(" ".join(words[-3:]))
    for a in doc.addressee_items:
        assert " ".join(text[a.span.start:a.span.end].replace("*", "").replace("|", " ").split()) == a.text
    if doc.parsed_number and doc.parsed_number.span:
        assert doc.parsed_number.span.end > doc.parsed_number.span.start


def test_spans_on_seeds(seed_texts):
    for text in seed_texts.values():
        _check(text)


def test_spans_on_markdown_corpus_copies(corpus):
    for f in sorted((corpus / "raw").glob("*.txt"))[::9]:
        _check(f.read_text(encoding="utf-8"))


def test_spans_survive_decomposed_input(seed_texts):
    text = unicodedata.normalize("NFD", seed_texts["001_98fc9fbbc69a2cda"])
    doc = vndirective.parse(text)
    r = next(r for r in doc.references if r.number == "280/CĐ-TTg")
    s = r.spans[0]
    assert unicodedata.normalize("NFC", text[s.start:s.end]) == "280/CĐ-TTg"
