"""Obligation units (placeholder until segmentation lands)."""
from __future__ import annotations


def find_obligations(ct, lay, doc):
    return []
