"""PDF, DOCX, HTML and text to JSON: real PDFs of the corpus, fixture PDFs laid out like real ones,
broken inputs, and the batch guarantees (manifest, exit codes, skips, atomic writes, engines)."""
from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import vndirective
from vndirective.batch import Options, convert, plan, run
from vndirective.cli import main
from vndirective.errors import EncryptedError, InputError
from vndirective.numbers import number_key

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
import make_pdfs  # noqa: E402


@pytest.fixture(scope="module")
def fx(tmp_path_factory) -> dict[str, Path]:
    return make_pdfs.build_all(tmp_path_factory.mktemp("fixtures"))


def _tesseract() -> bool:
    try:
        from vndirective.io.ocr import check

        check()
        return True
    except Exception:  # noqa: BLE001
        if os.environ.get("CI"):
            pytest.fail("Tesseract with Vietnamese data must be installed in CI (scripts/system-deps.sh)")
        return False


def test_text_layer_pdfs_of_the_corpus(corpus):
    rows = {r["file"]: r for r in csv.DictReader((corpus / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t")}
    for f in sorted((corpus / "pdf").glob("t*.pdf")):
        row = rows[f"pdf/{f.name}"]
        doc = convert(f, Options(ocr="never"))
        assert number_key(doc.number) == number_key(row["number"]), f.name
        assert doc.doc_type == row["type"] and doc.date == row["date"] and doc.issuer.level == row["level"]
        assert doc.source.method == "pdf-text" and doc.source.pages == int(row["pages"] or len(doc.source.page_spans))
        assert doc.page_of(doc.references[0].spans[0].start) >= 1


def test_scanned_pdf_is_read_by_ocr(corpus):
    if not _tesseract():
        pytest.skip("Tesseract with Vietnamese data is not installed")
    doc = convert(next((corpus / "pdf").glob("p02_*.pdf")))
    assert doc.source.method == "pdf-ocr" and doc.source.ocr_pages == [1]
    assert doc.doc_type == "cong_van" and doc.date == "2025-02-04"
    assert doc.issuer.name == "UBND tỉnh Quảng Ngãi" and doc.addressees == ["Sở Tài chính"]


def test_scan_without_ocr_says_so(corpus):
    doc = convert(next((corpus / "pdf").glob("p02_*.pdf")), Options(ocr="never"))
    assert "no text layer and OCR disabled" in doc.source.warnings and doc.number is None


def test_fixture_pdf_layout_is_undone(fx):
    doc = convert(fx["directive"])
    refs = {r.number: r for r in doc.references}
    assert (doc.number, doc.date, doc.issuer.name) == ("/UBND-NC", "2023-10", "UBND tỉnh Bắc Giang")
    assert refs["280/CĐ-TTg"].date == "2023-04-19", "footnote ¹ at the page foot, mark glued to the number"
    assert refs["73/2023/NĐ-CP"].date == "2023-09-29"
    assert doc.source.pages >= 2 and not any(t.strip() == "2" for t in doc.text.split("\n")), "page numbers gone"
    point_c = next(o for o in doc.obligations if o.text.startswith("Trực tiếp, chủ động"))
    assert "Kịp thời rà soát, thay thế" in point_c.text, "a point across the footnote block and page break"
    assert doc.signer.name == "Lê Ánh Dương"


def test_tcvn3_font_text_is_converted(fx):
    doc = convert(fx["tcvn3"])
    assert any("tcvn3" in w for w in doc.source.warnings)
    assert doc.issuer.name == "UBND tỉnh Bắc Giang" and doc.date == "2023-10"
    assert {r.number for r in doc.references} >= {"968/CĐ-TTg", "280/CĐ-TTg", "1085/QĐ-TTg"}


def test_docx_and_html(fx):
    d = convert(fx["docx"])
    assert d.source.method == "docx" and d.addressees[1] == "Chủ tịch UBND các huyện, thành phố"
    assert {r.number: r.date for r in d.references}["280/CĐ-TTg"] == "2023-04-19", "Word footnotes merged"
    h = convert(fx["html"])
    assert h.source.method == "html" and h.kind == "news" and h.number == "1526/UBND-NC"
    assert "31/2024/QH15" not in {r.number for r in h.references}, "sidebar chrome dropped"
    assert "18/2019/QĐ-TTg" not in h.text, "scripts dropped"


def test_broken_pdfs_fail_with_clear_errors(fx, tmp_path):
    with pytest.raises(EncryptedError):
        convert(fx["encrypted"])
    with pytest.raises(InputError, match="limit|decompress|Limit"):
        convert(fx["bomb"])
    t = tmp_path / "t.pdf"
    t.write_bytes(fx["directive"].read_bytes()[:3000])
    with pytest.raises(InputError):
        convert(t)


def test_decompression_limits_are_set_at_import():
    import pypdf

    from vndirective.io import pdf

    assert pypdf.get_configuration().zlib_maximum_output_length <= pdf.DECOMPRESSION_LIMIT


def _broken_folder(fx: dict[str, Path], root: Path) -> Path:
    src = root / "in"
    (src / "sub").mkdir(parents=True)
    for k in ("directive", "docx", "html", "encrypted", "bomb"):
        (src / ("sub" if k == "html" else "") / fx[k].name).write_bytes(fx[k].read_bytes())
    (src / "empty.txt").write_bytes(b"")
    (src / "random.pdf").write_bytes(os.urandom(4000))
    (src / "truncated.pdf").write_bytes(fx["directive"].read_bytes()[:2500])
    (src / "binary.txt").write_bytes(bytes(range(256)) * 20)
    return src


def test_batch_records_every_input_and_skips_on_rerun(fx, tmp_path):
    src = _broken_folder(fx, tmp_path)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["convert", str(src), "--out", str(out), "--jobs", "2", "--ocr", "never",
                                  "--no-progress"])
    assert r.exit_code == 1, r.output
    lines = {d["source"]: d for d in map(json.loads, (out / "manifest.jsonl").read_text().splitlines())}
    assert len(lines) == 9
    good = {"directive.pdf", "directive.docx", "sub/article.html"}
    assert {k for k, d in lines.items() if d["status"] == "ok"} == good
    for k, d in lines.items():
        if k not in good:
            assert d["status"] == "failed" and d["error"], k
    assert "password" in lines["encrypted.pdf"]["error"] and "empty file" in lines["empty.txt"]["error"]
    assert json.loads((out / "sub" / "article.html.json").read_text())["source"]["sha256"]
    assert not list(out.rglob("*.tmp")) and not (out / ".manifest.jsonl.partial").exists()
    r2 = CliRunner().invoke(main, ["convert", str(src), "--out", str(out), "--ocr", "never", "--no-progress"])
    again = {d["source"]: d["status"] for d in map(json.loads, (out / "manifest.jsonl").read_text().splitlines())}
    assert r2.exit_code == 1 and {k for k, s in again.items() if s == "skipped"} == good


def test_all_ok_exits_zero_and_usage_errors_exit_two(fx, tmp_path):
    r = CliRunner().invoke(main, ["convert", str(fx["docx"]), "--out", str(tmp_path / "o"), "--no-progress"])
    assert r.exit_code == 0
    assert CliRunner().invoke(main, ["convert", str(fx["docx"]), "--out", str(tmp_path), "--shard", "3/2"]).exit_code == 2
    assert CliRunner().invoke(main, ["convert", "--out", str(tmp_path)]).exit_code == 2


def test_hung_file_is_killed_and_recorded(corpus, tmp_path):
    big = next((corpus / "pdf").glob("t01_*.pdf"))
    out = tmp_path / "out"
    s = run(plan([big], out), out, Options(ocr="never", timeout=0.05), workers=1, progress=False)
    assert s.failed == 1 and "timeout" in s.lines[0]["error"]
    assert not (out / "t01_nd-45-2026-nd-cp-quan-ly-dau-tu-ung-dung-cntt.pdf.json").exists()


def test_memory_cap_records_a_failure(tmp_path, seed_texts):
    big = tmp_path / "huge.txt"
    big.write_text("\n".join(seed_texts.values()) * 1800, encoding="utf-8")  # about 80 MB
    out = tmp_path / "out"
    s = run(plan([big], out), out, Options(memory_mb=40, max_bytes=10**9), workers=1, progress=False)
    assert s.failed == 1 and "Memory" in s.lines[0]["error"] or "died" in s.lines[0]["error"]
    assert not (out / "huge.txt.json").exists()


def test_shards_split_the_inputs(fx, tmp_path):
    src = _broken_folder(fx, tmp_path)
    parts = [{j.rel for j in plan([src], tmp_path / "o", (k, 3))} for k in (1, 2, 3)]
    assert set.union(*parts) == {j.rel for j in plan([src], tmp_path / "o")}
    assert sum(map(len, parts)) == len(set.union(*parts))


def test_dask_engine_on_a_local_cluster(fx, tmp_path):
    src = _broken_folder(fx, tmp_path)
    out = tmp_path / "out"
    s = run(plan([src], out), out, Options(ocr="never", timeout=120), workers=2, engine="dask", progress=False)
    assert (s.ok, s.failed) == (3, 6)
    assert json.loads((out / "directive.pdf.json").read_text())["number"] == "/UBND-NC"


def test_convert_returns_a_document_with_source(fx):
    d = vndirective.convert(fx["directive"])
    assert d.source.library_version == vndirective.__version__ and len(d.source.sha256) == 64
    assert d.text.startswith("ỦY BAN NHÂN DÂN")
