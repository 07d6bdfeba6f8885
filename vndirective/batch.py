"""Convert files to Document JSON, one file or thousands: the per-file job, the manifest, the engines.

Every input gives one manifest line (``ok``, ``failed`` or ``skipped``) and a
batch always goes on: each file runs in a worker process with a timeout and a
memory cap (pebble kills a hung or exploding worker), outputs are written to a
temporary file and renamed (an interrupted run leaves no half-written JSON),
and a re-run skips inputs whose SHA-256 and library version are unchanged.
``engine="dask"`` sends the same per-file function to a Dask cluster.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path

from ._version import __version__
from .errors import InputError, VndirectiveError
from .models import Document, Source, Span

SUFFIXES = (".pdf", ".docx", ".txt", ".html", ".htm")


@dataclass
class Options:
    """How to convert: OCR policy, PDF engine, limits per file."""

    ocr: str = "auto"
    pdf_engine: str = "pypdf"
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 1000
    timeout: float = 600.0
    memory_mb: int = 2048


def convert(path: str | os.PathLike[str], options: Options | None = None) -> Document:
    """Read one file (PDF, DOCX, HTML or text) and parse it; the Document carries its ``source`` block."""
    from .io import extract
    from .parser import parse

    opts = options or Options()
    p = Path(path)
    size = p.stat().st_size
    if size > opts.max_bytes:
        raise InputError(f"{size} bytes, over the limit of {opts.max_bytes} (--max-bytes)")
    data = p.read_bytes()
    ex = extract(p, ocr=opts.ocr, engine=opts.pdf_engine, max_pages=opts.max_pages)
    doc = parse(ex.text)
    doc.text = ex.text
    doc.source = Source(file=p.name, sha256=hashlib.sha256(data).hexdigest(), bytes=size,
                        pages=len(ex.pages) if ex.method.startswith("pdf") else None, method=ex.method,
                        ocr_pages=ex.ocr_pages, page_spans=[Span(start=a, end=b) for a, b in ex.pages],
                        warnings=ex.warnings, library_version=__version__)
    return doc


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _up_to_date(src: Path, dst: Path) -> bool:
    """The output exists and came from this very input with this library version."""
    if not dst.exists():
        return False
    try:
        s = json.loads(dst.read_text(encoding="utf-8")).get("source") or {}
    except (OSError, ValueError):
        return False
    return s.get("library_version") == __version__ and s.get("sha256") == _sha256(src)


def convert_one(src: str, dst: str, rel: str, opts: Options) -> dict:
    """The per-file job (runs in a worker): convert ``src``, write ``dst`` atomically, return the manifest line."""
    t0 = time.perf_counter()
    line = {"source": rel, "status": "ok", "output": None, "error": None, "pages": None, "seconds": None}
    try:
        if _up_to_date(Path(src), Path(dst)):
            line["status"] = "skipped"
            line["output"] = rel + ".json"
        else:
            doc = convert(src, opts)
            _atomic_write(Path(dst), json.dumps(doc.model_dump(mode="json"), ensure_ascii=False))
            line["output"] = rel + ".json"
            line["pages"] = doc.source.pages if doc.source else None
    except (VndirectiveError, OSError, ValueError, MemoryError, RecursionError) as e:
        line.update(status="failed", error=f"{type(e).__name__}: {e}")
    except Exception as e:  # noqa: BLE001 - a library bug on one file must not stop the batch
        line.update(status="failed", error=f"unexpected {type(e).__name__}: {e}")
    line["seconds"] = round(time.perf_counter() - t0, 3)
    return line


@dataclass
class Job:
    src: Path
    dst: Path
    rel: str


def plan(inputs: Iterable[str | os.PathLike[str]], out: Path, shard: tuple[int, int] | None = None) -> list[Job]:
    """Every input file (folders walked recursively) with its output path, in a stable order.

    The output keeps the input's relative path and adds ``.json`` (``sub/a.pdf`` → ``sub/a.pdf.json``), so
    ``a.pdf`` and ``a.docx`` side by side never overwrite each other."""
    jobs: list[Job] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    rel = f.relative_to(p).as_posix()
                    jobs.append(Job(f, out / (rel + ".json"), rel))
        elif p.is_file():
            jobs.append(Job(p, out / (p.name + ".json"), p.name))
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    if shard is not None:
        k, n = shard
        jobs = [j for i, j in enumerate(jobs) if i % n == k - 1]
    return jobs


def _limit_memory(mb: int) -> None:
    """Worker initialiser: let the worker grow by at most ``mb`` megabytes of address space beyond
    what it starts with (a forked worker inherits its parent's), so an exploding file fails with MemoryError."""
    import resource

    try:
        with open("/proc/self/statm") as f:
            current = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        current = 0
    resource.setrlimit(resource.RLIMIT_AS, (current + mb * 1024 * 1024, resource.RLIM_INFINITY))


def _run_local(jobs: list[Job], opts: Options, workers: int) -> Iterator[dict]:
    from pebble import ProcessPool

    with ProcessPool(max_workers=workers, max_tasks=50, initializer=_limit_memory,
                     initargs=(opts.memory_mb,)) as pool:
        futures = [(j, pool.schedule(convert_one, args=(str(j.src), str(j.dst), j.rel, opts), timeout=opts.timeout))
                   for j in jobs]
        for j, fut in futures:
            try:
                yield fut.result()
            except FutureTimeout:
                yield {"source": j.rel, "status": "failed", "output": None, "pages": None, "seconds": opts.timeout,
                       "error": f"timeout: killed after {opts.timeout:.0f} s"}
            except Exception as e:  # noqa: BLE001 - the worker died (memory cap, crash): record, go on
                yield {"source": j.rel, "status": "failed", "output": None, "pages": None, "seconds": None,
                       "error": f"worker died: {type(e).__name__}: {e}"}


def _run_dask(jobs: list[Job], opts: Options, workers: int, scheduler: str | None) -> Iterator[dict]:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futs = {client.submit(convert_one, str(j.src), str(j.dst), j.rel, opts, pure=False): j for j in jobs}
        for fut in as_completed(futs):
            j = futs[fut]
            try:
                yield fut.result()
            except Exception as e:  # noqa: BLE001 - a lost worker fails that file only
                yield {"source": j.rel, "status": "failed", "output": None, "pages": None, "seconds": None,
                       "error": f"dask task failed: {type(e).__name__}: {e}"}
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    lines: list[dict] = field(default_factory=list)


def run(jobs: list[Job], out: Path, opts: Options, workers: int = 1, engine: str = "local",
        scheduler: str | None = None, progress: bool | None = None) -> Summary:
    """Convert ``jobs``, writing ``out/manifest.jsonl`` (one line per input) as the batch goes."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / "manifest.jsonl"
    partial = out / ".manifest.jsonl.partial"
    summary = Summary()
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), unit="file", dynamic_ncols=True)
    stream = _run_dask(jobs, opts, workers, scheduler) if engine == "dask" else _run_local(jobs, opts, workers)
    with open(partial, "w", encoding="utf-8") as mf:
        for line in stream:
            mf.write(json.dumps(line, ensure_ascii=False) + "\n")
            mf.flush()
            summary.lines.append(line)
            setattr(summary, line["status"], getattr(summary, line["status"]) + 1)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(ok=summary.ok, failed=summary.failed, skipped=summary.skipped)
            else:
                extra = f": {line['error']}" if line["error"] else ""
                print(f"{line['status']:7} {line['source']} ({line['seconds']} s){extra}", file=sys.stderr)
    if bar is not None:
        bar.close()
    os.replace(partial, manifest)
    return summary
