"""Fuzz the ingestion entry point for a set time, outside the normal test run.

    python scripts/fuzz_ingest.py --seconds 600                  # atheris if installed
    python scripts/fuzz_ingest.py --seconds 60 --engine random   # our own mutator only
    python scripts/fuzz_ingest.py --seconds 600 --isolated       # the production path

Seeds are real dossiers of every format (``eval.docbuild``); each input is ingested and must
give a Document with consistent offsets or a ReviewError (``tests/fuzzing.py``). Findings are
written to ``--out`` (input bytes + traceback); turn each into a regression test in
``tests/test_fuzz_ingest.py``. The summary gives the files tried, the time and the peak memory.

With atheris (coverage-guided, libFuzzer) the fuzzer runs in a child process, our parsers and
python-docx, odfpy and markdown-it instrumented; libFuzzer itself catches hangs (``-timeout``),
memory blow-ups (``-rss_limit_mb``) and native crashes, and saves their input in ``--out``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import random
import re
import resource
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
INSTRUMENTED = ("assistant.ingest", "docx", "odf", "markdown_it", "pypdf")
HANG_S = 30
RSS_LIMIT_MB = 3072


def main() -> int:
    args, libfuzzer_args = _parser().parse_known_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return _atheris_child(args, libfuzzer_args)
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if _has_atheris() else "random"
    started = time.monotonic()
    stats = _run_atheris(args) if engine == "atheris" else _run_random(args)
    _summary(engine, stats, time.monotonic() - started, args)
    return 1 if stats["findings"] else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz")
    parser.add_argument("--engine", choices=("auto", "atheris", "random"), default="auto")
    parser.add_argument("--isolated", action="store_true", help="parse in the child process")
    parser.add_argument("--seed", type=int, default=0, help="random engine's seed")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "fuzz", help="findings")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return parser


def _has_atheris() -> bool:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return False
    return True


# --------------------------------------------------------------------------- shared


class Recorder:
    """Counts inputs, checks each one, writes findings and the running stats to ``out``."""

    def __init__(self, out: Path, isolated: bool) -> None:
        from tests.fuzzing import fuzz_limits

        self.out = out
        self.limits = fuzz_limits(isolated=isolated)
        self.tried = 0
        self.findings = 0
        self.kinds: set[str] = set()

    def check(self, raw: bytes) -> None:
        from tests.fuzzing import Finding, check_input

        self.tried += 1
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # odfpy prints parse errors
                check_input(raw, self.limits)
        except Finding as finding:
            self._record(raw, finding)
        if self.tried % 200 == 0:
            self.save()

    def _record(self, raw: bytes, finding: BaseException) -> None:
        self.findings += 1
        cause = finding.__cause__ or finding
        frame = traceback.extract_tb(cause.__traceback__)[-1:] if cause.__traceback__ else []
        kind = f"{type(cause).__name__}@{frame[0].filename}:{frame[0].lineno}" if frame else "?"
        name = hashlib.sha256(raw).hexdigest()[:16]
        (self.out / f"finding-{name}.bin").write_bytes(raw)
        (self.out / f"finding-{name}.txt").write_text(
            "".join(traceback.format_exception(cause)), encoding="utf-8"
        )
        if kind not in self.kinds:
            self.kinds.add(kind)
            print(f"finding: {finding} ({kind})", file=sys.stderr)
        self.save()

    def save(self) -> None:
        stats = {"tried": self.tried, "findings": self.findings, "kinds": sorted(self.kinds)}
        (self.out / "stats.json").write_text(json.dumps(stats), encoding="utf-8")


def _seed_inputs() -> list[bytes]:
    from tests.fuzzing import encode, seed_files

    return [encode(suffix, data) for suffix, data in seed_files().items()]


# --------------------------------------------------------------------------- random engine


def _run_random(args: argparse.Namespace) -> dict[str, Any]:
    from tests.fuzzing import SUFFIXES, decode, encode, mutate

    seeds = _seed_inputs()
    recorder = Recorder(args.out, args.isolated)
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        suffix, data = decode(rng.choice(seeds))
        if rng.random() < 0.2:
            suffix = rng.choice(SUFFIXES)  # a file named for another format
        recorder.check(encode(suffix, mutate(data, rng, rng.randint(1, 8))))
    recorder.save()
    return {"tried": recorder.tried, "findings": recorder.findings, "kinds": recorder.kinds}


# --------------------------------------------------------------------------- atheris engine


def _run_atheris(args: argparse.Namespace) -> dict[str, Any]:
    corpus = args.out / "corpus"
    corpus.mkdir(exist_ok=True)
    for raw in _seed_inputs():
        (corpus / f"seed-{hashlib.sha256(raw).hexdigest()[:12]}").write_bytes(raw)
    command = [sys.executable, __file__, "--child", "--out", str(args.out)]
    command += ["--isolated"] if args.isolated else []
    command += [
        f"-max_total_time={int(args.seconds)}",
        f"-timeout={HANG_S}",
        f"-rss_limit_mb={RSS_LIMIT_MB}",
        "-max_len=262144",
        f"-artifact_prefix={args.out}/",
        "-print_final_stats=1",
        str(corpus),
    ]
    log = args.out / "libfuzzer.log"
    with log.open("w") as handle:
        subprocess.run(command, stderr=handle, cwd=ROOT, timeout=args.seconds + 600)
    stats = json.loads((args.out / "stats.json").read_text(encoding="utf-8"))
    stats["kinds"] = set(stats["kinds"])
    text = log.read_text("utf-8", "replace")
    executed = re.search(r"stat::number_of_executed_units: *(\d+)", text)
    if executed:  # the child's last save may be up to 200 inputs old
        stats["tried"] = int(executed.group(1))
    crashes = [p for p in args.out.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-"))]
    stats["findings"] += len(crashes)
    stats["kinds"] |= {p.name.split("-")[0] for p in crashes}
    return stats


def _atheris_child(args: argparse.Namespace, libfuzzer_args: list[str]) -> int:
    import atheris

    with atheris.instrument_imports(include=list(INSTRUMENTED)):
        import assistant.ingest.docx_reader
        import assistant.ingest.md_reader
        import assistant.ingest.odt_reader
        import assistant.ingest.pdf_reader
        import assistant.ingest.pipeline  # noqa: F401
    from tests.fuzzing import decode, encode, mutate_zip_member

    recorder = Recorder(args.out, args.isolated)

    def mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        suffix, body = decode(data)
        if body.startswith(b"PK\x03\x04") and rng.random() < 0.3:
            return encode(suffix, mutate_zip_member(body, rng))[:max_size]
        return bytes(atheris.Mutate(data, max_size))

    atheris.Setup([sys.argv[0], *libfuzzer_args], recorder.check, custom_mutator=mutator)
    atheris.Fuzz()
    return 0


# --------------------------------------------------------------------------- report


def _summary(engine: str, stats: dict[str, Any], elapsed: float, args: argparse.Namespace) -> None:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    mode = "isolated child process" if args.isolated else "in-process parsing"
    print(
        f"engine {engine} ({mode}): {stats['tried']} files tried in {elapsed:.0f} s "
        f"({stats['tried'] / max(elapsed, 1e-9):.1f}/s); peak memory {own:.0f} MB "
        f"(this process), {children:.0f} MB (largest child); "
        f"{stats['findings']} finding(s) in {args.out}"
    )
    for kind in sorted(stats["kinds"]):
        print(f"  - {kind}")


if __name__ == "__main__":
    sys.exit(main())
