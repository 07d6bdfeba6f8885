"""The command line: ``vndirective parse``, ``vndirective schema``; nothing else lives here."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ._version import __version__
from .errors import VndirectiveError
from .models import Document
from .parser import parse as parse_text


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vndirective")
def main() -> None:
    """Read Vietnamese directive documents into structured JSON."""


@main.command("parse")
@click.argument("source", type=click.Path(allow_dash=True, dir_okay=False, path_type=Path))
@click.option("--no-obligations", is_flag=True, help="Skip obligation units (faster).")
@click.option("--compact", is_flag=True, help="One line of JSON instead of indented.")
def parse_cmd(source: Path, no_obligations: bool, compact: bool) -> None:
    """Parse a UTF-8 text FILE (or - for standard input) and print the Document as JSON."""
    data = sys.stdin.buffer.read() if str(source) == "-" else source.read_bytes()
    try:
        doc = parse_text(data, obligations=not no_obligations)
    except VndirectiveError as e:
        raise click.ClickException(f"{source}: {e}") from None
    click.echo(json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=None if compact else 2))


@main.command("train")
@click.option("--gold", "gold_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Gold folders (default: corpora/gold, corpora/synthetic and the seeds' gold).")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), help="Corpus folder (texts in raw/).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Model file to write.")
def train_cmd(gold_dirs: tuple[Path, ...], corpus: Path | None, out: Path | None) -> None:
    """Rebuild the obligation classifier from the gold annotations (byte-for-byte reproducible)."""
    from .classify import MODEL_NAME
    from .corpus import PROJECT, corpus_dir
    from .train import train

    seeds_gold = PROJECT.parent / "shared" / "eval" / "gold-seeds"
    real = [PROJECT / "corpora" / "gold", *([seeds_gold] if seeds_gold.is_dir() else [])]
    dirs = [d.resolve() for d in gold_dirs] or [*real, PROJECT / "corpora" / "synthetic"]
    texts = [corpus_dir(corpus) / "raw", PROJECT / "corpora" / "seeds"]
    if not texts[0].is_dir():
        raise click.ClickException(f"corpus texts not found at {texts[0]} (use --corpus)")
    info = train(dirs, texts, out or PROJECT / "models" / MODEL_NAME, real_dirs=[d for d in real if d in dirs] or None)
    cv = info["cv"]
    click.echo(f"trained on {info['units']} units from {info['documents']} documents "
               f"({info['real_units']} units from {info['real_documents']} real documents)")
    for lab, r in cv["per_label"].items():
        click.echo(f"  {lab:15} support {r['support']:4d}  P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")
    click.echo(f"  cross-validated macro-F1 on real units: {cv['macro_f1']:.3f}")


@main.command("graph")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.graphml"),
              show_default=True, help="Output file: .graphml, .gexf or .json (node-link).")
@click.option("--png", type=click.Path(dir_okay=False, path_type=Path), help="Also draw the graph to this PNG/SVG.")
def graph_cmd(folder: Path, out: Path, png: Path | None) -> None:
    """Build the cross-reference graph over FOLDER (texts *.txt, or Documents *.json from `convert`)."""
    from .graph import CrossRefGraph

    g = CrossRefGraph()
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".json") and p.name != "manifest.jsonl")
    for f in files:
        try:
            if f.suffix == ".json":
                doc = Document.model_validate(json.loads(f.read_text(encoding="utf-8")))
            else:
                doc = parse_text(f.read_bytes())
        except (VndirectiveError, ValueError) as e:
            click.echo(f"skipped {f}: {e}", err=True)
            continue
        g.add(doc, name=f.stem)
    g.write(out)
    if png:
        g.draw(png)
    for row in g.summary():
        click.echo("  ".join(f"{k} {v}" for k, v in row.items()))
    click.echo(f"wrote {out}: {len(g.nodes)} nodes, {sum(len(v) for v in g.out.values())} edges")


@main.command("convert")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: one JSON per input (same relative path) and manifest.jsonl.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 256), help="Worker processes.")
@click.option("--ocr", type=click.Choice(["auto", "never", "always"]), default="auto", show_default=True,
              help="OCR pages without a text layer (auto), never, or every page.")
@click.option("--pdf-engine", type=click.Choice(["pypdf", "pdfium"]), default="pypdf", show_default=True,
              help="Text layer reader; pdfium needs the [fast] extra.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local worker processes, or a Dask distributed cluster.")
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786); a local cluster when omitted.")
@click.option("--shard", help="K/N: convert only the K-th of N slices of the input list (for N machines).")
@click.option("--timeout", default=600.0, show_default=True, help="Seconds per file before its worker is killed.")
@click.option("--memory-mb", default=2048, show_default=True, help="How much a worker may grow (MB) before it fails.")
@click.option("--max-bytes", default=50 * 1024 * 1024, show_default=True, help="Larger files are refused.")
@click.option("--max-pages", default=1000, show_default=True, help="PDFs with more pages are refused.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when on a terminal).")
def convert_cmd(paths: tuple[Path, ...], out_dir: Path, jobs: int, ocr: str, pdf_engine: str, engine: str,
                scheduler: str | None, shard: str | None, timeout: float, memory_mb: int, max_bytes: int,
                max_pages: int, progress: bool | None) -> None:
    """Convert PDF, DOCX, HTML and text files (folders recursively) to Document JSON.

    Exit code 0 when every input is ok or skipped, 1 when some failed, 2 on a usage error.
    """
    from .batch import Options, plan, run

    parts = None
    if shard:
        try:
            k, n = (int(x) for x in shard.split("/"))
            if not 1 <= k <= n:
                raise ValueError
            parts = (k, n)
        except ValueError:
            raise click.BadParameter("expected K/N with 1 <= K <= N", param_hint="--shard") from None
    if engine == "local" and scheduler:
        raise click.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    jobs_list = plan(paths, out_dir, parts)
    opts = Options(ocr=ocr, pdf_engine=pdf_engine, max_bytes=max_bytes, max_pages=max_pages, timeout=timeout,
                   memory_mb=memory_mb)
    summary = run(jobs_list, out_dir, opts, workers=jobs, engine=engine, scheduler=scheduler, progress=progress)
    click.echo(f"{len(jobs_list)} inputs: {summary.ok} ok, {summary.skipped} skipped, {summary.failed} failed "
               f"-> {out_dir / 'manifest.jsonl'}", err=True)
    sys.exit(1 if summary.failed else 0)


@main.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the Document that ``parse`` returns."""
    click.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
