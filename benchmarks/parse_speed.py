"""Parse speed and peak memory over the real corpus (../shared/corpus/raw or $VNDIRECTIVE_CORPUS).

Prints characters per second for parse() without obligations (the header,
number, date, issuer, addressee and reference extraction) and with them, and
the peak traced memory.  Run on one core: `taskset -c 0 python benchmarks/parse_speed.py`.
"""
from __future__ import annotations

import argparse
import sys
import time
import tracemalloc

import vndirective
from vndirective.corpus import corpus_dir, iter_texts


def run(texts: list[str], obligations: bool, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            vndirective.parse(t, obligations=obligations)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", help="corpus folder (texts in raw/)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    raw = corpus_dir(args.corpus) / "raw"
    if not raw.is_dir():
        sys.exit(f"corpus not found: {raw}")
    texts = [t for _, t in iter_texts(raw)]
    chars = sum(map(len, texts))
    vndirective.parse(texts[0])  # warm up: tables and the classifier load once
    for obligations in (False, True):
        s = run(texts, obligations, args.repeat)
        label = "parse (with obligations)   " if obligations else "parse (without obligations)"
        print(f"{label}: {len(texts)} documents, {chars / 1e6:.2f} M chars in {s:.2f} s = "
              f"{chars / s / 1e6:.2f} MB/s ({chars / s:,.0f} chars/s), {len(texts) / s:.0f} docs/s")
    tracemalloc.start()
    for t in texts:
        vndirective.parse(t)
    _, peak = tracemalloc.get_traced_memory()
    print(f"peak traced memory while parsing the corpus one document at a time: {peak / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
