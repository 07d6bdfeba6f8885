"""Compare parse() with the metadata columns of ../shared/corpus/SOURCES.tsv (number, type, date, level).

The corpus table was filled by its collectors from the text, so it is a second,
independent check of the header fields on all 218 documents (gold files cover
fewer).  Prints accuracy per field and, with --show, each disagreement.

    python benchmarks/sources_check.py [--corpus ../shared/corpus] [--show] [--pdf-json DIR]

With --pdf-json, the PDFs are checked too, from the JSON that
`vndirective convert ../shared/corpus/pdf --out DIR` wrote (OCR for the scans).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import vndirective
from vndirective.numbers import number_key


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--pdf-json", type=Path, help="folder of converted corpus PDFs (NAME.pdf.json)")
    args = ap.parse_args()
    table = args.corpus / "SOURCES.tsv"
    if not table.exists():
        sys.exit(f"corpus table not found: {table}")
    ok = {"number": [0, 0], "type": [0, 0], "date": [0, 0], "level": [0, 0]}
    for row in csv.DictReader(table.open(encoding="utf-8"), delimiter="\t"):
        if row["file"].startswith("raw/"):
            doc = vndirective.parse((args.corpus / row["file"]).read_text(encoding="utf-8"), obligations=False)
        elif args.pdf_json and (args.pdf_json / (Path(row["file"]).name + ".json")).exists():
            doc = vndirective.Document.model_validate_json(
                (args.pdf_json / (Path(row["file"]).name + ".json")).read_text(encoding="utf-8"))
        else:
            continue
        pairs = {
            "number": (number_key(row["number"]) if row["number"] and "not in text" not in row["notes"] else None,
                       number_key(doc.number) if doc.number else None),
            "type": (row["type"], doc.doc_type),
            "date": (row["date"] or None, doc.date),
            "level": (row["level"], doc.issuer.level),
        }
        for k, (want, got) in pairs.items():
            if k in ("number", "date") and want is None:
                continue  # the table leaves these empty when the text does not show them
            ok[k][1] += 1
            ok[k][0] += want == got
            if want != got and args.show:
                print(f"{row['file']}: {k}: table {want!r} parse {got!r}")
    print("  ".join(f"{k} {a}/{n} ({a / n:.3f})" for k, (a, n) in ok.items() if n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
