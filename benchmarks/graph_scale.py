"""Graph build at scale: 100,000 synthetic documents made from the real number and reference patterns.

Documents are generated from what the corpus holds: the issuers, levels,
types and number shapes of the parsed corpus, each citing 1-8 documents drawn
from the real references (central ones more often), with implements/based_on
relations in the real proportions.  Prints build time, peak memory and the
time of `implementers` queries.

    python benchmarks/graph_scale.py [--n 100000]
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time

import vndirective
from vndirective.corpus import corpus_dir, iter_texts
from vndirective.models import DocNumber, Document, Issuer, Reference


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000)
    args = ap.parse_args()
    rng = random.Random(0)
    real = [vndirective.parse(t, obligations=False) for _, t in iter_texts(corpus_dir() / "raw")]
    refs = [r for d in real for r in d.references]
    central = [r for r in refs if r.issuer.level == "central"]
    heads = [d for d in real if d.parsed_number and d.parsed_number.number]
    provinces = [f"UBND tỉnh {p}" for p in ("Bắc Giang", "Nghệ An", "Đồng Nai", "Lai Châu", "Cà Mau", "Hà Tĩnh")]
    districts = [f"UBND huyện {x}" for x in ("Quảng Xương", "Mộ Đức", "Nghĩa Hành", "Krông Pắc", "Hương Khê")]
    relations = [r.relation for r in refs]
    t0 = time.perf_counter()
    docs = []
    for i in range(args.n):
        h = rng.choice(heads)
        level = rng.choice(["province", "province", "district", "commune", "central"])
        issuer = (rng.choice(provinces) if level == "province" else rng.choice(districts) if level == "district"
                  else "UBND xã Tân Lập" if level == "commune" else h.issuer.name)
        year = rng.randint(2015, 2025)
        num = f"{i % 9000 + 1}/{h.parsed_number.type_code or 'UBND'}-{h.parsed_number.issuer_code}"
        cited = [rng.choice(central if rng.random() < 0.6 else refs) for _ in range(rng.randint(1, 8))]
        docs.append(Document(
            number=num, parsed_number=DocNumber(text=num, raw=num, number=str(i % 9000 + 1), year=None,
                                                type_code=h.parsed_number.type_code,
                                                issuer_code=h.parsed_number.issuer_code),
            doc_type=h.doc_type, issuer=Issuer(name=issuer, level=level), date=f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            references=[Reference(number=r.number, parsed=r.parsed, doc_type=r.doc_type, date=r.date,
                                  issuer=r.issuer, relation=rng.choice(relations)) for r in cited]))
    gen = time.perf_counter() - t0
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    g = vndirective.CrossRefGraph()
    for d in docs:
        g.add(d)
    build = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    edges = sum(len(v) for v in g.out.values())
    print(f"generated {args.n:,} documents in {gen:.1f} s; graph: {len(g.nodes):,} nodes, {edges:,} edges")
    print(f"build: {build:.1f} s ({args.n / build:,.0f} documents/s); peak RSS {rss1 / 1024:.0f} MB "
          f"(grew {max(0, rss1 - rss0) / 1024:.0f} MB while building)")
    targets = [r.number for r in rng.sample(central, 50)]
    times = []
    for num in targets:
        t0 = time.perf_counter()
        g.implementers(num)
        times.append(time.perf_counter() - t0)
    print(f"implementers(transitive): median {statistics.median(times) * 1000:.2f} ms, "
          f"max {max(times) * 1000:.2f} ms over {len(targets)} central documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
