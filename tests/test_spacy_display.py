"""spaCy component through nlp.pipe on the seeds, the notebook HTML view and the pandas tables."""
from __future__ import annotations

import spacy

import vndirective


def test_spacy_pipe_spans_equal_parse(seed_texts):
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vndirective")
    names, texts = list(seed_texts), list(seed_texts.values())
    for name, doc in zip(names, nlp.pipe(texts)):
        ref = vndirective.parse(seed_texts[name])
        assert doc._.directive.model_dump(exclude={"text"}) == ref.model_dump(exclude={"text"})
        want = [(s.start, s.end) for r in ref.references for s in r.spans]
        got = doc.spans["vnd_references"]
        assert len(got) == len(want)
        for (a, b), span in zip(want, got):
            assert span.start_char <= a and b <= span.end_char and span.text.strip("¹²³⁴⁵,.;()").find(
                seed_texts[name][a:b]) >= 0
        units = doc.spans["vnd_obligations"]
        assert len(units) == len(ref.obligations)
        for u, o in zip(units, ref.obligations):  # token-aligned: the unit, widened to whole tokens
            assert u.start_char <= o.span.start < o.span.end <= u.end_char
            assert o.span.start - u.start_char < 15 and u.end_char - o.span.end < 15
        assert [u.label_ for u in units] == [(o.labels or ["obligation"])[0] for o in ref.obligations]
        assert {e.label_ for e in doc.ents} <= {"DOC_NUMBER", "DATE", "ISSUER"}


def test_displacy_renders_the_spans(seed_texts):
    from spacy import displacy

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vndirective")
    doc = nlp(seed_texts["001_98fc9fbbc69a2cda"])
    html = displacy.render(doc, style="span", options={"spans_key": "vnd_references"}, page=False)
    assert "280/CĐ-TTg" in html
    assert "DOC_NUMBER" in displacy.render(doc, style="ent", page=False)


def test_document_html_highlights_every_kind(seed_texts):
    doc = vndirective.parse(seed_texts["001_98fc9fbbc69a2cda"])
    html = doc._repr_html_()
    for label in ("REFERENCE", "DATE", "ADDRESSEE", "NUMBER", "[accountability]"):
        assert label in html
    assert html.count("<mark") == html.count("</mark>")


def test_frames_for_analysis(seed_texts):
    docs = [vndirective.parse(t) for t in seed_texts.values()]
    f = vndirective.frame(docs, list(seed_texts))
    assert len(f.documents) == 5 and set(f.documents.level) >= {"province", "district"}
    assert f.references.number.str.contains("280/CĐ-TTg").sum() == 2
    assert len(f.obligations) == sum(len(d.obligations) for d in docs)
    assert vndirective.obligations_frame(docs)[0]["text"]
