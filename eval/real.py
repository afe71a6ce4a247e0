"""Real published passages: labels and addresses in the repository, the text rebuilt locally.

The passages are third-party text, so ``eval/real/index.jsonl`` keeps, for each one, its
source address, the first and last words, the sha256 of its whitespace-collapsed text and its
labels — never the text. ``python -m eval.real rebuild`` fetches each source page (needs a
network), finds the span from the first to the last words, checks the hash and writes
``eval/real/passages-real.jsonl`` (git-ignored), which ``python -m eval.passages_run`` reads.
Passages whose page changed are reported and left out.

Without a network, ``rebuild --pages DIR`` reads the pages from ``DIR/<id>.txt`` instead: text
copied by hand (or by a helper) from a stored copy of the page, for instance the excerpts of a
search service. Copying loses typography, so the span is also tried with each apostrophe and
quote spelling and with or without the French spaces before punctuation; only a span whose
hash matches the index is kept, so a wrong copy is reported, never measured.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import urllib.request
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path

REAL = Path(__file__).with_name("real")
INDEX = REAL / "index.jsonl"
PASSAGES = REAL / "passages-real.jsonl"
# A second, development set of real passages (session 10): collected from stored copies of
# public pages by authors who never saw the engine, to tune on; the held-out set stays above.
DEV_INDEX = REAL / "dev-index.jsonl"
DEV_PASSAGES = REAL / "passages-dev.jsonl"
SETS = {"heldout": (INDEX, PASSAGES), "dev": (DEV_INDEX, DEV_PASSAGES)}
FIELDS = ("id", "source", "kind", "targets", "note", "company")
EDGE_WORDS = 8


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def digest(text: str) -> str:
    return hashlib.sha256(collapse(text).encode("utf-8")).hexdigest()


class _Text(HTMLParser):
    """The visible text of an HTML page (scripts and styles left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "noscript"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "noscript"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(raw: str) -> str:
    parser = _Text()
    parser.feed(raw)
    return collapse(html.unescape(" ".join(parser.parts)))


_APOSTROPHES = ("'", "\u2019")
_SPACES = (" ", "\u00a0", "\u202f", "")


def spellings(text: str) -> Iterator[str]:
    """``text`` as it is, then with each apostrophe and each space before ``:;!?»`` respelt."""
    yield text
    plain = text.replace("\u2019", "'")
    for apostrophe in _APOSTROPHES:
        base = plain.replace("'", apostrophe)
        for space in _SPACES:
            yield re.sub(r"[ \u00a0\u202f]?([:;!?»])", space + r"\1", base)
            yield re.sub(r"[ \u00a0\u202f]?([:;!?])", space + r"\1", base)


def _folded(text: str) -> str:
    return collapse(text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " "))


def extract(page: str, entry: dict[str, object]) -> str | None:
    """The passage in ``page`` from its first to its last words, if its hash still matches."""
    wanted = entry["sha256_collapsed"]
    for text in (page, _folded(page)):
        first, last = collapse(str(entry["first_words"])), collapse(str(entry["last_words"]))
        if text is not page:
            first, last = _folded(first), _folded(last)
        start = text.find(first)
        while start >= 0:
            end = text.find(last, start)
            if end >= 0:
                span = text[start : end + len(last)]
                for candidate in spellings(span):
                    if digest(candidate) == wanted:
                        return collapse(candidate)
            start = text.find(first, start + 1)
    return None


