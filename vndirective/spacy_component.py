"""spaCy integration: ``nlp.add_pipe("vndirective")`` after ``spacy.blank("vi", ...)``.

The component runs :func:`vndirective.parse` on ``doc.text`` and puts its
results on the spaCy Doc: ``doc._.directive`` (the Document),
``doc.spans["vnd_references"]`` (every mention of a cited document, labelled
with its type), ``doc.spans["vnd_obligations"]`` (each unit, labelled with its
first label or ``obligation``), and entities ``DOC_NUMBER``, ``DATE`` and
``ISSUER`` aligned to tokens.  Registered through ``@Language.factory`` and the
``spacy_factories`` entry point, so it is found after ``pip install``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .parser import parse


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


class DirectiveComponent:
    """Parse each text once and expose the result as spaCy spans and entities."""

    def __init__(self, nlp: Language, name: str, obligations: bool) -> None:
        self.obligations = obligations
        if not Doc.has_extension("directive"):
            Doc.set_extension("directive", default=None)

    def __call__(self, doc: Doc) -> Doc:
        d = parse(doc.text, obligations=self.obligations, keep_text=False)
        doc._.directive = d
        refs = [s for r in d.references for sp in r.spans
                if (s := _span(doc, sp.start, sp.end, r.doc_type or "reference")) is not None]
        doc.spans["vnd_references"] = refs
        doc.spans["vnd_obligations"] = [s for o in d.obligations
                                        if (s := _span(doc, o.span.start, o.span.end,
                                                       o.labels[0] if o.labels else "obligation")) is not None]
        ents = [s for s in refs if s is not None]
        ents = [Span(doc, s.start, s.end, label="DOC_NUMBER") for s in ents]
        if d.parsed_number and d.parsed_number.span:
            s = _span(doc, d.parsed_number.span.start, d.parsed_number.span.end, "DOC_NUMBER")
            ents += [s] if s is not None else []
        if d.date_span:
            s = _span(doc, d.date_span.start, d.date_span.end, "DATE")
            ents += [s] if s is not None else []
        if d.issuer.span and d.issuer.span.end - d.issuer.span.start < 200:
            s = _span(doc, d.issuer.span.start, d.issuer.span.end, "ISSUER")
            ents += [s] if s is not None else []
        doc.ents = filter_spans(ents)
        return doc


@Language.factory("vndirective", default_config={"obligations": True})
def make_vndirective(nlp: Language, name: str, obligations: bool) -> DirectiveComponent:
    return DirectiveComponent(nlp, name, obligations)
