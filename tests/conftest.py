"""Shared fixtures: the real corpus is read in place from ../shared/corpus (or $VNDIRECTIVE_CORPUS).

Tests that need it fail loudly in CI when it is missing, and are skipped on a
developer machine without it.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from vndirective.corpus import PROJECT, corpus_dir

SEEDS = PROJECT / "corpora" / "seeds"
GOLD = PROJECT / "corpora" / "gold"
SEED_GOLD = PROJECT.parent / "shared" / "eval" / "gold-seeds"


@pytest.fixture(scope="session")
def corpus() -> Path:
    path = corpus_dir()
    if not (path / "raw").is_dir():
        msg = f"real corpus not found at {path} (set VNDIRECTIVE_CORPUS)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
