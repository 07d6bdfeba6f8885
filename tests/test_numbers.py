"""Số ký hiệu grammar on the real variants listed in docs/domain-spec.md §c."""
from __future__ import annotations

import pytest

from vndirective.numbers import find_numbers, number_key, parse_number


@pytest.mark.parametrize("raw, canonical, parts", [
    ("968/CĐ-TTg", "968/CĐ-TTg", ("968", None, "CĐ", "TTg", None, "state")),
    ("53/2022/QĐ-UBND", "53/2022/QĐ-UBND", ("53", 2022, "QĐ", "UBND", None, "state")),
    ("127-KL/TW", "127-KL/TW", ("127", None, "KL", "TW", None, "party")),
    ("1526/UBND-NC", "1526/UBND-NC", ("1526", None, None, "UBND", "NC", "state")),
    ("367 - QĐ/TWĐTN-VP", "367-QĐ/TWĐTN-VP", ("367", None, "QĐ", "TWĐTN", "VP", "party")),
    ("10 / CT - TTg", "10/CT-TTg", ("10", None, "CT", "TTg", None, "state")),
    ("119- KH/TU", "119-KH/TU", ("119", None, "KH", "TU", None, "party")),
    ("1961/QĐUBND", "1961/QĐ-UBND", ("1961", None, "QĐ", "UBND", None, "state")),
    ("61/2018/NĐCP", "61/2018/NĐ-CP", ("61", 2018, "NĐ", "CP", None, "state")),
    ("11/CT.UBND", "11/CT-UBND", ("11", None, "CT", "UBND", None, "state")),
    ("12/QD-UBND", "12/QĐ-UBND", ("12", None, "QĐ", "UBND", None, "state")),
    ("2231/SNV-CCHC&PC", "2231/SNV-CCHC&PC", ("2231", None, None, "SNV", "CCHC&PC", "state")),
    ("5317/CT-CS", "5317/CT-CS", ("5317", None, None, "CT", "CS", "state")),
    ("45/2019/QH14", "45/2019/QH14", ("45", 2019, None, "QH14", None, "state")),
    ("11282/VPCP-V.I", "11282/VPCP-V.I", ("11282", None, None, "VPCP", "V.I", "state")),
    ("36-HD/VPTW", "36-HD/VPTW", ("36", None, "HD", "VPTW", None, "party")),
])
def test_variants_parse_to_parts(raw, canonical, parts):
    p = parse_number(raw)
    assert p is not None
    assert p.text == canonical
    assert (p.number, p.year, p.type_code, p.issuer_code, p.unit_code, p.system) == parts


def test_line_break_inside_a_number():
    found = list(find_numbers("Số: 3783/QĐ-\nUBND\nNghệ An"))
    assert [n.parsed.text for n in found] == ["3783/QĐ-UBND"]


def test_footnote_digit_glued_to_a_known_code_is_split_off():
    (n,) = find_numbers("Nghị định số 73/2023/NĐ-CP4 nhằm tạo cơ sở")
    assert n.parsed.text == "73/2023/NĐ-CP" and n.footnote_mark == "4"


def test_unit_codes_keep_their_digits():
    assert parse_number("4011/UBND-VX2").unit_code == "VX2"
    assert parse_number("04/QĐ-BCĐ138").issuer_code == "BCĐ138"


@pytest.mark.parametrize("text", ["quý II/2020", "ngày 16/10/2023", "giai đoạn 2021-2025", "COVID-19/SARS",
                                  "tỷ lệ 50/100 xã", "V/v tiếp tục chấn chỉnh"])
def test_periods_dates_and_ratios_are_not_numbers(text):
    assert list(find_numbers(text)) == []


def test_blank_number_keeps_its_symbol():
    p = parse_number("/UBND-NC")
    assert p.text == "/UBND-NC" and p.number is None and p.issuer_code == "UBND"


def test_identity_key_folds_spelling_variants():
    assert number_key("968/CD-TTg") == number_key("968/CĐ – TTg") == number_key("968/cđ-ttg")
    assert number_key("968/CĐ-TTg") != number_key("968/CĐ-UBND")


def test_word_segmentation_keeps_numbers_whole(seed_texts):
    from vndirective import segment_words

    sentence = "Tổ chức quán triệt Công điện số 968/CĐ-TTg, Kết luận 127-KL/TW và Quyết định số 53/2022/QĐ-UBND."
    words = segment_words(sentence)
    assert {"968/CĐ-TTg", "127-KL/TW", "53/2022/QĐ-UBND", "quán triệt"} <= set(words)
    assert "".join(words).replace(" ", "") == sentence.replace(" ", "")
