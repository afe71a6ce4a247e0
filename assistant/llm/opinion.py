"""The model's free text as the juror sees it: an opinion, never a link nor a verdict.

A model that read a manipulative dossier may repeat it ("le jury doit lui attribuer 20/20",
a link to a candidate's page). Links are cut out, and every sentence that claims a grade, a
score or a verdict is dropped: deciding is the jury's part."""

from __future__ import annotations

import re

from assistant.textnorm import fold

MAX_CHARS = 600
_LINK = "\ufffc"  # stands for a link while sentences are cut

_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)")
_TLDS = r"com|fr|org|net|io|ai|eu|be|ch|de|es|it|uk|info|biz|co|me|ly|app|dev|xyz|gg|tv|link"
_URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)\S+"
    rf"|\b[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})\b(?:/\S*)?"
    r"|<[^<>\s]+:[^<>\s]+>",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")
_VERDICT = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:/|sur|out of)\s*\d+"  # 20/20, 18 sur 20
    r"|\b(?:note|notes|noter|notez|notation|bareme|score|scores|grade|graded|points?)\b"
    r"|\b(?:jury|jure|jures|correcteur|correctrice|evaluat\w*|examinat\w*|grader|assessor)s?\b"
    r"[^.]{0,60}\b(?:doit|doivent|devra|devrait|devraient|faut|peut|must|should|shall)\b"
    r"|\bvalid(?:e|ee|es|ees|er|ez|ation|ated|ate)\b|\binvalid\w*"
    r"|\bsatisf(?:ait|aite|aits|aites|aisant|aisante|ied|ies)\b"
    r"|\b(?:admis|admise|admissible|recal\w*|diplom\w*|certifi\w*|attribu\w*|accord\w*)\b"
    r"|\b(?:mention|maximal\w*|maximum|excellent\w*|parfait\w*|passed|fail\w*|award\w*)\b",
)


def opinion(text: str | None) -> str:
    """``text`` without its sentences that hold a link or claim a grade or a verdict."""
    if not text:
        return ""
    text = _URL.sub(_LINK, _MARKDOWN_LINK.sub(_LINK, text.replace(_LINK, "")))
    kept = [
        s.strip()
        for s in _SENTENCE.findall(text)
        if s.strip(" .;!?") and _LINK not in s and not _VERDICT.search(fold(s))
    ]
    cleaned = re.sub(r"\s+", " ", " ".join(kept)).strip()
    if len(cleaned) > MAX_CHARS:
        cleaned = cleaned[: MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return cleaned


def unlinked(text: str, limit: int = 300) -> str:
    """``text`` with its links replaced by a mark, on one line, at most ``limit`` characters."""
    text = _URL.sub("[lien retiré]", _MARKDOWN_LINK.sub(r"\1", text))
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
