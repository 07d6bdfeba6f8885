"""Dates of issue and of cited documents (domain-spec §d)."""
from __future__ import annotations

import pytest

from vndirective.dates import find_bare, find_dates


@pytest.mark.parametrize("text, iso", [
    ("Hà Nội, ngày 16 tháng 10 năm 2023", "2023-10-16"),
    ("Bắc Giang, ngày tháng 10 năm 2023", "2023-10"),
    ("ngày __ tháng 12 năm 2022", "2022-12"),
    ("ngày 19/4/2023", "2023-04-19"),
    ("ngày 01-10-1997", "1997-10-01"),
    ("*Hà Nội, ngày 16\ntháng 11 năm 2025*", "2025-11-16"),
    ("ngày 28 - 01 - 2024", "2024-01-28"),
    ("(Kèm theo văn bản số /BKHCN-CĐSQG ngày /11/2025 của Bộ", "2025-11"),
    ("/UBND-NNMT ngày tháng năm 2025 của UBND", "2025"),
])
def test_date_forms(text, iso):
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize("text", ["quý II/2020", "giai đoạn 2021-2025", "nhiệm kỳ 2025 - 2030", "ngày 32/13/2023"])
def test_periods_and_impossible_dates_are_not_dates(text):
    assert find_dates(text) == []


def test_bare_day_month_is_left_for_the_caller():
    assert find_bare("Ngày 5/5, UBND tỉnh có văn bản") == [(0, 8, 5, 5)]
    assert find_bare("ngày 5/5/2025") == []
