"""Obligation units: each directive point of a document, who must act, by when, and how strictly.

Following ANNOTATION.md: the unit is the lowest-level point (``a)``, ``1.``,
``1.1.``, ``-``, ``+``, ``(1)``), with the lines a plan hangs under a task
(``- Cơ quan chủ trì: …``, ``- Thời gian: …``) and any text a footnote block
interrupted; in running text (and in press articles) it is one directive
sentence.  Framing sections (mục đích, yêu cầu, tình hình), ``Căn cứ`` lines,
background and the closing "để … biết" formula are not units.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .dates import find_dates
from .errors import ModelFileError
from .layout import ANNEX_START, Block, Layout, _mostly_upper
from .models import Document, Obligation, Span
from .normalize import CleanText, squash
from .numbers import find_numbers
from .tables import tables

# marker → depth; deeper numbers sit lower in the outline
_END = r"(?:\s|$)"
_MARKERS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(rf"(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+[IVXLC\d]+[.:]?{_END}"), 0),
    (re.compile(rf"[IVXLC]{{1,5}}[.)]{_END}"), 1),
    (re.compile(rf"Điều\s+\d+[a-z]?\.?{_END}"), 1),
    (re.compile(rf"\d{{1,2}}\.\d{{1,2}}\.\d{{1,2}}\.?{_END}"), 4),
    (re.compile(rf"\d{{1,2}}\.\d{{1,2}}\.?{_END}"), 3),
    (re.compile(rf"\d{{1,2}}[.)]{_END}"), 2),
    (re.compile(rf"[a-zđ]\){_END}|[a-zđ]\.\s+(?=[A-ZĐÀ-Ỹ])"), 5),
    (re.compile(rf"\((?:\d{{1,2}}|[a-zđ]|[ivx]{{1,4}})\)\.?{_END}"), 6),
    (re.compile(r"[-–•●▪]\s*(?=\S)"), 7),
    (re.compile(r"\+\s*(?=\S)"), 8),
]
# lines a plan hangs under its task: they belong to the task, they are not tasks
_ATTRIBUTE = re.compile(r"(?i)(?:nội\s+dung(?:\s+thực\s+hiện)?|cơ\s+quan\s+(?:chủ\s+trì|thực\s+hiện|phối\s+hợp)|"
                        r"đơn\s+vị\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện)|thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành))?|"
                        r"sản\s+phẩm|kết\s+quả\s+đầu\s+ra|chủ\s+trì|phối\s+hợp|tiến\s+độ)\s*:")
_NOT_UNIT = re.compile(r"(?i)^[\W_]*(?:căn\s+cứ(?![^,.]{0,40}\b(?:trên|nêu\s+trên|dẫn\s+trên)\b)|xét\s|theo\s+đề\s+nghị|(?:tại|theo)\s+(?:quy\s+định\s+tại\s+)?(?:điểm|khoản|điều|mục)\s|"
                       r"[^.]{0,60}\bnhận\s+được\s|quyết\s+định\s+này\s+có\s+hiệu\s+lực|"
                       r"(?:nghị\s+quyết|thông\s+tư|quyết\s+định|nghị\s+định)\s+này\s+có\s+hiệu\s+lực|"
                       r"ban\s+hành\s+kèm\s+theo|phê\s+duyệt\s|bãi\s+bỏ\s|nơi\s+nhận|bước[\W_]+\d|được\s(?!giao\b)|có\s+quyền\s|"
                       r"(?:hội\s+đồng|ủy\s+ban)\s+nhân\s+dân(?:\s+\w+){0,4}\s+ban\s+hành\s+(?:nghị\s+quyết|quyết\s+định)|"
                       r"[^:.]{0,80}:\s*(?:số\s+)?(?:điện\s+thoại|đt|địa\s+chỉ)\b|[^:.]{1,80}:\s*là\s|"
                       r"(?!đây\b)(?:\S+\s+){1,6}là\s+(?:tổ\s+chức|cơ\s+quan|đơn\s+vị)\s(?![^.]*\b(?:chủ\s+trì|trách\s+nhiệm|phải)\b))")  # contact lines, definitions
# a lead-in quoting a provision of another text, and the openings that end such a quotation
_CITES = re.compile(r"(?i)^\W*(?:(?:tại|theo)\s+(?:quy\s+định\s+tại\s+)?)?(?:điểm|khoản|điều|mục|chương)\s[^:]*"
                    r"\b(?:quy\s+định|hướng\s+dẫn|nêu\s+rõ)\b|^\W*(?:phạt\s+(?:tiền|cảnh\s+cáo)|xử\s+phạt)\b")
# the blank "|" lines around a cell of a flattened table
_CELL_BEFORE = re.compile(r"\n[ \t]+\n[ \t]*\Z")
_CELL_AFTER = re.compile(r"[ \t]*\n[ \t]+\n")
_ON_THE_BASIS = re.compile(r"(?i)^\W*căn\s+cứ\s")
_CITED = re.compile(r"(?i)\d+/\d|\b(?:điều|khoản|điểm|số)\s+\d")
# "Vụ được thành lập khi đáp ứng đủ các tiêu chí sau:": the points below are conditions, not tasks
_CRITERIA = re.compile(r"(?i)\b(?:tiêu\s+chí|điều\s+kiện|tiêu\s+chuẩn)\s+sau(?:\s+đây)?\s*:$")
_OWN_VOICE = re.compile(r"(?i)^\W*(?:căn\s+cứ|theo\s+đó|như\s+vậy|do\s+đó|vì\s+vậy|đề\s+nghị|yêu\s+cầu|trên\s+cơ\s+sở|về\s)")
_TOPIC = re.compile(r"(?i)^\W*về\s+(?!việc\s+(?:thực|triển))")
# a form to fill in (dotted blanks, a "Kính gửi:" slot): a template printed in an appendix, not a demand
_FORM = re.compile(r"(?i)[.…_]{5,}|…\s*…|^\W*kính\s+gửi\s*:|\bông(?<!các ông)\s*(?:\(bà\)|/\s*bà)|^\W*tôi\s|"
                   r"\b(?:tôi|xin)\s+cam\s+(?:kết|đoan)\b|ký\s+(?:và\s+)?ghi\s+rõ\s+họ\s+tên")
# the titles of appendices that publish procedures or print forms
_PROCEDURE_ANNEX = re.compile(
    r"(?i)(?:danh\s+mục|nội\s+dung(?:\s+cụ\s+thể)?(?:\s+của)?(?:\s+từng)?|quy\s+trình(?:\s+nội\s+bộ)?(?:\s+giải\s+quyết)?)"
    r"\s+(?:các\s+)?(?:nhóm\s+)?thủ\s+tục|(?:danh\s+mục|nội\s+dung)\s+quy\s+trình|^\W*(?:mẫu\s+số|biểu\s+mẫu)\b"
    r"|hướng\s+dẫn\s+(?:nộp|thực\s+hiện|sử\s+dụng|đăng\s+ký)[^.]{0,60}(?:hồ\s+sơ|thủ\s+tục|dịch\s+vụ\s+công|trực\s+tuyến)")
_FORMULA = re.compile(r"(?i)(?:thông\s+báo|trả\s+lời|văn\s+phòng[^.]{0,60}thông\s+báo)\s+(?:để|cho)\s+[^.]{0,120}\bbiết\b|^\W*trên\s+đây\s+là")
# cues that make a sentence directive wherever they stand ("yêu cầu" as a verb, not "theo yêu cầu")
_DIRECTIVE = re.compile(
    r"(?i)(?=[yđ])(?<!theo )(?<!đáp ứng )(?<!đạt )(?<!các )(?<!của )(?<!với )(?<!những )(?<!hồ sơ )(?<!đơn )(?<!văn bản )"
    r"(?<!tờ trình )\b(?:yêu\s+cầu|đề\s+nghị)\s+(?!của\b)"
    r"|(?=[gcpntkq])(?<!chuyển )(?<!bàn )(?<!phân )(?<!được )(?<!bị )\b(?:giao\s+(?!thông|dịch|tiếp|lưu|nhận|ban|đất|kết|quyền)|chỉ\s+đạo\s+(?!của|tại|điều)|phải\s+(?!là\b|thi\s+hành\s+kỷ)|"
    r"cần\s+(?:phải|tập\s+trung|tiếp\s+tục|khẩn\s+trương|chủ\s+động|có|tăng|nâng|đẩy|thực|triển|rà)|nghiêm\s+cấm|"
    r"tuyệt\s+đối|không\s+được|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm|khẩn\s+trương|chủ\s+trì|kiên\s+quyết|"
    r"nghiêm\s+túc|quán\s+triệt|không\s+để)")
# a press article reporting that a document was issued: not itself an obligation
_REPORTS = re.compile(r"(?i)\b(?:(?:vừa|mới|đã)\s+(?:ký\s+)?ban\s+hành|ký\s+ban\s+hành|vừa\s+ký|(?:vừa|đã)\s+có\s+văn\s+bản)\b")
_INTRO = re.compile(r"(?i)^\W*(?:thực\s+hiện|triển\s+khai|căn\s+cứ)\s+[^.]{0,300}?\b(?:ban\s+hành|xây\s+dựng)\s+"
                    r"(?:kế\s+hoạch|chương\s+trình|quyết\s+định)")
_CLOSING = re.compile(r"(?i)(?:trên\s+đây|nơi\s+nhận|(?:ủy\s+ban\s+nhân\s+dân|ubnd|chủ\s+tịch)[^.,;]{0,40}\s(?:yêu\s+cầu|đề\s+nghị))")
_HEADING = re.compile(r"(?i)\(?(?:ban\s+hành\s+)?kèm\s+theo|phụ\s+lục|danh\s+mục\b")
_PROHIBITED = re.compile(r"(?i)\bnghiêm\s+cấm|\bcấm\s")
_MUST_NOT = re.compile(r"(?i)(?:^|[;:,.]\s*|\b(?:yêu\s+cầu|đề\s+nghị|kiên\s+quyết|tuyệt\s+đối)\s+)không\s+(?!chỉ\b)|không\s+được\b")
_DEADLINE = re.compile(
    r"(?i)(?:trước|chậm\s+nhất|hoàn\s+thành\s+(?:trước|trong)|trong)\s+(?:ngày\s+[\d/\s\-]+(?:tháng\s+\d+\s+năm\s+\d{4})?|"
    r"tháng\s+\d{1,2}(?:/\d{4}|\s+năm\s+\d{4})?|quý\s+[IV]+(?:/\d{4}|\s+năm\s+\d{4})?|năm\s+\d{4})"
    r"|(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm)|định\s+kỳ\s+(?:hằng|hàng)?\s*\w+|thường\s+xuyên"
    r"|thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành))?\s*:\s*[^\n;]{2,60}")


def _alt(words: list[str]) -> str:
    """A regex alternation of phrases, any white space between their words, longest first."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


