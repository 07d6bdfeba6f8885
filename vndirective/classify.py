"""Obligation labels: a linear model over syllable n-grams, stored as plain JSON.

The model file holds the vocabulary, IDF weights, per-label coefficients,
intercepts and decision thresholds, plus a SHA-256 of its own content.
Loading parses JSON and checks that hash: nothing in the file is executed
(no pickle, joblib or skops), and a file changed by hand is refused with
:class:`~vndirective.errors.ModelFileError`.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

import numpy as np

from .errors import ModelFileError

LABELS = ("accountability", "tthc", "coordination", "conduct")
FORMAT = "vndirective-linear/1"
MODEL_NAME = "obligation_classifier.json"
_TOKEN = re.compile(r"\w+")
# each cue match counts as this many occurrences of its ``cue:<label>`` term: a label with few training
# examples (conduct) leans on ANNOTATION.md's word lists; 3 was best in grouped cross-validation (2: 0.752, 4: 0.764)
CUE_REPEAT = 3


@cache
def _cues() -> list[tuple[str, re.Pattern[str]]]:
    from importlib.resources import files

    data = json.loads(files("vndirective.data").joinpath("label_cues.json").read_text(encoding="utf-8"))
    # the look-ahead on first letters only lets the engine skip words no cue starts with; matches are unchanged
    return [(lab, re.compile(r"\b(?=[" + re.escape("".join(sorted({w[0] for w in data[lab]}))) + r"])(?:"
                             + "|".join(re.escape(w) for w in data[lab]) + r")\b")) for lab in LABELS]


def features(text: str) -> list[str]:
    """The model's terms: syllable 1-, 2- and 3-grams of the lower-cased NFC text, and one
    ``cue:<label>`` term (``CUE_REPEAT`` times) per typical word of a label (ANNOTATION.md's lists, in ``data/label_cues.json``)."""
    low = unicodedata.normalize("NFC", text).lower()
    toks = _TOKEN.findall(low)
    out = [*toks, *map(" ".join, zip(toks, toks[1:])), *map(" ".join, zip(toks, toks[1:], toks[2:]))]
    for lab, rx in _cues():
        out += [f"cue:{lab}"] * (CUE_REPEAT * len(rx.findall(low)))
    return out


def content_hash(model: dict) -> str:
    """SHA-256 of the model without its ``sha256`` field, over canonical JSON."""
    body = {k: v for k, v in model.items() if k != "sha256"}
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                          .encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Classifier:
    """A loaded model: the vectoriser's vocabulary and IDF, and one linear scorer per label."""

    labels: tuple[str, ...]
    index: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray  # vocabulary × labels
    intercept: np.ndarray
    threshold: np.ndarray
    meta: dict

    def scores(self, texts: list[str]) -> np.ndarray:
        """Decision scores, one row per text, one column per label: the training vectoriser
        (sublinear tf × idf, l2-normalised rows) done in one sparse pass over the batch."""
        from scipy.sparse import csr_matrix

        get = self.index.get
        cols: list[int] = []
        sizes: list[int] = []
        for t in texts:
            before = len(cols)
            cols.extend(map(get, features(t), repeat(-1)))
            sizes.append(len(cols) - before)
        col = np.asarray(cols, dtype=np.int64)
        row = np.repeat(np.arange(len(texts)), sizes)
        known = col >= 0
        x = csr_matrix((np.ones(int(known.sum())), (row[known], col[known])), shape=(len(texts), len(self.index)))
        x.sum_duplicates()
        x.data = (1.0 + np.log(x.data)) * self.idf[x.indices]
        norms = np.sqrt(np.bincount(np.repeat(np.arange(len(texts)), np.diff(x.indptr)), x.data ** 2,
                                    minlength=len(texts)))
        x.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(x.indptr))
        return np.asarray(x @ self.weights) + self.intercept

    def predict(self, texts: list[str]) -> list[list[str]]:
        if not texts:
            return []
        s = self.scores(texts)
        return [[lab for k, lab in enumerate(self.labels) if row[k] >= self.threshold[k]] for row in s]


def model_path() -> Path:
    """Where the model is: ``$VNDIRECTIVE_MODEL``, the source tree's ``models/``, or the installed copy."""
    env = os.environ.get("VNDIRECTIVE_MODEL")
    if env:
        return Path(env)
    for p in (Path(__file__).resolve().parents[1] / "models" / MODEL_NAME,
              Path(sys.prefix) / "share" / "vndirective" / "models" / MODEL_NAME):
        if p.exists():
            return p
    raise ModelFileError(f"obligation model {MODEL_NAME} not found: run `vndirective train` or set VNDIRECTIVE_MODEL")


def load(path: str | os.PathLike[str] | None = None) -> Classifier:
    """Load and verify a model file; refuse anything malformed or altered."""
    p = Path(path) if path else model_path()
    try:
        model = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ModelFileError(f"{p}: not a readable JSON model ({e})") from None
    if not isinstance(model, dict) or model.get("format") != FORMAT:
        raise ModelFileError(f"{p}: not a {FORMAT} model")
    if model.get("sha256") != content_hash(model):
        raise ModelFileError(f"{p}: checksum mismatch, the file was changed after training; retrain it")
    try:
        vocab = model["vocabulary"]
        labels = tuple(model["labels"])
        weights = np.zeros((len(vocab), len(labels)))
        for k, lab in enumerate(labels):
            pairs = np.asarray(model["coef"][lab], dtype=np.float64).reshape(-1, 2)
            weights[pairs[:, 0].astype(np.int64), k] = pairs[:, 1]
        return Classifier(labels, {t: i for i, t in enumerate(vocab)}, np.asarray(model["idf"], dtype=np.float64),
                          weights, np.asarray([model["intercept"][lab] for lab in labels]),
                          np.asarray([model["threshold"][lab] for lab in labels]), model.get("training", {}))
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ModelFileError(f"{p}: malformed model ({e})") from None


@cache
def _default() -> Classifier:
    return load()


def classify_obligations(texts: list[str]) -> list[list[str]]:
    """Labels for each obligation text: a sub-list of ``accountability``, ``tthc``, ``coordination``,
    ``conduct`` (empty when none fits)."""
    return _default().predict(list(texts))
