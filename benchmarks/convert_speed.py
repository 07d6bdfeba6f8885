"""Conversion speed on the text-layer PDFs of the corpus, in one run.

Prints pages per second for pypdf's own ``extract_text`` alone and for
``vndirective.convert`` (target: convert costs at most 1.3x pypdf alone), the
same with the pdfium engine when pypdfium2 is installed, scaling from
``--jobs 1`` to ``--jobs 2`` on a folder of copies, the peak memory per
worker, and OCR seconds per page on a scanned PDF.

    python benchmarks/convert_speed.py [--copies 8] [--no-ocr]
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pypdf

import vndirective
from vndirective.batch import Options, plan, run
from vndirective.corpus import corpus_dir


def pages_per_second(pdfs: list[Path], fn, repeat: int = 3) -> float:
    pages = sum(len(pypdf.PdfReader(str(p)).pages) for p in pdfs)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for p in pdfs:
            fn(p)
        best = min(best, time.perf_counter() - t0)
    return pages / best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=8, help="copies of each PDF for the --jobs scaling run")
    ap.add_argument("--no-ocr", action="store_true")
    args = ap.parse_args()
    pdf_dir = corpus_dir() / "pdf"
    text_pdfs = sorted(pdf_dir.glob("t*.pdf"))
    if not text_pdfs:
        sys.exit(f"no text-layer PDFs in {pdf_dir}")
    pages = sum(len(pypdf.PdfReader(str(p)).pages) for p in text_pdfs)
    print(f"{len(text_pdfs)} text-layer PDFs, {pages} pages")
    base = pages_per_second(text_pdfs, lambda p: [pg.extract_text() for pg in pypdf.PdfReader(str(p)).pages])
    print(f"pypdf extract_text alone:          {base:7.1f} pages/s")
    opts = Options(ocr="never")
    conv = pages_per_second(text_pdfs, lambda p: vndirective.convert(p, opts))
    print(f"vndirective.convert (pypdf):       {conv:7.1f} pages/s  = {base / conv:.2f}x the cost of pypdf alone")
    try:
        import pypdfium2  # noqa: F401

        fast = pages_per_second(text_pdfs, lambda p: vndirective.convert(p, Options(ocr="never", pdf_engine="pdfium")))
        print(f"vndirective.convert (pdfium):      {fast:7.1f} pages/s")
    except ImportError:
        print("pdfium engine: pypdfium2 not installed (pip install 'vndirective[fast]')")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for k in range(args.copies):
            for p in text_pdfs:
                shutil.copy(p, src / f"{k}_{p.name}")
        total = pages * args.copies
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            t0 = time.perf_counter()
            s = run(plan([src], out), out, opts, workers=jobs, progress=False)
            dt = time.perf_counter() - t0
            print(f"batch --jobs {jobs}: {len(s.lines)} files, {total} pages in {dt:.1f} s = {total / dt:.1f} pages/s")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of one worker process: {peak:.0f} MB")
    if not args.no_ocr:
        scans = sorted(pdf_dir.glob("p0[2-3]*.pdf"))
        try:
            t0 = time.perf_counter()
            n = 0
            for p in scans:
                d = vndirective.convert(p)
                n += len(d.source.ocr_pages)
            print(f"OCR (Tesseract vie, 300 dpi): {(time.perf_counter() - t0) / max(n, 1):.1f} s/page over {n} pages")
        except vndirective.VndirectiveError as e:
            print(f"OCR: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
