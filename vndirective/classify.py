"""Obligation labels (placeholder: the trained model lands next)."""
from __future__ import annotations


def classify_obligations(texts: list[str]) -> list[list[str]]:
    return [[] for _ in texts]