# "Thực hiện Chỉ thị số …": the document a text acts on (type words from data/doc_types.json)
_BASIS = re.compile(r"(?i)^\W*(?:thực\s+hiện|căn\s+cứ|theo|triển\s+khai)\s+(?:các\s+)?"
                    rf"(?:{_alt([w for t in tables().types for w in t.words])})\s+(?:số\b|\d)")
_CUES = json.loads(files("vndirective.data").joinpath("obligation_cues.json").read_text(encoding="utf-8"))
_SKIP_SECTION = re.compile(rf"(?i)^\W*(?:[IVX\d]+[.)]\s*)?(?:{_alt(_CUES['skip_sections'])}|yêu\s+cầu$)")
# soft task verbs: directive once the text is giving directions (in a task list, or after "yêu cầu")
_WEAK = re.compile(rf"(?i)\b(?:{_alt(_CUES['weak'])})\b")
_BACKGROUND = re.compile(
    rf"(?i)^\W*(?:{_alt(_CUES['background_start'])}|qua\s+[^,]{{0,60}}cho\s+thấy|năm\s+20\d\d,|ngày\s+\d|"
    rf"[^.]{{0,80}}(?:{_alt(_CUES['background_near_start'])}))")
_IMPERATIVE = re.compile(rf"(?:{_alt(_CUES['imperative'])})(?!\w)")
# a list item that names a thing ("Văn bản về …", "Hồ sơ gồm …"): part of a list, not a task
_THING = re.compile(rf"(?:{_alt(_CUES['thing_nouns'])})(?!\w)")
_BINDING = re.compile(r"(?i)\b(?:phải|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|nghiêm\s+cấm|không\s+được)\b")
# an article that enacts (approves, issues, repeals, defines) rather than directs
_ENACTS = re.compile(rf"(?i)(?:{_alt(_CUES['enacts'])})")
# who acts, at the start of a unit or of its heading: "Giao Sở Xây dựng chủ trì…", "Văn phòng UBND tỉnh theo dõi…";
# "xây dựng", "kiểm tra", "tổ chức" also end names (Sở Xây dựng), so they stop a name only in lower case
_ACTOR_HEAD = re.compile(
    rf"(?:(?:Giao|giao|Yêu\s+cầu|yêu\s+cầu|Đề\s+nghị|đề\s+nghị|Đối\s+với)\s+)?"
    rf"(?P<a>(?i:{_alt(_CUES['agents'] + _CUES['actor_agents_extra'])})[^:.()]{{0,160}}?)"
    rf"(?=\s+(?:(?i:{_alt([v for v in _CUES['agent_verbs'] if v not in _CUES['actor_stops_lowercase_only']] + _CUES['actor_stops'])})"
    rf"|{_alt(_CUES['actor_stops_lowercase_only'])})\b|\s*:|$)")
