"""Both notebooks run top to bottom on a fresh kernel, so they never rot (outputs are not committed)."""
from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from vndirective.corpus import PROJECT


@pytest.mark.parametrize("name", ["01_explore_corpus.ipynb", "02_batch_pdfs.ipynb"])
def test_notebook_runs(name, corpus, tmp_path):
    path = PROJECT / "notebooks" / name
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit notebooks without outputs"
    NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    html = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if "text/html" in o.get("data", {})]
    assert html, "tables and the highlighted document render as HTML"
    nbformat.write(nb, tmp_path / name)
