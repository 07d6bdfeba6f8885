"""Legacy font encodings, checked against an independent oracle: glibc iconv's TCVN5712-1."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from vndirective.io.encodings import decode_tcvn3, decode_vni, fix_legacy

pytestmark = pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv (glibc) not installed")


def _iconv(data: bytes) -> str:
    return subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True,
                          check=True).stdout.decode("utf-8")


def test_every_tcvn3_byte_agrees_with_iconv():
    for b in range(0xA1, 0x100):
        assert decode_tcvn3(bytes([b]).decode("latin-1")) == _iconv(bytes([b])), hex(b)


def test_tcvn3_sentences_from_iconv_bytes(seed_texts):
    text = seed_texts["001_98fc9fbbc69a2cda"]
    lines = [ln for ln in text.lower().split("\n") if ln.strip()][:40]
    raws = []
    for line in lines:
        raw = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=line.encode(),
                             capture_output=True).stdout
        if raw and not any(0x80 <= b <= 0xA0 for b in raw):  # upper-case letters TCVN3 cannot hold are left out
            raws.append(raw)
    fixed, encs = fix_legacy("\n".join(r.decode("latin-1") for r in raws))
    assert encs == ["tcvn3"]
    assert fixed.split("\n") == [_iconv(r) for r in raws]


def test_vni_words():
    assert decode_vni("Vieät Nam, ngaøy 16 thaùng 10 naêm 2023") == "Việt Nam, ngày 16 tháng 10 năm 2023"
    assert fix_legacy("Uûy ban nhaân daân tænh Baéc Giang ñeà nghò")[0] == "Ủy ban nhân dân tỉnh Bắc Giang đề nghị"


def test_unicode_and_other_languages_are_left_alone(seed_texts):
    for text in seed_texts.values():
        assert fix_legacy(text) == (text, [])
    assert fix_legacy("Price: 5 € — café ® naïve « ok »") == ("Price: 5 € — café ® naïve « ok »", [])
