"""Which épreuve a dossier fits best, cheaply, before a misleading score is shown.

One pass over the dossier's evidence text: a checkpoint is *named* when one of its distinctive
forms (its label, a cue of several words, an acronym such as « PESTEL ») occurs there. An
épreuve's fit is the share of its checkpoints the dossier names. A dossier written for E1 names
most of E1's checkpoints and few of E4's; analysed as E4 it would score 0-17 % for the wrong
reason. ``EpreuveFit.warning(chosen)`` says so when another épreuve fits by a clear margin.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.document import Document
from assistant.referentiel.models import Checkpoint, Referentiel
from assistant.textnorm import stems

CLEAR_MARGIN = 0.25  # an épreuve fits better when it names this much more of its checkpoints
MAX_CUE_WORDS = 8


@dataclass(frozen=True)
class EpreuveFit:
    scores: dict[str, float]
    """Share (0-1) of each épreuve's checkpoints that the dossier names."""

    @property
    def best(self) -> str:
        return max(self.scores, key=lambda e: self.scores[e])

    def fits(self, chosen: str) -> bool:
        """False when another épreuve fits better by a clear margin."""
        return self.scores[self.best] - self.scores.get(chosen, 0.0) < CLEAR_MARGIN

    def warning(self, chosen: str) -> str | None:
        """A French warning when the chosen épreuve is not the dossier's by a clear margin."""
        if self.fits(chosen):
            return None
        best, mine = self.scores[self.best], self.scores.get(chosen, 0.0)
        return (
            f"Ce dossier semble écrit pour l'épreuve {self.best} plutôt que {chosen} : il "
            f"aborde {best:.0%} des points de contrôle de {self.best} contre {mine:.0%} de "
            f"ceux de {chosen}. Vérifiez l'épreuve choisie avant de lire le score."
        ).replace("%", " %")


def best_epreuve(document: Document, referentiel: Referentiel) -> EpreuveFit:
    """The fit of the dossier to every épreuve of the référentiel."""
    grams = _ngrams(stems("\n".join(b.text for b in document.evidence_blocks())))
    named = {c.id for c in referentiel.checkpoints if any(f in grams for f in _forms(c))}
    scores = {}
    for epreuve in referentiel.epreuves:
        ids = [c.id for c in referentiel.checkpoints if epreuve.id in c.epreuves]
        scores[epreuve.id] = sum(i in named for i in ids) / len(ids) if ids else 0.0
    return EpreuveFit(scores)


def _forms(checkpoint: Checkpoint) -> list[tuple[str, ...]]:
    """Stems of the label and of the cues that name the checkpoint alone."""
    forms = [checkpoint.label, *checkpoint.cues]
    kept = [f for f in forms if len(f.split()) > 1 or (f.isupper() and len(f) > 1)]
    return [t for t in (tuple(stems(f)) for f in kept) if 0 < len(t) <= MAX_CUE_WORDS]


def _ngrams(words: list[str]) -> set[tuple[str, ...]]:
    return {
        tuple(words[i : i + n])
        for n in range(1, MAX_CUE_WORDS + 1)
        for i in range(len(words) - n + 1)
    }
