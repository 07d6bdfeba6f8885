"""Inter-annotator agreement on obligation labels: the gold labels against an independent second pass.

``units.json`` lists the units of 15 corpus documents and the 5 seeds (texts only);
``second.json`` holds a second annotator's labels made from ANNOTATION.md alone.
Prints per-label Cohen's kappa, raw agreement and F1 of one annotator against the other.

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
    print(f"{len(first)} units from {len({u['doc'] for u in units})} documents")
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


if __name__ == "__main__":
    main()