# a provision that only points to another text, and a sentence that opens with an agency
_REFERRAL = re.compile(r"(?i)^[^.;:]{0,120}?\b(?:được\s+)?thực\s+hiện\s+theo\s+(?:các\s+)?(?:quy\s+định|hướng\s+dẫn)"
                       r"(?:\s+(?:tại|của))?[^.;:]*[.;]?$")
_AGENT = re.compile(rf"(?i)^\W*(?:{_alt(_CUES['agents'])})")
# a sentence that opens with an agency and a task verb directs that agency ("Sở Nội vụ nghiên cứu …")
_SUBJECT_VERB = re.compile(rf"(?:{_alt(_CUES['agents'])})[^;:.()]{{0,90}}?\s+(?:{_alt(_CUES['agent_verbs'])})\b")
_ABBREV = re.compile(r"(?:TP|Tp|P|Q|TT|ThS|TS|PGS|GS|Ô|Đ/c|St|Tr|v\.v|TX|H)\.$")


@dataclass
class _Para:
    start: int
    end: int
    depth: int | None  # None: no marker
    body: int  # where the text after the marker starts


def _paragraphs(text: str, a: int, b: int, skip: list[Block]) -> list[_Para]:
    """Logical paragraphs of ``text[a:b]``: lines joined until a marker, a blank line, or a sentence end
    followed by a capital; lines inside ``skip`` (footnote blocks) are left out."""
    paras: list[_Para] = []
    pos = a
    prev_blank = True
    while pos < b:
        le = text.find("\n", pos, b)
        le = b if le < 0 else le
        if any(s.start <= pos < s.end for s in skip):
            pos = le + 1
            continue
        line = text[pos:le]
        st = line.strip()
        if not st:
            prev_blank = True
            pos = le + 1
            continue
        lead = pos + len(line) - len(line.lstrip())
        depth, body = None, lead
        for rx, d in _MARKERS:
            m = rx.match(text, lead, le)
            if m:
                depth, body = d, m.end()
                break
        cur = paras[-1] if paras else None
        prev_text = text[cur.start:cur.end].rstrip() if cur else ""
        if cur is not None and _mostly_upper(prev_text[-60:]) and not _mostly_upper(st) and len(prev_text) < 200:
            cur = None  # an upper-case heading line stands alone
        joins = (cur is not None and depth is None and (
            (not prev_blank and not (prev_text.endswith((".", ":", ";", "!", "?")) and st[:1].isupper()))
            or (prev_blank and (st[:1].islower() or prev_text.endswith(",")))))
        if joins:
            cur.end = le
        else:
            paras.append(_Para(lead, le, depth, body))
        prev_blank = False
        pos = le + 1
    return paras


