"""Notebook views: a Document as HTML with its spans highlighted (displaCy-style), and pandas tables.

Colours are per label; obligations are drawn as blocks with their labels, and
the references, dates, issuer and addressees inside them as inline marks.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from typing import NamedTuple

from .models import Document

COLOURS = {"REFERENCE": "#f6c85f", "DATE": "#9fd3e6", "ISSUER": "#c3b1e1", "ADDRESSEE": "#b5e3b5",
           "NUMBER": "#f4a6a6", "SUBJECT": "#e8e8e8"}
LABEL_COLOURS = {"accountability": "#d35400", "tthc": "#2471a3", "coordination": "#1e8449", "conduct": "#8e44ad"}


def _inline(doc: Document) -> list[tuple[int, int, str, str]]:
    spans = []
    if doc.parsed_number and doc.parsed_number.span:
        spans.append((doc.parsed_number.span.start, doc.parsed_number.span.end, "NUMBER", doc.number or ""))
    if doc.date_span:
        spans.append((doc.date_span.start, doc.date_span.end, "DATE", doc.date or ""))
    if doc.issuer.span and doc.issuer.span.end - doc.issuer.span.start < 200:
        spans.append((doc.issuer.span.start, doc.issuer.span.end, "ISSUER", doc.issuer.name or ""))
    for a in doc.addressee_items:
        spans.append((a.span.start, a.span.end, "ADDRESSEE", a.text))
    for r in doc.references:
        tip = " · ".join(x for x in (r.doc_type, r.date, r.issuer.name, r.relation) if x)
        spans += [(s.start, s.end, "REFERENCE", tip) for s in r.spans]
    spans.sort(key=lambda s: (s[0], -s[1]))
    out, last = [], -1
    for s in spans:  # inline marks never overlap each other
        if s[0] >= last:
            out.append(s)
            last = s[1]
    return out


def render_html(doc: Document, text: str | None = None, max_chars: int = 60_000) -> str:
    """HTML of the header fields and of the text with every extracted span highlighted."""
    text = text if text is not None else doc.text
    rows = [("kind", doc.kind), ("number", doc.number), ("type", doc.doc_type),
            ("issuer", f"{doc.issuer.name or ''} ({doc.issuer.level or '?'})"), ("place, date", f"{doc.place or ''} {doc.date or ''}"),
            ("subject", doc.subject), ("addressees", "; ".join(doc.addressees)),
            ("signer", f"{doc.signer.authority or ''} {doc.signer.position or ''} {doc.signer.name or ''}" if doc.signer else None),
            ("references", str(len(doc.references))), ("obligations", str(len(doc.obligations)))]
    table = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{k}</th><td>{html.escape(str(v))}</td></tr>"
                    for k, v in rows if v)
    legend = " ".join(f"<span style='background:{c};padding:0 .3em;border-radius:3px'>{k}</span>"
                      for k, c in COLOURS.items()) + " " + " ".join(
        f"<span style='border-left:4px solid {c};padding-left:.3em'>{k}</span>" for k, c in LABEL_COLOURS.items())
    if not text:
        return f"<div><table>{table}</table></div>"
    text = text[:max_chars]
    events: list[tuple[int, int, str]] = []  # (position, order, html)
    for o in doc.obligations:
        if o.span.end > len(text):
            continue
        colour = LABEL_COLOURS.get(o.labels[0], "#7f8c8d") if o.labels else "#bdc3c7"
        tags = "".join(f"<sup style='color:{LABEL_COLOURS[lab]};font-weight:bold'>[{lab}]</sup>" for lab in o.labels)
        events.append((o.span.start, 1, f"<span style='border-left:4px solid {colour};background:#fafafa;"
                                        f"padding-left:.3em' title='{html.escape(o.marker or '')}'>{tags}"))
        events.append((o.span.end, 0, "</span>"))
    for s, e, lab, tip in _inline(doc):
        if e > len(text):
            continue
        events.append((s, 2, f"<mark style='background:{COLOURS[lab]};padding:0 .15em;border-radius:3px' "
                             f"title='{html.escape(lab + ': ' + tip)}'>"))
        events.append((e, -1, f"<sub style='font-size:.6em'>{lab}</sub></mark>"))
    events.sort(key=lambda x: (x[0], x[1]))
    parts, pos = [], 0
    for p, _, tag in events:
        parts.append(html.escape(text[pos:p]))
        parts.append(tag)
        pos = p
    parts.append(html.escape(text[pos:]))
    body = "".join(parts)
    return (f"<div style='font-family:sans-serif'><table>{table}</table><p>{legend}</p>"
            f"<div style='white-space:pre-wrap;line-height:1.7;border:1px solid #ddd;padding:.8em;max-height:40em;"
            f"overflow:auto'>{body}</div></div>")


class Frames(NamedTuple):
    documents: object
    references: object
    obligations: object


def obligations_frame(docs: Iterable[Document], names: Iterable[str] | None = None) -> list[dict]:
    """One row per obligation unit across documents (load it with ``pandas.DataFrame(rows)``)."""
    names = list(names) if names is not None else None
    rows = []
    for k, d in enumerate(docs):
        for o in d.obligations:
            rows.append({"document": names[k] if names else k, "number": d.number, "issuer": d.issuer.name,
                         "level": d.issuer.level, "date": d.date, "marker": o.marker, "text": o.text,
                         "labels": o.labels, "actors": o.actors, "deadline": o.deadline, "modality": o.modality,
                         "references": o.references, "start": o.span.start, "end": o.span.end})
    return rows


def frame(docs: Iterable[Document], names: Iterable[str] | None = None) -> Frames:
    """pandas DataFrames of the documents, their references and their obligations."""
    import pandas as pd

    docs = list(docs)
    names = list(names) if names is not None else list(range(len(docs)))
    d_rows, r_rows = [], []
    for n, d in zip(names, docs):
        d_rows.append({"document": n, "kind": d.kind, "number": d.number, "doc_type": d.doc_type,
                       "issuer": d.issuer.name, "level": d.issuer.level, "date": d.date,
                       "year": int(d.date[:4]) if d.date else None, "place": d.place, "subject": d.subject,
                       "addressees": len(d.addressees), "references": len(d.references),
                       "obligations": len(d.obligations)})
        for r in d.references:
            r_rows.append({"document": n, "citing_level": d.issuer.level, "number": r.number,
                           "doc_type": r.doc_type, "date": r.date, "issuer": r.issuer.name,
                           "level": r.issuer.level, "relation": r.relation, "mentions": len(r.spans)})
    documents = pd.DataFrame(d_rows)
    if len(documents):
        documents["year"] = documents["year"].astype("Int64")
    return Frames(documents, pd.DataFrame(r_rows), pd.DataFrame(obligations_frame(docs, names)))
