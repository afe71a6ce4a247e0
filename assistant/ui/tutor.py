"""Tuteur tab: questions on the référentiel, answered from its texts and, optionally, a dossier."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.errors import ReviewError
from assistant.tutor import IndexedDossier, TutorAnswer
from assistant.ui import views
from assistant.ui.candidate import FILE_TYPES
from assistant.ui.context import AppContext
from assistant.ui.workspace import Workspace

log = logging.getLogger(__name__)

EXAMPLES = ("Qu'attend le jury pour C14 ?", "Où le candidat parle-t-il de RSE ?")
Messages = list[dict[str, str]]


@dataclass
class TutorSession:
    workspace: Workspace
    upload: str | None = None
    dossier: IndexedDossier | None = None


def _drop_session(ctx: AppContext, session: TutorSession | None) -> None:
    """An idle session expired: its dossier goes, with its cached text and its index."""
    if session is not None:
        session.workspace.clear()
        if session.dossier is not None:
            ctx.forget(session.dossier.document.meta.sha256)


def answer_text(answer: TutorAnswer) -> str:
    """The answer followed by the ids of the référentiel texts it rests on."""
    cited = [s.id for s in answer.sources if s.kind != "passage"]
    text = answer.text
    if cited:
        text += f"\n\nSources du référentiel : {', '.join(dict.fromkeys(cited))}."
    if answer.engine:
        text += (
            f"\n\n_Réponse rédigée par le modèle de langue « {answer.engine} » "
            "à partir de ces sources._"
        )
    return text


class TutorView:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def _dossier(
        self, session: TutorSession, upload: str | None, request: gr.Request
    ) -> IndexedDossier | None:
        if not upload:
            self._forget(session)
            return None
        if upload != session.upload and Path(upload).exists():
            self._forget(session)
            path = session.workspace.adopt(Path(upload))
            document = self.ctx.services.ingest(path)
            self.ctx.remember(request, document.meta.sha256)
            session.upload, session.dossier = upload, self.ctx.services.index_dossier(document)
        return session.dossier

    def _forget(self, session: TutorSession) -> None:
        """Drop the session's dossier: its file, its cached text and its index."""
        if session.dossier is not None:
            self.ctx.forget(session.dossier.document.meta.sha256)
        session.upload, session.dossier = None, None
        session.workspace.clear()

    def erase(self, session: TutorSession | None) -> tuple[Any, ...]:
        """The tutor's own "Effacer": the dossier, its index and the conversation."""
        if session is not None:
            self._forget(session)
        message = views.message_html(
            "Le dossier du tuteur, son index et la conversation ont été effacés.", "success"
        )
        return session, [], "", gr.update(value=None), message

    def ask(
        self,
        question: str,
        upload: str | None,
        history: Messages | None,
        session: TutorSession | None,
        request: gr.Request,
    ) -> tuple[Any, ...]:
        session = session or TutorSession(self.ctx.workspace(request, "tuteur"))
        history = list(history or [])
        if not question.strip():
            return session, history, gr.update()
        history.append({"role": "user", "content": question.strip()})
        try:
            dossier = self._dossier(session, upload, request)
            reply = answer_text(self.ctx.services.tutor.answer(question, dossier))
        except ReviewError as err:
            log.info("tutor refused: %s", err.detail or err.__cause__)
            reply = err.message
        history.append({"role": "assistant", "content": reply})
        return session, history, ""


def build(ctx: AppContext) -> None:
    """Lay out the Tuteur tab inside the current Blocks."""
    view = TutorView(ctx)
    state = gr.State(
        None,
        time_to_live=ctx.settings.ui.session_ttl_s,
        delete_callback=lambda session: _drop_session(ctx, session),
    )
    gr.Markdown(
        "## Questions sur le référentiel\n"
        "Demandez ce que le jury attend pour une compétence (C1 à C19, CP1-1 à CP3-5), une "
        "épreuve (E1 à E5) ou un outil. Avec un dossier, le tuteur indique aussi où il en parle. "
        "Les réponses citent les textes du référentiel : elles ne remplacent pas le jury."
    )
    upload = gr.File(label="Dossier à interroger (facultatif)", file_types=FILE_TYPES)
    chat = gr.Chatbot(
        label="Échanges avec le tuteur",
        feedback_options=None,
        render_markdown=False,
        buttons=["copy", "copy_all"],  # no "share": it has no accessible name
        height=420,
        elem_id="tuteur-chat",
    )
    question = gr.Textbox(label="Votre question", placeholder=EXAMPLES[0], lines=1)
    with gr.Row():
        ask = gr.Button("Poser la question", variant="primary")
        examples = [gr.Button(text, size="sm") for text in EXAMPLES]
    with gr.Row():
        erase = gr.Button("Effacer", variant="stop", size="md", elem_id="tuteur-effacer")
    message = gr.HTML("", elem_id="tuteur-message")

    inputs = [question, upload, chat, state]
    outputs = [state, chat, question]
    ask.click(view.ask, inputs, outputs, api_visibility="private")
    question.submit(view.ask, inputs, outputs, api_visibility="private")
    erase.click(
        view.erase, [state], [state, chat, question, upload, message], api_visibility="private"
    )
    for button, text in zip(examples, EXAMPLES, strict=True):
        button.click(lambda t=text: t, None, question, api_visibility="private").then(
            view.ask, inputs, outputs, api_visibility="private"
        )
