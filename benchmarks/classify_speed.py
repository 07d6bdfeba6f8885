"""Obligation classifier speed: units per second in batches, and model load time.

Units are the gold obligation texts (seeds and corpora/gold, texts read in place).

    taskset -c 0 python benchmarks/classify_speed.py
"""
from __future__ import annotations

import statistics
import sys
import time

from vndirective.classify import load
from vndirective.corpus import PROJECT, corpus_dir, load_gold


def main() -> int:
    t0 = time.perf_counter()
    loads = []
    for _ in range(5):
        t0 = time.perf_counter()
        clf = load()
        loads.append(time.perf_counter() - t0)
    print(f"model load: median {statistics.median(loads) * 1000:.0f} ms over 5 loads")
    docs = load_gold([PROJECT / "corpora" / "gold", PROJECT.parent / "shared" / "eval" / "gold-seeds"],
                     [corpus_dir() / "raw"])
    units = [u["text"] for d in docs for u in d.units]
    units = (units * (10_000 // len(units) + 1))[:10_000]
    for batch in (1, 64, 1024):
        t0 = time.perf_counter()
        for i in range(0, len(units), batch):
            clf.predict(units[i:i + batch])
        s = time.perf_counter() - t0
        print(f"batch {batch:5d}: {len(units) / s:,.0f} units/s ({len(units)} units, mean {sum(map(len, units)) / len(units):.0f} chars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
