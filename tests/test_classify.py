"""The obligation classifier: plain JSON, verified on load, rebuilt byte-for-byte from the gold."""
from __future__ import annotations

import json

import pytest

import vndirective
from vndirective import ModelFileError
from vndirective.classify import LABELS, load, model_path
from vndirective.corpus import PROJECT, load_gold

from .conftest import SEED_GOLD


def test_tampered_model_is_refused(tmp_path):
    model = json.loads(model_path().read_text(encoding="utf-8"))
    lab = LABELS[0]
    model["coef"][lab][0][1] += 1.0
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps(model), encoding="utf-8")
    with pytest.raises(ModelFileError, match="checksum"):
        load(bad)


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"format": "pickle"}', "\x80\x04\x95"])
def test_malformed_model_is_refused(tmp_path, content):
    bad = tmp_path / "m.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ModelFileError):
        load(bad)


def test_missing_model_leaves_units_unlabelled(monkeypatch, tmp_path, seed_texts):
    from vndirective import classify

    monkeypatch.setenv("VNDIRECTIVE_MODEL", str(tmp_path / "absent.json"))
    classify._default.cache_clear()
    try:
        doc = vndirective.parse(seed_texts["001_98fc9fbbc69a2cda"])
    finally:
        classify._default.cache_clear()
    assert doc.obligations and all(o.labels == [] for o in doc.obligations)
    assert any("not labelled" in w for w in doc.warnings)


def test_labels_on_the_seed_units():
    units = [u for d in load_gold([SEED_GOLD]) for u in d.units]
    pred = vndirective.classify_obligations([u["text"] for u in units])
    f1 = []
    for lab in LABELS:
        tp = sum(lab in p and lab in u["labels"] for p, u in zip(pred, units))
        wrong = sum((lab in p) != (lab in u["labels"]) for p, u in zip(pred, units))
        f1.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    assert sum(f1) / len(f1) >= 0.85, f1
    assert vndirective.classify_obligations([]) == []


def test_training_is_reproducible_and_matches_the_shipped_model(corpus, tmp_path):
    from vndirective.train import train

    dirs = [PROJECT / "corpora" / "gold", SEED_GOLD, PROJECT / "corpora" / "synthetic"]
    texts = [corpus / "raw", PROJECT / "corpora" / "seeds"]
    out = tmp_path / "model.json"
    info = train(dirs, texts, out, real_dirs=dirs[:2])
    assert info["real_units"] >= 800 and info["real_documents"] >= 80
    assert out.read_bytes() == model_path().read_bytes(), "models/ is stale: run `vndirective train`"
