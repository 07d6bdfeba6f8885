"""Rebuild the obligation classifier from gold annotations, reproducibly, and report its scores.

Units come from the gold folders (obligations by offsets into texts read in
place from the corpus folder).  Per label: TF-IDF over syllable n-grams, a
class-balanced logistic regression, and the decision threshold that maximises
F1 on out-of-fold scores (5 folds grouped by document, so no document is on
both sides).  The output JSON is canonical (sorted keys, rounded floats):
the same inputs give the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from pathlib import Path

import numpy as np

from .classify import CUE_REPEAT, FORMAT, LABELS, content_hash, features
from .corpus import GoldDoc, load_gold

MIN_DF = 2
C = 4.0
FOLDS = 5


def _units(docs: list[GoldDoc]) -> tuple[list[str], list[set[str]], list[str]]:
    texts, labels, groups = [], [], []
    for d in docs:
        for u in d.units:
            texts.append(" ".join(u["text"].split()))
            labels.append(set(u.get("labels", [])))
            groups.append(d.name)
    return texts, labels, groups


def _vectorise(texts: list[str], vocab: dict[str, int], idf: np.ndarray):
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, t in enumerate(texts):
        c = Counter(vocab[f] for f in features(t) if f in vocab)
        if not c:
            continue
        idx = np.array(sorted(c))
        w = (1 + np.log(np.array([c[j] for j in idx], dtype=float))) * idf[idx]
        w /= np.linalg.norm(w)
        rows += [i] * len(idx)
        cols += idx.tolist()
        vals += w.tolist()
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)))


def _fit_vocab(texts: list[str]) -> tuple[dict[str, int], np.ndarray]:
    df = Counter()
    for t in texts:
        df.update(set(features(t)))
    terms = sorted(f for f, n in df.items() if n >= MIN_DF)
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + df[f])) + 1 for f in terms])
    return {f: i for i, f in enumerate(terms)}, idf


def _fit(x, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    if y.sum() == 0 or y.sum() == len(y):
        return None
    return LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=1000,
                              random_state=0).fit(x, y)


def _best_threshold(scores: np.ndarray, y: np.ndarray) -> tuple[float, dict]:
    best = (0.0, 0.0, {"p": 0.0, "r": 0.0, "f1": 0.0})
    for t in np.unique(np.round(scores, 3)):
        pred = scores >= t
        tp = int((pred & (y == 1)).sum())
        fp = int((pred & (y == 0)).sum())
        fn = int((~pred & (y == 1)).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[1]:
            best = (float(t), f1, {"p": tp / (tp + fp) if tp + fp else 0.0, "r": tp / (tp + fn) if tp + fn else 0.0,
                                   "f1": f1})
    return best[0], best[2]


def _folds(groups: list[str]) -> list[int]:
    """Documents dealt to folds by a stable hash of their name."""
    return [int(hashlib.sha256(g.encode()).hexdigest(), 16) % FOLDS for g in groups]


def train(gold_dirs: list[Path], text_dirs: list[Path], out: Path, real_dirs: list[Path] | None = None) -> dict:
    """Train on every unit of ``gold_dirs``; scores are reported on the units of ``real_dirs`` (default: all)."""
    docs = load_gold(gold_dirs, text_dirs)
    texts, labels, groups = _units(docs)
    real = {d.name for d in load_gold(real_dirs, text_dirs)} if real_dirs else set(groups)
    fold = np.array(_folds(groups))
    is_real = np.array([g in real for g in groups])
    oof = np.zeros((len(texts), len(LABELS)))
    for k in range(FOLDS):
        tr, te = fold != k, fold == k
        vocab, idf = _fit_vocab([t for t, m in zip(texts, tr) if m])
        xtr = _vectorise([t for t, m in zip(texts, tr) if m], vocab, idf)
        xte = _vectorise([t for t, m in zip(texts, te) if m], vocab, idf)
        for j, lab in enumerate(LABELS):
            y = np.array([lab in s for s, m in zip(labels, tr) if m], dtype=int)
            clf = _fit(xtr, y)
            oof[te, j] = clf.decision_function(xte) if clf is not None else -1.0
    thresholds, cv = {}, {}
    for j, lab in enumerate(LABELS):
        y = np.array([lab in s for s in labels], dtype=int)
        thresholds[lab], _ = _best_threshold(oof[is_real, j], y[is_real]) if y[is_real].sum() >= 5 else _best_threshold(oof[:, j], y)
        pred = oof[is_real, j] >= thresholds[lab]
        yr = y[is_real]
        tp, fp, fn = int((pred & (yr == 1)).sum()), int((pred & (yr == 0)).sum()), int((~pred & (yr == 1)).sum())
        cv[lab] = {"support": int(yr.sum()), "p": round(tp / (tp + fp), 4) if tp + fp else 0.0,
                   "r": round(tp / (tp + fn), 4) if tp + fn else 0.0,
                   "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0}
    cv_macro = round(sum(v["f1"] for v in cv.values()) / len(LABELS), 4)
    vocab, idf = _fit_vocab(texts)
    x = _vectorise(texts, vocab, idf)
    coef, intercept = {}, {}
    for lab in LABELS:
        y = np.array([lab in s for s in labels], dtype=int)
        clf = _fit(x, y)
        w = clf.coef_[0] if clf is not None else np.zeros(len(vocab))
        coef[lab] = [[int(i), round(float(w[i]), 6)] for i in np.flatnonzero(np.abs(w) > 1e-6)]
        intercept[lab] = round(float(clf.intercept_[0]), 6) if clf is not None else -1.0
    data_hash = hashlib.sha256(json.dumps([[t, sorted(s)] for t, s in zip(texts, labels)], ensure_ascii=False)
                               .encode("utf-8")).hexdigest()
    model = {
        "format": FORMAT, "labels": list(LABELS), "vocabulary": sorted(vocab, key=vocab.get),
        "idf": [round(float(v), 6) for v in idf], "coef": coef, "intercept": intercept,
        "threshold": {k: round(v, 4) for k, v in thresholds.items()},
        "training": {"units": len(texts), "documents": len(set(groups)), "real_units": int(is_real.sum()),
                     "real_documents": len(real & set(groups)), "data_sha256": data_hash,
                     "label_counts": {lab: sum(lab in s for s in labels) for lab in LABELS},
                     "features": f"syllable 1-3-grams and label cues (x{CUE_REPEAT}), sublinear tf-idf, l2", "min_df": MIN_DF, "C": C,
                     "cv": {"folds": FOLDS, "grouped_by": "document", "scored_on": "real units",
                            "per_label": cv, "macro_f1": cv_macro}},
    }
    model["sha256"] = content_hash(model)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    tmp.replace(out)
    return model["training"]
