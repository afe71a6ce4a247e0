# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Forces written entry by entry under a heading that does not name the tool (« Autour de
nous » over « Concurrence directe : ... », « Produits de remplacement : ... ») are an unnamed
Porter: two elements' entry lines one after the other open its context, where a cluster of
passing mentions needs three. One entry line alone in a section about something else is read
by its own title (``checkpoint._titles_own``: the line opens on the element's name and a
colon), a passing word of running prose opens nothing. Real Markdown files through the cue
rules."""

from __future__ import annotations

from pathlib import Path

from assistant.detect import detect_outcomes, layout_of
from tests.dossiers import checkpoints, ingest, write

HEAD = """\
# Dossier E1 — Cycles Armor, vente et réparation de vélos à Lannion

## 1. Présentation

Cycles Armor vend et répare des vélos à Lannion depuis 2012 : 5 salariés, 780 000 € de chiffre d'affaires en 2024, dont 35 % en vélos à assistance électrique.

## 2. Autour de nous

"""

TWO_ENTRIES = (
    HEAD
    + """\
- **Rivalité** : 2 magasins indépendants à Lannion et Perros-Guirec, un Decathlon à 12 km qui vend des vélos électriques dès 999 €, et les ventes en ligne de marques allemandes livrées en 48 h
- **Substituts** : la location longue durée proposée par l'agglomération (Vélo Trégor, 40 € par mois), les trottinettes électriques et le covoiturage pour les trajets vers Guingamp
"""
)

ONE_ENTRY = (
    HEAD
    + """\
Notre atelier est ouvert six jours sur sept et répare environ 1 900 vélos par an.

- **Rivalité** : 2 magasins indépendants à Lannion et Perros-Guirec, un Decathlon à 12 km qui vend des vélos électriques dès 999 €, et les ventes en ligne de marques allemandes livrées en 48 h

Le reste de nos clients vient surtout du bouche-à-oreille et de notre page Facebook.
"""
)


def porter(tmp_path: Path, text: str) -> dict[str, str]:
    doc = ingest(write(tmp_path, "armor.md", text))
    outcome = detect_outcomes(checkpoints("porter"), layout_of(doc))[0]
    return {e.element.id: e.status for e in outcome.elements}


def test_two_entry_lines_in_a_row_are_an_unnamed_porter(tmp_path: Path) -> None:
    found = porter(tmp_path, TWO_ENTRIES)
    assert found["rivalite"] == found["substituts"] == "present"
    assert found["nouveaux_entrants"] == "absent"


PROSE = (
    HEAD
    + """\
Notre atelier est ouvert six jours sur sept et répare environ 1 900 vélos par an.

Une saine rivalité oppose nos deux mécaniciens, qui comptent chaque semaine les vélos remis en état, et les clients s'en amusent volontiers au comptoir.

Le reste de nos clients vient surtout du bouche-à-oreille et de notre page Facebook.
"""
)


def test_one_entry_line_alone_is_read_by_its_own_title(tmp_path: Path) -> None:
    found = porter(tmp_path, ONE_ENTRY)
    assert found["rivalite"] == "present"
    assert found["substituts"] == "absent"


def test_a_passing_word_in_prose_opens_nothing(tmp_path: Path) -> None:
    assert porter(tmp_path, PROSE)["rivalite"] == "absent"
