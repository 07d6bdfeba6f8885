"""Inter-annotator agreement on obligation labels: the gold labels against an independent second pass.

``units.json`` lists the units of 15 corpus documents and the 5 seeds (texts only);
``second.json`` holds a second annotator's labels made from ANNOTATION.md alone.
``full_pass.json`` is a later blind second labelling of every corpus gold unit: the gold's labels
before that pass (``first``), the second annotator's (``second``) and, where they differed, an
adjudicator's decision (``adjudicated``, with the rule it applied), which is what the gold now holds.
Prints per-label Cohen's kappa, raw agreement and F1 of one annotator against the other, for both.

    python corpora/agreement/agreement.py
"""
from __future__ import annotations

import json
from pathlib import Path

from vndirective.corpus import PROJECT, corpus_dir, load_gold

LABELS = ("accountability", "tthc", "coordination", "conduct")
HERE = Path(__file__).parent


def kappa(a: list[bool], b: list[bool]) -> float:
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def report(first: list[set[str]], sec: list[set[str]], docs: int) -> None:
    print(f"{len(first)} units from {docs} documents")
    print(f"{'label':15} {'first':>5} {'second':>6} {'agree':>6} {'kappa':>6} {'F1':>5}")
    for lab in LABELS:
        a = [lab in x for x in first]
        b = [lab in x for x in sec]
        tp = sum(x and y for x, y in zip(a, b))
        f1 = 2 * tp / (sum(a) + sum(b)) if sum(a) + sum(b) else 1.0
        agree = sum(x == y for x, y in zip(a, b)) / len(a)
        print(f"{lab:15} {sum(a):5d} {sum(b):6d} {agree:6.3f} {kappa(a, b):6.3f} {f1:5.2f}")
    exact = sum(x == y for x, y in zip(first, sec)) / len(first)
    print(f"identical label sets: {exact:.3f}")


def full_pass() -> None:
    """The whole corpus gold, labelled twice before adjudication; checks the gold holds the outcome."""
    rows = json.loads((HERE / "full_pass.json").read_text(encoding="utf-8"))
    gold = {d.name: d for d in load_gold([PROJECT / "corpora" / "gold"], [corpus_dir() / "raw"])}
    for r in rows:
        final = r.get("adjudicated", r["first"])
        assert sorted(gold[r["doc"]].units[r["unit"]].get("labels", [])) == final, (r["doc"], r["unit"])
    report([set(r["first"]) for r in rows], [set(r["second"]) for r in rows], len({r["doc"] for r in rows}))
    changed = [r for r in rows if "adjudicated" in r and r["adjudicated"] != r["first"]]
    print(f"adjudicated {sum('adjudicated' in r for r in rows)} disagreements: {len(changed)} gold label sets changed")


def main() -> None:
    units = json.loads((HERE / "units.json").read_text(encoding="utf-8"))
    second = json.loads((HERE / "second.json").read_text(encoding="utf-8"))
    gold = {d.name: d for d in load_gold([PROJECT / "corpora" / "gold", PROJECT.parent / "shared" / "eval" / "gold-seeds"],
                                         [corpus_dir() / "raw"])}
    first = []
    for u in units:
        d = gold[u["doc"]]
        hit = next(o for o in d.units if " ".join(o["text"].split()) == u["text"])
        first.append(set(hit.get("labels", [])))
    sec = [set(s["labels"]) for s in second]
    assert len(first) == len(sec)
    print("Sample pass (gold as it is now against the first second pass):")
    report(first, sec, len({u["doc"] for u in units}))
    print("\nFull pass (gold before adjudication against a blind second labelling of every unit):")
    full_pass()


if __name__ == "__main__":
    main()
