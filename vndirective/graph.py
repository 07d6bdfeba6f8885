"""Cross-reference graph: local documents linked to the central ones they implement, level by level.

A node is one document identity.  Numbers restart every year (state) or term
(Party), and ``UBND``/``HĐND``/``TU`` exist in every province, so the identity
is the folded number + the year + the place of a local issuer
(``968/CĐ-TTg|2023|``, ``06/CT-UBND|2023|quang xuong``).  A reference whose year
is not stated joins the one known node with its number and place, or waits as
a yearless stub that is merged when the dated document arrives.  Edges go from
the citing to the cited document with the relation read from the citing
sentence (``implements``, ``based_on``, ``guides``, ``amends``, ``replaces``,
``cites``) and the spans of those sentences.

The store is plain dictionaries (100,000 documents build in seconds);
:meth:`CrossRefGraph.to_networkx` gives a ``networkx.DiGraph`` for analysis.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .issuers import province, short
from .models import Document, Reference
from .numbers import number_key
from .tables import code_key, fold, tables

LEVELS = ("central", "province", "district", "commune")
_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}
_PLACE = re.compile(r"(?i)\b(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|đảng bộ)\s+(?!ủy\b)(.+)$")
_LOCAL_WORDS = re.compile(r"(?i)^(?:ủy ban nhân dân|ubnd|hđnd|hội đồng nhân dân|tỉnh ủy|thành ủy|huyện ủy|quận ủy|"
                          r"thị ủy|đảng ủy|ban thường vụ tỉnh ủy|chủ tịch ubnd|sở [^ ]+(?: [^ ]+)*?)\s+")


def place_of(issuer_name: str | None) -> str:
    """The folded place a local issuer belongs to: ``UBND tỉnh Bắc Giang`` → ``bac giang``; '' if none."""
    if not issuer_name:
        return ""
    m = _PLACE.search(issuer_name) or re.search(r"(?i)\b(?:tỉnh|thành|huyện|quận|thị)\s+ủy\s+(.+)$", issuer_name)
    name = m.group(1) if m else _LOCAL_WORDS.sub("", issuer_name, count=1)
    if name == issuer_name and not m:
        return ""
    if re.fullmatch(r"(?i)\s*(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)?\s*", name):
        return ""  # "UBND Thành phố" with no name: the place is not said
    p = province(name)
    return fold(p["name"] if p else name)


def _inherit(ref: Reference, doc: Document) -> str | None:
    """The issuer of a local reference that names no place, placed where the citing document is:
    ``15-QC/TU`` cited by UBND tỉnh Bắc Giang → ``Tỉnh ủy Bắc Giang``."""
    m = re.search(r"(?i)(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(.+)$", doc.issuer.name or "")
    if not m:
        return doc.issuer.name
    code = ref.parsed.issuer_code or ""
    entry = tables().local.get(code_key(code))
    if entry is None:
        return ref.issuer.name or doc.issuer.name
    head = short(entry["names"][0])
    return f"{head} {m.group(2)}" if entry.get("kind") == "party" else f"{head} {m.group(1)} {m.group(2)}"


def _year(date: str | None, number_year: int | None) -> str:
    if number_year:
        return str(number_year)
    return date[:4] if date else "?"


@dataclass
class Node:
    id: str
    number: str | None
    doc_type: str | None = None
    issuer: str | None = None
    level: str | None = None
    date: str | None = None
    subject: str | None = None
    resolved: bool = False
    obligations: list[str] = field(default_factory=list)


@dataclass
class Edge:
    relation: str
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Implementer:
    """A document that implements the queried one, directly or through others."""

    id: str
    number: str | None
    issuer: str | None
    level: str | None
    path: list[str]


class CrossRefGraph:
    """Documents and the references between them; add documents one at a time or in bulk."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.out: dict[str, dict[str, Edge]] = defaultdict(dict)
        self.inc: dict[str, set[str]] = defaultdict(set)
        self._by_number: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._places: dict[str, set[str]] = defaultdict(set)  # number key -> places it is known in

    # ---------------------------------------------------------------- identity
    def _resolve(self, number: str, place: str, year: str) -> str | None:
        """An existing node for a reference: the same year, or the only one when the year is unknown."""
        key = number_key(number)
        cands = self._by_number.get((key, place), set())
        if year == "?" and len(cands - {f"{key}|?|{place}"}) == 1:
            return next(iter(cands - {f"{key}|?|{place}"}))
        nid = f"{key}|{year}|{place}"
        return nid if nid in self.nodes else None

    def _merge_stub(self, nid: str, key: str, place: str) -> None:
        """A yearless stub of this number and place becomes the dated node ``nid``."""
        stub = f"{key}|?|{place}"
        if stub == nid or stub not in self.nodes:
            return
        for src in list(self.inc.pop(stub, ())):
            e = self.out[src].pop(stub)
            self.out[src][nid] = e
            self.inc[nid].add(src)
        for dst, e in self.out.pop(stub, {}).items():
            self.out[nid][dst] = e
            self.inc[dst].discard(stub)
            self.inc[dst].add(nid)
        del self.nodes[stub]
        self._by_number[(key, place)].discard(stub)

    # ---------------------------------------------------------------- building
    def add(self, doc: Document, name: str | None = None) -> str:
        """Add a parsed document (promoting its stub if it was only known from references); return its id."""
        if doc.number is None and not doc.issuer.name:
            return ""  # a text that names neither its number nor its issuer has no identity
        year = _year(doc.date, doc.parsed_number.year if doc.parsed_number else None)
        place = place_of(doc.issuer.name) if doc.issuer.level in ("province", "district", "commune") else ""
        if doc.number and doc.parsed_number and doc.parsed_number.number:
            key = number_key(doc.number)
            nid = f"{key}|{year}|{place}"
            self._merge_stub(nid, key, place)
            self._by_number[(key, place)].add(nid)
            self._places[key].add(place)
        else:
            nid = f"unnumbered|{year}|{place}|{name or fold(doc.subject or '')[:60]}"
        node = self.nodes.get(nid) or Node(nid, doc.number)
        node.number, node.doc_type, node.issuer = doc.number, doc.doc_type, doc.issuer.name
        node.level, node.date, node.subject, node.resolved = doc.issuer.level, doc.date, doc.subject, True
        node.obligations = [o.text for o in doc.obligations]
        self.nodes[nid] = node
        for ref in doc.references:
            self._link(nid, doc, ref)
        return nid

    def _link(self, src: str, doc: Document, ref: Reference) -> None:
        level = ref.issuer.level
        issuer = ref.issuer.name
        if level in ("province", "district", "commune") and not place_of(issuer) and level == doc.issuer.level:
            issuer = _inherit(ref, doc)  # "Chỉ thị số 01/CT-UBND" in a province's letter is that province's
        place = place_of(issuer) if level in ("province", "district", "commune") else ""
        year = _year(ref.date, ref.parsed.year)
        dst = self._resolve(ref.number, place, year)
        if dst is None:
            key = number_key(ref.number)
            dst = f"{key}|{year}|{place}"
            if year != "?":
                self._merge_stub(dst, key, place)
            self.nodes[dst] = Node(dst, ref.number, ref.doc_type, issuer, level, ref.date)
            self._by_number[(key, place)].add(dst)
            self._places[key].add(place)
        if dst == src:
            return
        spans = [(s.start, s.end) for s in ref.context]
        old = self.out[src].get(dst)
        if old is None or (old.relation == "cites" and ref.relation != "cites"):
            self.out[src][dst] = Edge(ref.relation, spans)
        self.inc[dst].add(src)

    # ---------------------------------------------------------------- queries
    def find(self, number: str, year: int | str | None = None, place: str | None = None) -> list[str]:
        """Node ids for a number (any spelling), optionally narrowed by year and place."""
        key = number_key(number)
        places = self._places.get(key, ()) if place is None else [fold(place)]
        ids = [i for p in places for i in self._by_number.get((key, p), ())]
        if year is not None:
            ids = [i for i in ids if i.split("|")[1] == str(year)]
        return sorted(ids)

    def implementers(self, number: str, transitive: bool = True, year: int | str | None = None,
                     relations: Iterable[str] = ("implements",)) -> dict[str, list[Implementer]]:
        """Documents that implement ``number``, grouped by level, each with its path down from it."""
        rel = set(relations)
        out: dict[str, list[Implementer]] = defaultdict(list)
        for root in self.find(number, year):
            seen = {root}
            queue = deque([(root, [root])])
            while queue:
                cur, path = queue.popleft()
                for src in self.inc.get(cur, ()):
                    e = self.out[src].get(cur)
                    if e is None or e.relation not in rel or src in seen:
                        continue
                    seen.add(src)
                    n = self.nodes[src]
                    out[n.level or "unknown"].append(Implementer(src, n.number, n.issuer, n.level, path + [src]))
                    if transitive:
                        queue.append((src, path + [src]))
        return dict(out)

    def chain(self, node_id: str) -> list[list[str]]:
        """Every path from ``node_id`` up through the documents it implements to central roots."""
        paths: list[list[str]] = []

        def walk(cur: str, path: list[str]) -> None:
            ups = [d for d, e in self.out.get(cur, {}).items() if e.relation == "implements" and d not in path]
            if not ups:
                if len(path) > 1:
                    paths.append(path)
                return
            for d in ups:
                walk(d, path + [d])

        walk(node_id, [node_id])
        return paths

    def uncovered(self, region: str, level: str = "central") -> list[str]:
        """Documents of ``level`` that no document of ``region`` (a province or place) implements."""
        reg = fold(region)
        p = province(region)
        reg = fold(p["name"]) if p else reg
        out = []
        for nid, n in self.nodes.items():
            if n.level != level:
                continue
            impl = self.implementers(n.number or "", transitive=True, year=nid.split("|")[1]) if n.number else {}
            if not any(place_of(i.issuer) == reg for lst in impl.values() for i in lst):
                out.append(nid)
        return sorted(out)

    def citation_counts(self) -> Counter:
        """How many documents cite each node."""
        return Counter({nid: len(srcs) for nid, srcs in self.inc.items() if srcs})

    def summary(self) -> list[dict]:
        """Per level: documents parsed, stubs, citations made and received, implements edges."""
        rows = {lvl: {"level": lvl, "documents": 0, "stubs": 0, "cites_out": 0, "cited_by": 0, "implements": 0}
                for lvl in (*LEVELS, "unknown")}
        for nid, n in self.nodes.items():
            r = rows[n.level or "unknown"]
            r["documents" if n.resolved else "stubs"] += 1
            r["cites_out"] += len(self.out.get(nid, {}))
            r["cited_by"] += len(self.inc.get(nid, ()))
            r["implements"] += sum(e.relation == "implements" for e in self.out.get(nid, {}).values())
        return [r for r in rows.values() if r["documents"] or r["stubs"]]

    # ---------------------------------------------------------------- alignment
    def align(self, local_id: str, central_id: str, min_score: float = 0.2) -> list[dict]:
        """Pair each obligation of a local document with the central obligation it restates (TF-IDF
        cosine over syllables); unpaired units on either side are the ones added or dropped."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.metrics.pairwise import cosine_similarity

        loc, cen = self.nodes[local_id].obligations, self.nodes[central_id].obligations
        if not loc or not cen:
            return []
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b").fit(loc + cen)
        sim = cosine_similarity(vec.transform(loc), vec.transform(cen))
        rows = []
        for i, text in enumerate(loc):
            j = int(sim[i].argmax())
            s = float(sim[i, j])
            rows.append({"local": text, "central": cen[j] if s >= min_score else None,
                         "score": round(s, 3), "status": "restated" if s >= min_score else "added"})
        matched = {r["central"] for r in rows if r["central"]}
        rows += [{"local": None, "central": c, "score": 0.0, "status": "dropped"} for c in cen if c not in matched]
        return rows

    # ---------------------------------------------------------------- export
    def to_networkx(self):
        """A ``networkx.DiGraph`` with the node attributes and the edges' relation and spans."""
        import networkx as nx

        g = nx.DiGraph()
        for nid, n in self.nodes.items():
            g.add_node(nid, number=n.number, doc_type=n.doc_type, issuer=n.issuer, level=n.level, date=n.date,
                       subject=n.subject, resolved=n.resolved)
        for src, dsts in self.out.items():
            for dst, e in dsts.items():
                g.add_edge(src, dst, relation=e.relation, spans=list(e.spans))
        return g

    def _flat(self):
        """The networkx graph with no None or list values, as GraphML and GEXF require."""
        g = self.to_networkx()
        for _, d in g.nodes(data=True):
            for k, v in list(d.items()):
                d[k] = "" if v is None else v
        for _, _, d in g.edges(data=True):
            d["spans"] = ";".join(f"{a}-{b}" for a, b in d["spans"])
        return g

    def write(self, path: str | Path) -> Path:
        """Write GraphML (``.graphml``), GEXF (``.gexf``) or node-link JSON (``.json``) by suffix."""
        import networkx as nx

        p = Path(path)
        if p.suffix == ".graphml":
            nx.write_graphml(self._flat(), p)
        elif p.suffix == ".gexf":
            nx.write_gexf(self._flat(), p)
        elif p.suffix == ".json":
            p.write_text(json.dumps(nx.node_link_data(self.to_networkx(), edges="links"), ensure_ascii=False,
                                    indent=1), encoding="utf-8")
        else:
            raise ValueError(f"unknown graph format {p.suffix!r}: use .graphml, .gexf or .json")
        return p

    def draw(self, path: str | Path | None = None, root: str | None = None, ax=None):
        """Draw the graph with levels as layers, central at the top (only ``root``'s implementers if given)."""
        import matplotlib

        if path is not None:
            matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import networkx as nx

        g = self.to_networkx()
        if root is not None:
            keep = set(self.find(root))
            for lst in self.implementers(root).values():
                keep.update(i for imp in lst for i in imp.path)
            g = g.subgraph(keep).copy()
        layers: dict[int, list[str]] = defaultdict(list)
        for nid, d in g.nodes(data=True):
            layers[_RANK.get(d.get("level") or "", len(LEVELS))].append(nid)
        pos = {}
        for rank, ids in layers.items():
            for k, nid in enumerate(sorted(ids)):
                pos[nid] = ((k + 1) / (len(ids) + 1), -rank - 0.22 * (k % 3))  # staggered: same-level edges show
        if ax is None:
            widest = max(len(v) for v in layers.values()) if layers else 1
            _, ax = plt.subplots(figsize=(min(16, 3 + 1.3 * widest), 1.5 + 1.8 * len(layers)))
        colours = {"central": "#c0392b", "province": "#2980b9", "district": "#27ae60", "commune": "#8e44ad"}
        nx.draw_networkx_nodes(g, pos, ax=ax, node_size=260,
                               node_color=[colours.get(d.get("level"), "#999999") for _, d in g.nodes(data=True)])
        nx.draw_networkx_edges(g, pos, ax=ax, arrows=True, alpha=0.5, connectionstyle="arc3,rad=0.12",
                               style=["solid" if d["relation"] == "implements" else "dotted"
                                      for *_, d in g.edges(data=True)])
        nx.draw_networkx_labels(g, {n: (x, y - 0.09) for n, (x, y) in pos.items()}, ax=ax, font_size=7,
                                verticalalignment="top",
                                labels={n: (d.get("number") or n.split("|")[-1][:20]) + (f"\n{d['issuer'][:28]}"
                                        if d.get("issuer") and d.get("level") != "central" else "")
                                        for n, d in g.nodes(data=True)})
        ax.set_yticks([-r - 0.22 for r in sorted(layers)],
                      [LEVELS[r] if r < len(LEVELS) else "unknown" for r in sorted(layers)])
        ax.tick_params(left=False)
        ax.set_xlim(0, 1)
        ax.set_ylim(-max(layers) - 0.9, 0.3)
        ax.set_xticks([])
        if path is not None:
            ax.figure.savefig(path, bbox_inches="tight")
        return ax

    def _repr_png_(self) -> bytes:
        import io

        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        ax = self.draw()
        buf = io.BytesIO()
        ax.figure.savefig(buf, format="png", bbox_inches="tight")
        plt.close(ax.figure)
        return buf.getvalue()


def build_graph(documents: Iterable[Document]) -> CrossRefGraph:
    """A graph of ``documents`` and everything they cite; add more later with ``graph.add(doc)``."""
    g = CrossRefGraph()
    for d in documents:
        g.add(d)
    return g
