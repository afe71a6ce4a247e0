"""Two shapes of published text read alone that analyse no case, whatever they name.

- A list of names (tools, labels, partners, each item a name: « Google Alerts », « NF
  Environnement », « Ville de Saint-Brieuc »): it says what exists, not what a case did with
  it. A keyword grid of a case's traits (« Flotte récente », « Position de leader ») is no such
  list: it stays at most partial (``keyword_list``).
- Worked examples announced by a title in title case (« Exemples Pratiques », then « 1.
  Boulangerie … »): the capital of the title's second word is a heading's, not the name of a
  real case, so the examples are made up like those announced by « Exemple de calcul : ».
"""

from __future__ import annotations

import importlib

import pytest

from assistant.detect import support
from assistant.detect.claims import invented_case
from assistant.detect.support import keyword_list, lists_names, passage_units
from assistant.referentiel.loader import load_referentiel
from assistant.settings import Settings

REF = load_referentiel(Settings().referentiel_dir)
OTHERS = list(REF.checkpoints)
judged_module = importlib.import_module("assistant.detect.judged")

# a blog's list of newsletter tools, and a harbour festival's sponsors
TOOLS = (
    "Huit outils pour envoyer vos lettres d'information\n- Brevo Marketing\n- Mailchimp Free\n"
    "- Sendinblue Pro\n- Campaign Monitor\n- Zoho Campaigns\n- MailerLite Classic\n"
    "- Le module Wix Ascend"
)
SPONSORS = (
    "Merci à nos soutiens • Conseil départemental du Finistère • Ville de Douarnenez "
    "• Crédit Mutuel de Bretagne • Radio Kerne • Le Télégramme • Biscuiterie Penven"
)
# a bike-hire company's strengths as a slide would hold them: traits, not names
TRAITS = (
    "Atouts de Vélocité Lyon • Flotte récente • Stations bien situées • Application simple "
    "• Tarifs lisibles • Équipe réactive • Bonne réputation locale"
)
# items of one plain word cannot tell a brand from a trait
SINGLE = "Nos atouts • Qualité • Proximité • Fraîcheur • Conseil • Fidélité"

WORKED = (
    "📌 Exemples Concrets 1. Boulangerie Charges fixes : 3 000 €/mois (loyer, salaires). "
    "Taux de marge : 60 %. Seuil = 3 000 / 0,6 = 5 000 €/mois 2. Salon de coiffure "
    "Charges fixes : 4 200 €/mois Taux de marge : 70 %. Seuil = 4 200 / 0,7 = 6 000 €/mois"
)
# the same title before a real case that the sentence names
REAL = (
    "Exemples Concrets : en 2023, la Boulangerie Kerhervé de Quimper a couvert ses charges "
    "fixes de 3 000 € par mois dès le 18 du mois, avec une marge sur coût variable de 60 %."
)


def test_a_list_of_names_is_told_from_a_grid_of_traits() -> None:
    assert keyword_list(TOOLS) and lists_names(TOOLS)
    assert keyword_list(SPONSORS) and lists_names(SPONSORS)
    assert keyword_list(TRAITS) and not lists_names(TRAITS)
    assert keyword_list(SINGLE) and not lists_names(SINGLE)


def test_support_refuses_a_list_of_names_whatever_the_judgment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The judgment (stubbed: present) is not asked: a list of names is absent for any
    target; a grid of traits is still at most partial."""

    class Judge:
        analysis = 0.9

        def __call__(self, *args: object) -> str:
            return "present"

    monkeypatch.setattr(judged_module, "passage_judge", lambda *a: Judge())
    email = support(TOOLS, REF.checkpoint("campagne_web"), "medias_sociaux", others=OTHERS)
    assert email.status == "absent"
    press = support(SPONSORS, REF.checkpoint("relations_presse"), others=OTHERS)
    assert press.status == "absent"
    assert support(TRAITS, REF.checkpoint("swot"), "forces", others=OTHERS).status == "partial"


def test_a_title_in_title_case_announces_made_up_examples() -> None:
    units = [u for u in passage_units(WORKED) if u.kind != "heading"]
    assert invented_case(units, examples=True) == frozenset(u.index for u in units)
    # in a dossier (no examples read alone) nothing is set aside
    assert not invented_case(units)


def test_a_real_case_after_the_title_is_kept() -> None:
    units = [u for u in passage_units(REAL) if u.kind != "heading"]
    assert not invented_case(units, examples=True)


def test_support_refuses_the_worked_examples() -> None:
    seuil = REF.checkpoint("seuil_rentabilite")
    assert support(WORKED, seuil, others=OTHERS).status == "absent"
    assert support(REAL, seuil, others=OTHERS).status != "absent"
