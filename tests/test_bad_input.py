"""Bad input: a typed error for what is not text, a Document for everything else, never a hang."""
from __future__ import annotations

import os
import random
import signal

import pytest

import vndirective
from vndirective import NotTextError


@pytest.fixture(autouse=True)
def hang_guard():
    """Fail instead of hanging forever if a pattern backtracks catastrophically (not a speed test)."""
    def boom(*_):
        raise TimeoutError("parse did not finish: catastrophic backtracking?")
    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(300)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_empty_text():
    doc = vndirective.parse("")
    assert doc.number is None and doc.references == [] and "empty text" in doc.warnings


@pytest.mark.parametrize("data", [b"\xff\xfe\x00\x01garbage\x80", os.urandom(2048), 12345, None])
def test_not_text_raises_one_error_type(data):
    with pytest.raises(NotTextError):
        vndirective.parse(data)


def test_binary_looking_string():
    with pytest.raises(NotTextError):
        vndirective.parse("\x00\x01\x02\x03" * 500)


def test_utf8_bytes_are_accepted(seed_texts):
    text = next(iter(seed_texts.values()))
    assert vndirective.parse(text.encode("utf-8")).model_dump() == vndirective.parse(text).model_dump()


def test_other_language_and_legacy_encoding():
    english = "The Prime Minister requested ministries to report by 30 November. " * 50
    assert vndirective.parse(english).number is None
    tcvn3 = "Sè: 12/Q§-UBND\nB¾c Giang, ngµy 16 th¸ng 10 n¨m 2023\nKÝnh göi: Së Néi vô"
    assert isinstance(vndirective.parse(tcvn3), vndirective.Document)


@pytest.mark.parametrize("line", [
    "1/" * 100_000, "A-" * 100_000, "ngày " * 50_000, "Số: " * 50_000, "12/QĐ-UBND-" * 20_000,
    "- " * 100_000, "(" * 100_000 + "số 1/UBND", "Kính gửi:" + " - X;" * 30_000,
])
def test_adversarial_long_lines_finish(line):
    vndirective.parse(line)


def test_huge_text_is_parsed(seed_texts):
    big = "\n\n".join(seed_texts.values()) * 110  # about 5 MB
    doc = vndirective.parse(big, obligations=False)
    assert doc.references


def test_random_unicode_never_crashes():
    rng = random.Random(7)
    alphabet = "abcđĐÀ-ỹ0123456789/-.,:;()[]¹²³ \n\tSốngàythángnămKínhgửiNơinhận"
    for _ in range(50):
        vndirective.parse("".join(rng.choice(alphabet) for _ in range(3000)))
