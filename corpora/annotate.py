"""Turn an annotator's draft into a gold file with obligations as character offsets.

A draft (``corpora/drafts/NAME.draft.json``) is a gold file whose obligations
are given by the opening and closing words of each unit, copied from the text:
``{"first": "Khẩn trương chia sẻ toàn bộ", "last": "trước ngày 05 tháng 12 năm 2025.", "labels": [...]}``.
Snippets match across line breaks and markdown marks (``*``, ``|``), units are
searched in document order, and the gold file gets ``{"start", "end", "labels"}``
so the document text never has to be copied into the project.

    python corpora/annotate.py corpora/drafts/NAME.draft.json [--texts ../shared/corpus/raw]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

NOISE = r"[\s*|_]*"


def snippet_pattern(snippet: str) -> re.Pattern[str]:
    """Words of the snippet, with any whitespace or markdown noise between them."""
    words = snippet.split()
    if not words:
        raise ValueError("empty snippet")
    return re.compile(NOISE.join(re.escape(w) for w in words))


def locate(text: str, first: str, last: str, pos: int) -> tuple[int, int]:
    m = snippet_pattern(first).search(text, pos)
    if not m:
        raise LookupError(f"opening snippet not found after offset {pos}: {first!r}")
    start = m.start()
    m2 = snippet_pattern(last).search(text, start)
    if not m2:
        raise LookupError(f"closing snippet not found after offset {start}: {last!r}")
    return start, m2.end()


def convert(draft_path: Path, text_dirs: list[Path], out_dir: Path | None = None) -> Path:
    draft = json.loads(draft_path.read_text(encoding="utf-8"))
    name = draft["text_file"]
    for d in [draft_path.parent, *text_dirs]:
        if (d / name).exists():
            text = (d / name).read_text(encoding="utf-8")
            break
    else:
        raise FileNotFoundError(name)
    units, pos = [], 0
    for i, o in enumerate(draft.get("obligations", [])):
        if "start" in o:
            start, end = o["start"], o["end"]
        else:
            try:
                start, end = locate(text, o["first"], o["last"], pos)
            except LookupError as e:
                raise LookupError(f"{draft_path.name} unit {i}: {e}") from None
        units.append({"start": start, "end": end, "labels": sorted(o.get("labels", []))})
        pos = start + 1
    gold = {k: v for k, v in draft.items() if k != "obligations"}
    if "obligations" in draft:
        gold["obligations"] = units
    out = (out_dir or Path(__file__).parent / "gold") / draft_path.name.replace(".draft.json", ".gold.json")
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("drafts", nargs="+", type=Path)
    ap.add_argument("--texts", type=Path, action="append",
                    default=[Path(__file__).resolve().parents[2] / "shared" / "corpus" / "raw"])
    ap.add_argument("--show", action="store_true", help="print each unit's text to check it")
    ap.add_argument("--out", type=Path, help="folder for the gold files (default: corpora/gold)")
    args = ap.parse_args()
    failed = 0
    for p in args.drafts:
        try:
            out = convert(p, args.texts, args.out)
        except (LookupError, FileNotFoundError, KeyError, ValueError) as e:
            print(f"FAILED {p}: {e}", file=sys.stderr)
            failed += 1
            continue
        print(f"wrote {out}")
        if args.show:
            gold = json.loads(out.read_text(encoding="utf-8"))
            text = None
            for d in [p.parent, *args.texts]:
                if (d / gold["text_file"]).exists():
                    text = (d / gold["text_file"]).read_text(encoding="utf-8")
            for o in gold.get("obligations", []):
                print(f"  [{o['start']}:{o['end']}] {o['labels']} {text[o['start']:o['end']]!r}"[:400])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
