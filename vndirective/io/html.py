"""Portal and press pages: keep the article, drop the page chrome (menus, sidebars, footers, scripts).

The article is the ``<article>`` element when the page has one, else the
``<main>`` element, else the body less ``nav``/``header``/``footer``/``aside``;
line-level chrome that survives ("Tin mới nhất", related-article lists) is
removed later by the parser's normaliser.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from . import Extracted
from .encodings import fix_legacy

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg", "button",
         "select", "template"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
          "blockquote", "ul", "ol", "td", "th", "main", "figcaption", "pre"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param",
         "track"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {"body": [], "article": [], "main": []}
        self.skip = 0
        self.open: list[str] = []
        self.inside = {"article": 0, "main": 0}

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID:
            if tag == "br":
                self._emit("\n")
            return
        self.open.append(tag)
        if tag in _SKIP:
            self.skip += 1
        if tag in self.inside:
            self.inside[tag] += 1
        if tag in _BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.open:
            return
        while self.open:
            t = self.open.pop()
            if t in _SKIP:
                self.skip -= 1
            if t in self.inside:
                self.inside[t] -= 1
            if t in _BLOCK:
                self._emit("\n")
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        self._emit(data)

    def _emit(self, s: str) -> None:
        if self.skip:
            return
        self.parts["body"].append(s)
        for k, n in self.inside.items():
            if n:
                self.parts[k].append(s)


def _tidy(s: str) -> str:
    s = re.sub(r"[ \t\r\f\v\u00a0]+", " ", s)
    s = re.sub(r" *\n *", "\n", s)
    return re.sub(r"\n{3,}", "\n\n", s).strip()


def read_html(data: bytes) -> Extracted:
    m = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
    enc = m.group(1).decode("ascii", "ignore") if m else "utf-8"
    try:
        html = data.decode(enc, errors="replace")
    except LookupError:
        html = data.decode("utf-8", errors="replace")
    p = _Text()
    p.feed(html)
    p.close()
    for key in ("article", "main", "body"):
        text = _tidy("".join(p.parts[key]))
        if len(text) > 200 or key == "body":
            break
    text, encs = fix_legacy(text)
    return Extracted(text, "html", [(0, len(text))],
                     warnings=[f"legacy font encoding converted: {', '.join(encs)}"] if encs else [])
