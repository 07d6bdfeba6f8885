"""The five seed documents: every feature must work on them."""
from __future__ import annotations

import vndirective

BAC_GIANG = "001_98fc9fbbc69a2cda"
QUANG_XUONG = "003_bd9b696ff80030d5"
CAN_THO = "004_e1e0ad78005db800"
NAM_DINH = "000_5ea26bdbc8d8421e"


def refs(doc):
    return {r.number: r for r in doc.references}


def test_official_header_with_blank_number_and_blank_day(seed_texts):
    doc = vndirective.parse(seed_texts[BAC_GIANG])
    assert doc.kind == "official"
    assert doc.number == "/UBND-NC" and doc.parsed_number.number is None
    assert doc.doc_type == "cong_van"
    assert doc.date == "2023-10"
    assert doc.issuer.level == "province" and "Bắc Giang" in doc.issuer.name
    assert doc.subject.startswith("tiếp tục chấn chỉnh")
    assert doc.addressees == ["Giám đốc Sở, Thủ trưởng cơ quan, đơn vị trực thuộc UBND tỉnh",
                              "Chủ tịch UBND các huyện, thành phố"]
    assert doc.recipients[0].text == "Như trên" and doc.recipients[-1].text.startswith("Lưu")
    assert doc.signer.name == "Lê Ánh Dương" and doc.signer.position == "CHỦ TỊCH"


def test_footnotes_give_date_and_issuer_to_the_reference_they_mark(seed_texts):
    doc = vndirective.parse(seed_texts[BAC_GIANG])
    r = refs(doc)
    assert r["280/CĐ-TTg"].date == "2023-04-19" and r["280/CĐ-TTg"].issuer.level == "central"
    assert r["280/CĐ-TTg"].footnotes, "the ¹ note is merged into 280/CĐ-TTg"
    assert r["73/2023/NĐ-CP"].date == "2023-09-29"
    assert r["968/CĐ-TTg"].relation == "implements"
    # references written inside footnotes are references too, with their own dates and levels
    assert r["26-CT/TU"].date == "2023-06-02" and r["26-CT/TU"].issuer.level == "province"
    assert r["1085/QĐ-TTg"].date == "2022-09-15"
    # one entry per document, all mentions kept: 968 appears in the body and in the attachment line
    assert len(r["968/CĐ-TTg"].spans) == 3
    assert "/UBND-NC" not in r


def test_point_interrupted_by_a_footnote_block_is_one_unit(seed_texts):
    doc = vndirective.parse(seed_texts[BAC_GIANG])
    point_c = next(o for o in doc.obligations if o.text.startswith("Trực tiếp, chủ động"))
    assert "Kịp thời rà soát, thay thế" in point_c.text
    assert "Ngày 19/4/2023 của Thủ tướng" not in point_c.text
    assert {o.marker for o in doc.obligations} >= {"a)", "đ)", "2.", "3."}


def test_press_article_reports_the_directive(seed_texts):
    doc = vndirective.parse(seed_texts[CAN_THO])
    assert doc.kind == "news"
    assert doc.number == "1526/UBND-NC" and doc.doc_type == "cong_van"
    assert doc.issuer.name == "UBND thành phố Cần Thơ" and doc.issuer.level == "province"
    assert doc.date is None, "the article's own date is not the directive's"
    assert doc.published == "2024-04-24"
    assert doc.references == []


def test_press_article_district_directive_and_sidebar_chrome(seed_texts):
    doc = vndirective.parse(seed_texts[QUANG_XUONG])
    assert (doc.kind, doc.number, doc.doc_type, doc.date) == ("news", "06/CT-UBND", "chi_thi", "2023-06-05")
    assert doc.issuer.level == "district" and "Quảng Xương" in doc.issuer.name
    assert set(refs(doc)) == {"280/CĐ-TTg", "12-NQ/TU"}, "the sidebar's 31/2024/QH15 is page chrome"


def test_bare_day_month_takes_the_year_of_the_article(seed_texts):
    doc = vndirective.parse(seed_texts[NAM_DINH])
    assert doc.date == "2025-05-05"
    assert refs(doc)["127-KL/TW"].date == "2025-02-28"
    assert refs(doc)["661/UBND-VP8"].issuer.level == "province"
