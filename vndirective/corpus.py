"""Read a folder of documents and gold annotations in place (texts are never copied into the project).

The corpus folder is a setting: ``VNDIRECTIVE_CORPUS`` or an explicit path,
defaulting to ``../shared/corpus`` beside a source checkout.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def corpus_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The corpus folder: ``path``, else ``$VNDIRECTIVE_CORPUS``, else ``../shared/corpus``."""
    return Path(path or os.environ.get("VNDIRECTIVE_CORPUS") or PROJECT.parent / "shared" / "corpus")


@dataclass
class GoldDoc:
    """One annotated document: its text and what a careful reader extracted from it."""

    name: str
    text: str
    gold: dict
    units: list[dict] = field(default_factory=list)
    """obligations with ``text`` filled from offsets"""


def iter_texts(folder: str | os.PathLike[str]) -> Iterator[tuple[Path, str]]:
    """Every ``*.txt`` under ``folder`` (sorted), read as UTF-8."""
    for p in sorted(Path(folder).rglob("*.txt")):
        yield p, p.read_text(encoding="utf-8")


def load_gold(folders: list[str | os.PathLike[str]], texts: list[str | os.PathLike[str]] = ()) -> list[GoldDoc]:
    """Gold files (``*.gold.json``) of ``folders``, each with its text found beside it or in ``texts``."""
    docs = []
    for folder in folders:
        for gf in sorted(Path(folder).glob("*.gold.json")):
            gold = json.loads(gf.read_text(encoding="utf-8"))
            name = gold.get("text_file") or gf.name.replace(".gold.json", ".txt")
            for d in [gf.parent, *map(Path, texts)]:
                if (d / name).exists():
                    text = (d / name).read_text(encoding="utf-8")
                    break
            else:
                raise FileNotFoundError(f"{gf}: text {name} not found beside it or in {list(map(str, texts))}")
            units = [dict(o, text=o.get("text") or text[o["start"]:o["end"]]) for o in gold.get("obligations", [])]
            docs.append(GoldDoc(gf.name.replace(".gold.json", ""), text, gold, units))
    return docs