def _merge_over_footnotes(paras: list[_Para], skip: list[Block]) -> list[_Para]:
    """A point interrupted by a footnote block goes on after it: join an unmarked paragraph to the
    point before it when only footnotes lie between."""
    out: list[_Para] = []
    for p in paras:
        if out and p.depth is None and any(out[-1].end <= s.start and s.end <= p.start for s in skip):
            out[-1].end = p.end
            continue
        out.append(p)
    return out


def _sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Sentences of ``text[a:b]``, also where a full stop has no space after it (``huyện.Chịu``)."""
    out = []
    s = a
    for m in re.finditer(r"[.!?](?:\s+|(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ]))(?=[\"“(]?[A-ZĐÀ-Ỹ])", text[a:b]):
        end = a + m.start() + 1
        if _ABBREV.search(text[max(s, end - 6):end]) or re.search(r"\d\.$", text[end - 3:end]) and \
                re.match(r"\d", text[end:end + 1] or " "):
            continue
        if text[s:end].strip():
            out.append((s, end))
        s = a + m.end()
    if text[s:b].strip():
        out.append((s, b))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n":
        a += 1
    while b > a and text[b - 1] in " \t\n":
        b -= 1
    return a, b


@lru_cache(maxsize=8192)
def _is_directive(s: str, weak: bool = False, verbs: bool = True) -> bool:
    """A sentence or point that tells someone to act: an imperative opening, an actor followed by
    a task verb, or a directive cue (with ``weak``, also the softer task verbs), and none of the
    background, enacting or closing formulas."""
    basis = _ON_THE_BASIS.match(s)
    if basis and "," in s[basis.end():] and not _CITED.search(s[basis.end():].split(",", 1)[0]):
        # "Căn cứ tình hình thực tế của địa phương, rà soát …": the demand follows the basis
        return _is_directive(s[basis.end():].split(",", 1)[1].strip(), weak, verbs)
    if _BACKGROUND.match(s) or _NOT_UNIT.match(s) or _FORMULA.search(s) or _FORM.search(s) or _INTRO.match(s) or _REPORTS.search(s):
        return False
    if _REFERRAL.match(s) and not _AGENT.match(s):
        return False  # "Gửi văn bản đi thực hiện theo quy định tại Điều 8 …": a pointer to another text
    if _BASIS.match(s) and not _DIRECTIVE.search(s):
        return False  # "Thực hiện Chỉ thị số …, …": the basis the text acts on, not a demand
    if s.rstrip().endswith("sau:"):
        return False  # "… thực hiện các nội dung sau:" introduces the units, it is not one
    if not verbs:
        return True  # only the exclusions asked: background, enacting or closing formulas
    bare = s.lstrip(" -+•\"“(")
    return bool(_IMPERATIVE.match(bare) or _DIRECTIVE.search(s) or _SUBJECT_VERB.match(bare)
                or (weak and _WEAK.search(s)))


def _quoted(text: str, paras: list[_Para]) -> list[bool]:
    """Which paragraphs quote another text's provisions: those inside typographic quotes, and those after a
    lead-in that cites one ("Tại khoản 7 Điều 39 Nghị định số … quy định:") until the writer's own voice
    returns ("Căn cứ quy định trên …", "Đề nghị …", the next citation). Law text is not this document's demand."""
    out: list[bool] = []
    in_quote = citing = False
    criteria: int | None = None  # depth of a lead-in to criteria or conditions (-1: running text)
    for p in paras:
        head = squash(text[p.body:p.end])
        if citing and (_OWN_VOICE.match(head) or _CITES.match(head)):
            citing = False
        if criteria is not None and (p.depth is None if criteria < 0 else p.depth is not None and p.depth <= criteria):
            criteria = None
        if _CRITERIA.search(head):
            criteria = -1 if p.depth is None else p.depth
            out.append(True)
            continue
        opens, closes = head.count("“"), head.count("”")
        out.append(in_quote or citing or criteria is not None or head.startswith("“"))
        in_quote = (in_quote or opens > 0) and not (closes >= opens + (1 if in_quote else 0) and closes > 0)
        citing = citing or bool(_CITES.match(head) and head.endswith(":"))
    return out