def fetch(url: str, timeout: float = 20.0) -> str:
    request = urllib.request.Request(url, headers={"User-Agent": "dossier-review-eval"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return str(response.read().decode("utf-8", errors="replace"))


def rebuild(
    index: Path = INDEX, out: Path = PASSAGES, copies: Path | None = None
) -> tuple[int, list[str]]:
    entries = [json.loads(line) for line in index.read_text(encoding="utf-8").splitlines() if line]
    pages: dict[str, str] = {}
    lines, missing = [], []
    for entry in entries:
        url = str(entry["source"])
        if copies is not None:
            copy = copies / f"{entry['id']}.txt"
            if not copy.is_file():
                missing.append(f"{entry['id']}: no copy in {copies}")
                continue
            page = collapse(copy.read_text(encoding="utf-8"))
        else:
            try:
                page = pages.setdefault(url, page_text(fetch(url)))
            except OSError as exc:
                missing.append(f"{entry['id']}: {url}: {exc}")
                continue
        text = extract(page, entry)
        if text is None:
            missing.append(f"{entry['id']}: {url}: passage not found (page changed)")
            continue
        record = {k: entry.get(k, "") for k in FIELDS} | {"text": text, "style": "published"}
        lines.append(json.dumps(record, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines), missing


def check(index: Path = INDEX, passages: Path = PASSAGES) -> list[str]:
    """Local passages whose text does not match the index (or that the index lacks)."""
    known = {
        e["id"]: e for e in map(json.loads, index.read_text(encoding="utf-8").splitlines()) if e
    }
    problems = []
    for line in passages.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        entry = known.get(record["id"])
        if entry is None or digest(record["text"]) != entry["sha256_collapsed"]:
            problems.append(f"{record['id']}: text does not match the index")
    return problems


def probe(copies: Path, ids: Sequence[str], index: Path = INDEX) -> list[str]:
    """For each id, whether ``copies/<id>.txt`` yields the passage, or what is missing."""
    known = {
        e["id"]: e for e in map(json.loads, index.read_text(encoding="utf-8").splitlines()) if e
    }
    lines = []
    for key in ids:
        entry, copy = known.get(key), copies / f"{key}.txt"
        if entry is None or not copy.is_file():
            lines.append(f"{key}: {'unknown id' if entry is None else 'no copy'}")
            continue
        page = _folded(copy.read_text(encoding="utf-8"))
        if extract(collapse(copy.read_text(encoding="utf-8")), entry) is not None:
            verdict = "ok"
        elif _folded(str(entry["first_words"])) not in page:
            verdict = "first words not found"
        elif _folded(str(entry["last_words"])) not in page:
            verdict = "last words not found (excerpt cut short?)"
        else:
            verdict = "span found but its text differs from the original (a word or sign)"
        lines.append(f"{key}: {verdict}")
    return lines


def index_entries(labels: Sequence[Path], copies: Path) -> list[dict[str, object]]:
    """Index entries for labelled passages whose text is ``copies/<id>.txt``: no text kept."""
    entries = []
    for path in labels:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            label = json.loads(line)
            text = collapse((copies / f"{label['id']}.txt").read_text(encoding="utf-8"))
            words = text.split(" ")
            entries.append(
                {k: label.get(k, "") for k in FIELDS}
                | {
                    "sha256_collapsed": digest(text),
                    "first_words": " ".join(words[:EDGE_WORDS]),
                    "last_words": " ".join(words[-EDGE_WORDS:]),
                    "author": str(label["id"]).split("-")[0],
                }
            )
    return sorted(entries, key=lambda entry: str(entry["id"]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.real", description=__doc__)
    parser.add_argument("action", choices=["rebuild", "check", "probe", "index"])
    parser.add_argument("ids", nargs="*", help="probe: the ids to try in PAGES")
    parser.add_argument(
        "--set", choices=sorted(SETS), default="heldout", help="which set (default: heldout)"
    )
    parser.add_argument(
        "--labels", type=Path, nargs="+", help="index: the labels files to index (dev set)"
    )
    parser.add_argument(
        "--pages", type=Path, help="read each page from PAGES/<id>.txt instead of the network"
    )
    args = parser.parse_intermixed_args(argv)
    index, passages = SETS[args.set]
    if args.action == "index":
        if args.pages is None or not args.labels:
            parser.error("index needs --labels and --pages")
        entries = index_entries(args.labels, args.pages)
        rows = "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries)
        DEV_INDEX.write_text(rows, encoding="utf-8")
        print(f"{len(entries)} passages indexed -> {DEV_INDEX}")
        return 0
    if args.action == "check":
        problems = check(index, passages)
        print("\n".join(problems) or f"{passages.name}: every passage matches the index")
        return 1 if problems else 0
    if args.action == "probe":
        if args.pages is None:
            parser.error("probe needs --pages")
        print("\n".join(probe(args.pages, args.ids, index)))
        return 0
    count, missing = rebuild(index, passages, copies=args.pages)
    print("\n".join(missing))
    print(f"{count} passages rebuilt, {len(missing)} missing -> {passages}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
