"""Size caps applied while a dossier is read, before any analysis: characters per page and
per document, and words counted without relying on spaces. Each cap is one French sentence."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.document import Document
from assistant.errors import TooLargeError
from assistant.ingest.raw import RawDocument
from assistant.settings import LimitsSettings

_WORD = re.compile(r"\w+")
CHARS_PER_WORD = 6  # a French word and its space
LONG_RUN = 30  # longer than any French word: "anticonstitutionnellement" has 25 letters


def text_bytes(path: Path, filename: str, limits: LimitsSettings) -> bytes:
    """The bytes of a text file whose decoded text is within ``max_chars`` (checked before
    any reader sees it; no character takes more than 4 bytes)."""
    from assistant.ingest.txt_reader import decode_text

    if path.stat().st_size > 4 * limits.max_chars:
        raise too_many_chars(filename, limits)
    data = path.read_bytes()
    if len(decode_text(data, filename)) > limits.max_chars:
        raise too_many_chars(filename, limits)
    return data


def too_many_chars(filename: str, limits: LimitsSettings) -> TooLargeError:
    return TooLargeError(
        f"Le document « {filename} » dépasse la limite de {_french(limits.max_chars)} "
        "caractères ; envoyez le dossier sans ses annexes volumineuses.",
    )


def too_many_page_chars(filename: str, page: int, limits: LimitsSettings) -> TooLargeError:
    return TooLargeError(
        f"La page {page} du document « {filename} » dépasse la limite de "
        f"{_french(limits.max_page_chars)} caractères par page ; retirez-la du dossier ou "
        "exportez-la de nouveau en PDF.",
    )


def check_raw(raw: RawDocument, filename: str, limits: LimitsSettings) -> None:
    """Characters per page (PDF pages: other formats' pages are only estimated), per
    document, and words, before the text is assembled."""
    per_page: dict[int, int] = {}
    total = 0
    for block in raw.blocks:
        total += len(block.text)
        if block.page is not None and raw.format == "pdf":
            per_page[block.page] = per_page.get(block.page, 0) + len(block.text)
    if total > limits.max_chars:
        raise too_many_chars(filename, limits)
    for page, count in per_page.items():
        if count > limits.max_page_chars:
            raise too_many_page_chars(filename, page, limits)
    check_words("\n".join(block.text for block in raw.blocks), filename, limits)


def count_words(text: str) -> int:
    """Words of ``text``, without relying on spaces: a run of letters longer than
    ``LONG_RUN`` (a text without spaces, Chinese, a flood) counts one word per
    ``CHARS_PER_WORD`` characters."""
    words = 0
    for match in _WORD.finditer(text):
        size = match.end() - match.start()
        words += size // CHARS_PER_WORD if size > LONG_RUN else 1
    return words


def check_words(text: str, filename: str, limits: LimitsSettings) -> None:
    words = count_words(text)
    if words > limits.max_words:
        raise TooLargeError(
            f"Le document « {filename} » contient {_french(words)} mots, au-delà de la limite "
            f"de {_french(limits.max_words)} mots ; envoyez le dossier sans ses annexes "
            "volumineuses.",
        )


def _french(number: int) -> str:
    """1234567 -> '1 234 567' (narrow no-break spaces, as French typography writes it)."""
    return f"{number:,}".replace(",", "\u202f")


def check_limits(document: Document, filename: str, limits: LimitsSettings) -> None:
    """The page and word limits applied to a Document already read (e.g. from the cache)."""
    check_pages(document.meta.pages, filename, limits)
    check_words(document.text, filename, limits)


def check_pages(pages: int | None, filename: str, limits: LimitsSettings) -> None:
    if pages is not None and pages > limits.max_pages:
        raise TooLargeError(
            f"Le document « {filename} » compte {pages} pages, au-delà de la limite de "
            f"{limits.max_pages} pages ; envoyez le dossier sans ses annexes volumineuses.",
        )