def _tabular(s: str) -> bool:
    """A row of a table of figures ("Thu tiền sử dụng đất 690.000 560.000 …"): two numbers or more for three words."""
    return len(re.findall(r"\d[\d.,]*", s)) * 3 >= len(re.findall(r"[^\W\d_]+", s)) * 2


def _things(text: str, paras: list[_Para], quoted: list[bool], j: int, depth: int) -> int | None:
    """End index of the list opening at ``paras[j]`` (points at ``depth`` or deeper, with their
    continuation lines) when none of its points is a task, else None: a list of report items, costs or
    documents belongs to the demand that introduces it."""
    k = j
    while k < len(paras) and not quoted[k] and (paras[k].depth is None or paras[k].depth >= depth):
        if paras[k].depth is None and k == j:
            return None
        k += 1
    kids = [squash(text[q.body:q.end]) for q in paras[j:k] if q.depth is not None]
    if not kids or any(_is_directive(c) and not _THING.match(c) for c in kids):
        return None
    return k


def _annexes(text: str, start: int) -> list[tuple[int, int]]:
    """The parts of the text after the signature that may hold units: each appendix, less those that
    publish administrative procedures (their list, description or internal workflow) or print forms."""
    cuts = [m.start() for m in ANNEX_START.finditer(text, start)]
    bounds = [start, *[c for c in cuts if c > start], len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:])
            if b > a and not _PROCEDURE_ANNEX.search(squash(text[a:min(b, a + 600)]))]


