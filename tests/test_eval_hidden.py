"""eval.hidden scores a manifest of real files: hidden text kept out of evidence and reported,
clean files without alarm; a leak is a leak (the scorer is checked on a document it must fail)."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.document import Block, Document, DocumentMeta
from eval.hidden import figures, judge, leaks
from tests.test_hidden_docx import SECRET, TRICKS, VISIBLE, build


def _manifest(tmp_path: Path) -> Path:
    (tmp_path / "files").mkdir()
    lines = []
    for name in ("near_white", "vanish"):
        build(tmp_path / "files" / f"{name}.docx", *TRICKS[name])
        lines.append({"file": f"files/{name}.docx", "hidden": True, "trick": name,
                      "hidden_text": SECRET})  # fmt: skip
    build(tmp_path / "files" / "grey.docx", *VISIBLE["grey_text"], text="Texte gris lisible.")
    lines.append({"file": "files/grey.docx", "hidden": False, "hidden_text": ""})
    (tmp_path / "files" / "broken.docx").write_bytes(b"not a zip")
    lines.append({"file": "files/broken.docx", "hidden": False, "hidden_text": ""})
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return manifest


def test_real_files_are_scored_through_ingestion(tmp_path: Path) -> None:
    fig = figures(judge(_manifest(tmp_path)))
    assert fig == {"hidden_files": 2, "kept_out": 2, "reported": 2, "clean_files": 2,
                   "false_alarms": 0, "refused": 1}  # fmt: skip


def _document(text: str) -> Document:
    block = Block(index=0, kind="paragraph", text=text, page=1, start=0, end=len(text))
    meta = DocumentMeta(filename="x.txt", sha256="0" * 64, format="txt", pages=1, words=9)
    return Document(meta=meta, text=text, blocks=[block])


def test_a_run_of_hidden_words_in_evidence_is_a_leak() -> None:
    secret = "Légal : le règlement européen 1223/2009 encadre les allégations."
    copied = "Voir : le reglement europeen 1223/2009 encadre les allegations des soins."
    assert leaks(secret, _document(copied))
    assert not leaks(secret, _document("Le règlement européen 1223/2009 encadre tout, voir loin."))
