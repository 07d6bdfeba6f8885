"""The typed result of parsing: plain pydantic models, one place for all of them.

Every extracted item carries its character span(s) in the *input* text, so a
user can highlight it (the way eyecite's citations know their ``span()``).
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Level = Literal["central", "province", "district", "commune"]
Kind = Literal["official", "news"]
System = Literal["state", "party"]


class Span(BaseModel):
    """Half-open character range ``[start, end)`` in the input text."""

    model_config = ConfigDict(frozen=True)
    start: int
    end: int


class DocNumber(BaseModel):
    """A số ký hiệu split into its parts: ``53/2022/QĐ-UBND`` → 53, 2022, QĐ, UBND."""

    text: str = Field(description="canonical form, e.g. '968/CĐ-TTg', '/UBND-NC'")
    raw: str = Field(description="as printed in the input")
    number: str | None = Field(None, description="numeric part, None when left blank")
    year: int | None = None
    type_code: str | None = Field(None, description="'CĐ', 'QĐ', 'KL'...; None for a state công văn")
    issuer_code: str | None = None
    unit_code: str | None = Field(None, description="drafting unit or field after the issuer")
    system: System = "state"
    span: Span | None = None


class Issuer(BaseModel):
    """The body in whose name a document is issued, and its administrative level."""

    name: str | None = None
    level: Level | None = None
    code: str | None = None
    span: Span | None = None


class Signer(BaseModel):
    name: str | None = None
    position: str | None = Field(None, description="e.g. 'PHÓ CHỦ TỊCH'")
    authority: str | None = Field(None, description="authority mark: TM., KT., TL., TUQ., Q., T/M, K/T, T/L")
    on_behalf_of: str | None = Field(None, description="the body or office after the mark, e.g. 'ỦY BAN NHÂN DÂN'")
    span: Span | None = None


class Item(BaseModel):
    """A list entry (addressee, recipient) as written, without list marks."""

    text: str
    span: Span


class Reference(BaseModel):
    """Another document cited by number, with everything known about it."""

    number: str
    parsed: DocNumber
    doc_type: str | None = None
    date: str | None = Field(None, description="ISO date, partial when the text is")
    issuer: Issuer = Field(default_factory=Issuer)
    relation: str = Field("cites", description="implements, based_on, guides, amends, replaces or cites")
    spans: list[Span] = Field(default_factory=list, description="every mention of the number")
    footnotes: list[Span] = Field(default_factory=list, description="footnotes merged into it")
    context: list[Span] = Field(default_factory=list, description="the citing sentences")


class Obligation(BaseModel):
    """One directive unit: who must do what, by when."""

    text: str
    span: Span
    labels: list[str] = Field(default_factory=list)
    marker: str | None = Field(None, description="'a)', '1.', '-' ... as printed")
    actors: list[str] = Field(default_factory=list)
    deadline: str | None = None
    modality: Literal["must", "must_not", "prohibited"] = "must"
    references: list[str] = Field(default_factory=list)


class Source(BaseModel):
    """Where a converted document came from and how its text was obtained."""

    file: str
    sha256: str
    bytes: int
    pages: int | None = None
    method: str = Field(description="text, pdf-text, pdf-ocr, pdf-mixed, docx or html")
    ocr_pages: list[int] = Field(default_factory=list, description="1-based pages read by OCR")
    page_spans: list[Span] = Field(default_factory=list, description="where each page lies in `text`")
    warnings: list[str] = Field(default_factory=list)
    library_version: str


class Document(BaseModel):
    """A parsed directive document (or a press article about one, ``kind='news'``)."""

    kind: Kind = "official"
    number: str | None = None
    parsed_number: DocNumber | None = None
    doc_type: str | None = None
    issuer: Issuer = Field(default_factory=Issuer)
    parent_body: str | None = Field(None, description="cơ quan chủ quản line above the issuer")
    place: str | None = None
    date: str | None = None
    date_span: Span | None = None
    subject: str | None = None
    subject_span: Span | None = None
    addressees: list[str] = Field(default_factory=list)
    addressee_items: list[Item] = Field(default_factory=list)
    recipients: list[Item] = Field(default_factory=list)
    signer: Signer | None = None
    published: str | None = Field(None, description="publication date of a press article")
    references: list[Reference] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    length: int = 0
    text: str | None = Field(None, description="the text parsed (the extracted text for converted files); spans point into it")
    source: Source | None = None

    def _repr_html_(self) -> str:
        from .display import render_html

        return render_html(self)

    def page_of(self, offset: int) -> int | None:
        """1-based page of a character offset, for a document converted from a paged file."""
        if self.source is None:
            return None
        for k, s in enumerate(self.source.page_spans):
            if s.start <= offset <= s.end:
                return k + 1
        return None