def segment(text: str, lay: Layout, news: bool = False) -> list[tuple[int, int, str | None, str | None]]:
    """Obligation units of clean ``text`` as ``(start, end, marker, heading)``; the heading is the text of
    the point a unit sits under (it often names who must act)."""
    skip = list(lay.footnote_blocks)
    if news:
        first = re.search(r"^[ \t]*(?=(?:\S+[ \t]+){3})[^\n]*?[A-Za-zÀ-ỹĐđ]{2}[^\n]*$", text, re.M)
        zones = [(first.end() if first else 0, len(text))]  # the headline is not a unit
    else:
        zones = [(lay.header_end, lay.body.end if lay.body else len(text))]
        tail = max([lay.recipients_block.end if lay.recipients_block else 0,
                    lay.signer["span"][1] if lay.signer else 0])
        if zones[0][1] < tail < len(text) - 200:
            zones += _annexes(text, tail)  # appendices after the signature: their task rows are units
    paras: list[_Para] = []
    for a, b in zones:
        paras += _merge_over_footnotes(_paragraphs(text, a, b, skip), skip)
    units: list[tuple[int, int, str | None, str | None]] = []
    leaves: list[tuple[tuple[int, int, str | None, str | None], bool, bool, tuple]] = []
    skip_depth: int | None = None
    directing = False  # running text after a "yêu cầu" sentence reports the directive's content
    n = len(paras)
    quoted = _quoted(text, paras)
    i = 0
    while i < n:
        p = paras[i]
        head = squash(text[p.body:p.end])
        if quoted[i]:
            i += 1
            continue
        if p.depth is not None:
            if skip_depth is not None and p.depth <= skip_depth:
                skip_depth = None
            if (_SKIP_SECTION.match(head) and len(head) < 120) or (
                    text.startswith("Điều", p.start) and _ENACTS.match(head) and not _DIRECTIVE.match(head)):
                skip_depth = p.depth
                i += 1
                continue
        if skip_depth is not None and p.depth is None and head.endswith(":") and _DIRECTIVE.search(head + " "):
            skip_depth = None  # "… cần tập trung thực hiện tốt các nhiệm vụ sau:" ends a background section
        if skip_depth is not None:
            i += 1
            continue
        if p.depth is None:
            # running text: one unit per directive sentence
            for s, e in _sentences(text, p.start, p.end):
                sent = squash(text[s:e])
                words = re.findall(r"[^\W\d_]+", sent)
                if len(words) < 6 or sum(w[0].isupper() for w in words) * 2 > len(words) or _tabular(sent):
                    continue  # a table cell of names or figures, or a title, not a sentence
                if (len(words) < 10 and not sent.endswith((".", ";"))
                        and _CELL_BEFORE.search(text, max(0, p.start - 200), p.start)  # look back a little only
                        and _CELL_AFTER.match(text, p.end) and not _DIRECTIVE.search(sent)):
                    continue  # a short cell of a flattened table (a product, a period, a status), not a task
                lead_in = sent.endswith(":") and i + 1 < n and paras[i + 1].depth is not None and len(sent.split()) < 40
                if lead_in and e >= p.end - 1 and _DIRECTIVE.search(sent) and _is_directive(sent[:-1]):
                    k = _things(text, paras, quoted, i + 1, paras[i + 1].depth)
                    if k is not None:
                        units.append((*_trim(text, s, paras[k - 1].end), None, None))
                        i = k - 1  # the demand with the list of things it asks for
                        break
                if not _is_directive(sent, weak=directing):
                    continue
                directing = directing or bool(_DIRECTIVE.search(sent))
                if lead_in:
                    continue  # a lead-in to the list of tasks below
                if (e >= p.end - 1 and not sent.endswith((".", ";", "!", "?", "…", ")"))
                        and i + 1 < n and paras[i + 1].depth is not None):
                    continue  # a heading whose marker was lost, over the points below
                units.append((*_trim(text, s, e), None, None))
            i += 1
            continue
        own = head
        if (_TOPIC.match(own) and len(own.split()) <= 30 and ":" not in own.rstrip(":") and not _DIRECTIVE.search(own)
                and i + 1 < n and paras[i + 1].depth is None):
            i += 1  # "1. Về việc ban hành Bảng giá …": a topic title, its paragraphs are read on their own
            continue
        # a marked point: a leaf unless a deeper (non-attribute) point follows before one as high
        j = i + 1
        end = p.end
        has_child = False
        while j < n and not quoted[j]:
            q = paras[j]
            if q.depth is None:
                if own.endswith(":"):
                    break  # "b) Biện pháp … bao gồm:" over paragraphs that lost their markers: each is read alone
                qt = squash(text[q.start:q.end])
                if re.match(r"(?i)(yêu\s+cầu|đề\s+nghị|trong\s+quá\s+trình|quá\s+trình|giao\s)", qt):
                    break
                if _HEADING.match(qt) or (_mostly_upper(qt) and len(qt) > 8) or _CLOSING.match(qt):
                    break  # an appendix or section title, or the closing paragraph, ends the point
                end = q.end
                j += 1
                continue
            if _ATTRIBUTE.match(text, q.body, q.end) or (q.depth > p.depth and _ATTRIBUTE.match(squash(text[q.body:q.end]))):
                end = q.end
                j += 1
                continue
            if q.depth > p.depth:
                has_child = True
            break
        if has_child:
            k = _things(text, paras, quoted, j, p.depth + 1)
            if k is not None and own.endswith(":") and _DIRECTIVE.search(own) and _is_directive(own[:-1]):
                # "Chi phí số hoá cần rà soát … bao gồm:" over a list of things, not of tasks: one unit
                units.append((*_trim(text, p.body, paras[k - 1].end), text[p.start:p.body].strip(), None))
                i = k
                continue
            if not own.endswith(":") and len(own.split()) > 25 and _is_directive(own, weak=True):
                units.append((*_trim(text, p.body, p.end), text[p.start:p.body].strip(), None))
            i += 1
            continue
        unit_text = squash(text[p.body:end])
        parent = next((q for q in reversed(paras[:i]) if q.depth is not None and q.depth < p.depth), None)
        thing = _THING.match(unit_text) and not _BINDING.search(unit_text)
        excluded = (thing or len(unit_text.split()) < 4 or _tabular(unit_text)
                    or (unit_text.endswith(":") and not _DIRECTIVE.search(unit_text))  # a lead-in alone
                    or not _is_directive(unit_text, verbs=False))
        heading = squash(text[parent.body:parent.end]) if parent is not None else None
        leaves.append(((*_trim(text, p.body, end), text[p.start:p.body].strip(), heading), excluded,
                       not excluded and _is_directive(unit_text, weak=True), (id(parent), p.depth)))
        i = j
    # a list whose items are mostly tasks is a task list: its items that open with a verb the lists do
    # not know ("Khơi thông cống rãnh …") are tasks too
    groups: dict[tuple, list[bool]] = {}
    for _, _excluded, direct, key in leaves:
        groups.setdefault(key, []).append(direct)
    for unit, excl, direct, key in leaves:
        g = groups[key]
        if direct or (not excl and len(g) >= 3 and sum(g) >= 0.6 * len(g)):
            units.append(unit)
    units.sort(key=lambda u: u[0])
    return units


