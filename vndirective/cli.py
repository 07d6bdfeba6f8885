"""The command line: ``vndirective parse``, ``vndirective schema``; nothing else lives here."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
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
    dirs = list(gold_dirs) or [*real, PROJECT / "corpora" / "synthetic"]
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


@main.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the Document that ``parse`` returns."""
    click.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
