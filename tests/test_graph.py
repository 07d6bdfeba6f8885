"""The cross-reference graph on real texts: local documents linked to the central ones they implement."""
from __future__ import annotations

import networkx as nx

import vndirective
from vndirective.graph import CrossRefGraph, place_of

BAC_GIANG = "001_98fc9fbbc69a2cda"
QUANG_XUONG = "003_bd9b696ff80030d5"
NAM_DINH = "000_5ea26bdbc8d8421e"


def _graph(seed_texts) -> tuple[CrossRefGraph, dict[str, str]]:
    g = CrossRefGraph()
    ids = {name: g.add(vndirective.parse(t), name=name) for name, t in seed_texts.items()}
    return g, ids


def test_bac_giang_implements_968_and_280(seed_texts):
    g, ids = _graph(seed_texts)
    out = g.out[ids[BAC_GIANG]]
    rel = {g.nodes[d].number: e.relation for d, e in out.items()}
    assert rel["968/CĐ-TTg"] == "implements" and rel["280/CĐ-TTg"] == "implements"
    # 968/CD-TTg in the attachment line and 968/CĐ-TTg in the body are one node
    assert len(g.find("968/CD-TTg")) == 1


def test_280_has_implementers_at_two_levels(seed_texts):
    g, ids = _graph(seed_texts)
    impl = g.implementers("280/CĐ-TTg")
    assert {i.id for i in impl["province"]} == {ids[BAC_GIANG]}
    assert {i.id for i in impl["district"]} == {ids[QUANG_XUONG]}
    assert g.nodes[ids[QUANG_XUONG]].issuer == "UBND huyện Quảng Xương"
    assert [ids[QUANG_XUONG], g.find("280/CĐ-TTg")[0]] in g.chain(ids[QUANG_XUONG])
    assert g.find("280/CĐ-TTg")[0] not in g.uncovered("Bắc Giang")


def test_same_number_in_other_years_stays_distinct(corpus):
    text = next((corpus / "raw").glob("0059_*.txt")).read_text(encoding="utf-8")
    g = CrossRefGraph()
    g.add(vndirective.parse(text))
    years = {nid.split("|")[1] for nid in g.find("04/GP-UBND")}
    assert len(years) >= 2, years


def test_stub_is_promoted_when_the_document_arrives(corpus):
    raw = corpus / "raw"
    g = CrossRefGraph()
    citing = g.add(vndirective.parse(next(raw.glob("0002_*.txt")).read_text(encoding="utf-8")))
    (stub,) = g.find("217/CĐ-TTg")
    assert not g.nodes[stub].resolved and citing in g.inc[stub]
    own = g.add(vndirective.parse(next(raw.glob("0001_*.txt")).read_text(encoding="utf-8")))
    # the yearless stub became the dated document, keeping the edge from its citer
    assert g.find("217/CĐ-TTg") == [own] and stub not in g.nodes
    assert g.nodes[own].resolved and citing in g.inc[own] and own in g.out[citing]


def test_local_references_take_the_citing_province(seed_texts):
    g, ids = _graph(seed_texts)
    (node,) = g.find("01/CT-UBND")
    assert place_of(g.nodes[ids[BAC_GIANG]].issuer) == "bac giang" and node.endswith("|bac giang")


def test_alignment_pairs_restated_obligations(seed_texts):
    g, ids = _graph(seed_texts)
    rows = g.align(ids[NAM_DINH], ids[BAC_GIANG])
    restated = [r for r in rows if r["status"] == "restated" and r["score"] >= 0.5]
    assert len(restated) >= 3
    assert any(r["local"].startswith("Phát huy hiệu quả các kênh") and r["central"].startswith("Phát huy hiệu quả")
               for r in restated)
    assert {r["status"] for r in rows} <= {"restated", "added", "dropped"}


def test_exports_round_trip(seed_texts, tmp_path):
    g, _ = _graph(seed_texts)
    n, m = len(g.nodes), sum(len(v) for v in g.out.values())
    for suffix, read in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        back = read(g.write(tmp_path / f"g{suffix}"))
        assert back.number_of_nodes() == n and back.number_of_edges() == m
    assert (tmp_path / "g.json").exists() is False
    g.write(tmp_path / "g.json")
    g.draw(tmp_path / "g.png")
    assert (tmp_path / "g.png").stat().st_size > 1000