def _without(text: str, a: int, b: int, holes: list[Block]) -> str:
    """``text[a:b]`` less the footnote blocks inside it (a point interrupted by notes reads on)."""
    parts, pos = [], a
    for h in sorted(holes, key=lambda h: h.start):
        if a <= h.start and h.end <= b:
            parts.append(text[pos:h.start])
            pos = h.end
    parts.append(text[pos:b])
    return " ".join(parts)


_REQUEST = re.compile(r"(?i)\b(?:yêu\s+cầu|đề\s+nghị|giao)\s*:?\s*")


def _actor_list(phrase: str) -> list[str]:
    phrase = _REQUEST.split(phrase)[-1]  # "Chủ tịch UBND … đề nghị các cơ quan, đơn vị" → the latter
    return [a for a in (squash(x).strip(" ,;") for x in phrase.split(";")) if a]


def _actors(unit: str, heading: str | None, fallback: list[str]) -> tuple[list[str], bool]:
    """Who must act: named at the start of the unit, or after its "yêu cầu/đề nghị/giao", or by the point
    it sits under; else ``fallback``.  The flag tells a request ("yêu cầu X …"), whose actors carry on to the
    running text after it."""
    bare = unit.lstrip(" -+•")
    m = _ACTOR_HEAD.match(bare)
    if m:
        return _actor_list(m.group("a")), bool(_REQUEST.search(m.group("a")))
    for r in _REQUEST.finditer(bare[:400]):
        m = _ACTOR_HEAD.match(bare, r.end())
        if m:
            return _actor_list(m.group("a")), True
    if heading:
        m = _ACTOR_HEAD.match(heading.lstrip(" -+•"))
        if m:
            return _actor_list(m.group("a")), False
    return list(fallback), False


