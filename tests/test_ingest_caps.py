"""Caps that hold while a dossier is read: words counted without relying on spaces, characters
per document, and a process-wide limit on parsing children."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import psutil
import pytest

from assistant.errors import ParseTimeoutError, TooLargeError
from assistant.ingest import ingest_file
from assistant.ingest.caps import count_words
from assistant.ingest.isolation import set_worker_limit
from assistant.settings import LimitsSettings
from tests import hostile


def test_words_of_ordinary_french_are_counted_one_by_one() -> None:
    text = "L'analyse PESTEL du marché anticonstitutionnellement détaillée, en 2024."
    assert count_words(text) == 9


def test_a_run_without_spaces_counts_one_word_per_six_letters() -> None:
    assert count_words("a" * 6_000) == 1_000
    assert count_words("mot " * 10 + "b" * 600) == 110


def test_text_without_spaces_is_refused_for_its_words(tmp_path: Path) -> None:
    path = hostile.spaceless_txt(1.2)(tmp_path)
    with pytest.raises(TooLargeError, match="mots, au-delà de la limite"):
        ingest_file(path, LimitsSettings(parse_timeout_s=30))


def test_a_text_over_the_character_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    path.write_text("Une phrase du dossier.\n\n" * 20_000, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(TooLargeError, match="dépasse la limite de 100\u202f000 caractères"):
        ingest_file(path, LimitsSettings(max_chars=100_000))
    assert time.monotonic() - started < 10


def test_parsing_children_never_exceed_the_worker_limit(tmp_path: Path) -> None:
    """Six threads ask for six parses at once: at most two children parse at a time (each a
    new process forked by a parse server)."""
    folders = [tmp_path / f"d{n}" for n in range(6)]
    for folder in folders:
        folder.mkdir()
    files = [hostile.sample_pdf(folder, 12) for folder in folders]
    set_worker_limit(2)
    peak, running, done = 0, True, []

    def watch() -> None:
        nonlocal peak
        me = psutil.Process()
        while running:
            peak = max(peak, len(_parsing_children(me)))
            time.sleep(0.01)

    def parse(path: Path) -> None:
        done.append(ingest_file(path, LimitsSettings(parse_timeout_s=60)))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        threads = [threading.Thread(target=parse, args=(f,)) for f in files]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        running = False
        watcher.join(timeout=5)
        set_worker_limit(os.cpu_count() or 1)
    assert len(done) == 6
    assert 1 <= peak <= 2


def test_each_file_is_parsed_in_a_new_process(tmp_path: Path) -> None:
    """The parse server forks one child per file: no two files share a parsing process, a
    file that runs over its time is killed alone, and the next file is parsed by a child of
    the same server (the imports are not paid again)."""
    pids: list[int] = []
    servers: set[int] = set()
    path = hostile.sample_pdf(tmp_path, 8)

    def watch() -> None:
        me = psutil.Process()
        while running:
            children = _parsing_children(me)
            pids.extend(c.pid for c in children if c.pid not in pids)
            servers.update(p for p in map(_parent_pid, children) if p is not None)
            time.sleep(0.005)

    running = True
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        first = ingest_file(path, LimitsSettings(parse_timeout_s=60))
        with pytest.raises(ParseTimeoutError):
            ingest_file(path, LimitsSettings(parse_timeout_s=0.01))
        second = ingest_file(path, LimitsSettings(parse_timeout_s=60))
    finally:
        running = False
        watcher.join(timeout=5)
    assert first.text == second.text
    assert len(pids) == len(set(pids)) >= 2
    assert len(servers) == 1


def _parsing_children(me: psutil.Process) -> list[psutil.Process]:
    """The processes parsing a file: children of a parse server (``worker --serve``)."""
    workers = [c for c in me.children(recursive=True) if _is_worker(c)]
    servers = {c.pid for c in workers if "--serve" in _cmdline(c)}
    return [c for c in workers if _parent_pid(c) in servers]


def _is_worker(process: psutil.Process) -> bool:
    return "assistant.ingest.worker" in " ".join(_cmdline(process))


def _parent_pid(process: psutil.Process) -> int | None:
    try:
        return process.ppid()
    except psutil.Error:
        return None


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def test_a_dead_or_stalled_parse_server_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server killed between two files is replaced without losing the next file; one that
    stops answering is killed and the file counts as over its time."""
    from assistant.ingest import parse_server

    path = hostile.sample_pdf(tmp_path, 2)
    first = ingest_file(path, LimitsSettings(parse_timeout_s=60))
    for server in _servers(psutil.Process()):
        server.kill()
    assert ingest_file(path, LimitsSettings(parse_timeout_s=60)).text == first.text

    monkeypatch.setattr(parse_server, "GRACE_S", 0.5)
    for server in _servers(psutil.Process()):
        server.suspend()
    started = time.monotonic()
    with pytest.raises(ParseTimeoutError):
        ingest_file(path, LimitsSettings(parse_timeout_s=2))
    assert time.monotonic() - started < 10
    assert ingest_file(path, LimitsSettings(parse_timeout_s=60)).text == first.text


def _servers(me: psutil.Process) -> list[psutil.Process]:
    return [c for c in me.children() if _is_worker(c) and "--serve" in _cmdline(c)]
