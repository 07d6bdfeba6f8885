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


@main.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the Document that ``parse`` returns."""
    click.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