def _deadline(unit: str) -> str | None:
    m = _DEADLINE.search(unit)
    if not m:
        return None
    d = find_dates(m.group(0))
    return d[0].iso if d else squash(m.group(0))


def _modality(unit: str) -> str:
    if _PROHIBITED.search(unit):
        return "prohibited"
    if _MUST_NOT.search(unit):
        return "must_not"
    return "must"


def find_obligations(ct: CleanText, lay: Layout, doc: Document, classify: bool = True) -> list[Obligation]:
    """The obligation units of a parsed document, with actors, deadline, modality, references and labels."""
    text = ct.text
    units = segment(text, lay, news=doc.kind == "news")
    out: list[Obligation] = []
    previous: list[str] = list(doc.addressees)
    for s, e, marker, heading in units:
        body = squash(_without(text, s, e, lay.footnote_blocks))
        s0, e0 = ct.span(s, e)
        refs = [n.parsed.text for n in find_numbers(text, s, e)]
        actors, request = _actors(body, heading, previous if marker is None else doc.addressees)
        if marker is None and request:
            previous = actors
        out.append(Obligation(text=body, span=Span(start=s0, end=e0), marker=marker, actors=actors,
                              deadline=_deadline(body), modality=_modality(body), references=refs))
    if classify and out:
        from .classify import classify_obligations
        try:
            for o, labels in zip(out, classify_obligations([o.text for o in out])):
                o.labels = labels
        except ModelFileError as e:
            doc.warnings.append(f"obligations not labelled: {e}")
    return out
