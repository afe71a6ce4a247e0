# ruff: noqa: E501  (course-page prose)
"""A course page works its method on a business it makes up: a placeholder name (« la société
XYZ »), or a worked example announced as such (« Exemple d'application : salon de coiffure… »)
with neither a proper name nor the case's voice. Read alone, such a passage analyses no case.
The capital of a field's label (« Charges fixes : », « Réaliste | ») is no proper name, so the
example runs on through its figures; a real company named in the example, or « nous », keeps it."""

from __future__ import annotations

from assistant.detect import support
from assistant.detect.claims import _named, invented_case, void_reason
from assistant.detect.support import passage_units
from assistant.referentiel.loader import load_referentiel
from assistant.settings import Settings

REF = load_referentiel(Settings().referentiel_dir)
OTHERS = list(REF.checkpoints)

HAIRDRESSER = (
    "Exemple d'application : Salon de coiffure Charges fixes : 3 200 € par mois "
    "Marge par prestation : 28 € Seuil = 3 200 / 28 = 115 prestations par mois. "
    "Au-delà de la 115e prestation, chaque coupe dégage un bénéfice."
)

PLACEHOLDER = (
    "La société XYZ veut porter ses ventes en ligne de 40 000 à 46 000 € d'ici douze mois. "
    "Pour y parvenir, ses gérants prévoient deux campagnes saisonnières. "
    "Réaliste | La hausse visée suit la croissance du secteur Temporel | Échéance au 30 juin."
)


def test_a_placeholder_business_is_made_up() -> None:
    units = passage_units(PLACEHOLDER)
    assert void_reason(units[0]) == "hypothetical"
    # the example runs on: the label capitals « Réaliste », « Temporel » name nobody
    assert invented_case(units) == frozenset(u.index for u in units)


def test_a_smart_objective_of_a_placeholder_business_is_no_case_objective() -> None:
    cp = REF.checkpoint("objectifs_smart")
    for element in ("specifique", "mesurable", "temporel"):
        assert support(PLACEHOLDER, cp, element, others=OTHERS).status == "absent"


def test_a_worked_example_read_alone_is_no_break_even_analysis() -> None:
    found = support(HAIRDRESSER, REF.checkpoint("seuil_rentabilite"), others=OTHERS)
    assert found.status == "absent"
    costs = support(HAIRDRESSER, REF.checkpoint("structure_couts"), "couts_fixes", others=OTHERS)
    assert costs.status == "absent"


def test_an_example_taken_from_a_named_company_is_a_case() -> None:
    text = (
        "Exemple de réactivité : en mars 2023, Picard a retiré 12 références de ses rayons "
        "en 48 heures après une alerte sanitaire, puis publié chaque jour un point d'étape."
    )
    assert invented_case(passage_units(text), examples=True) == frozenset()


def test_an_example_in_the_case_s_voice_is_a_case() -> None:
    text = "Exemple : notre salon paie 3 200 € de charges fixes par mois, soit 115 prestations à vendre."
    assert invented_case(passage_units(text), examples=True) == frozenset()


def test_an_announced_example_is_invented_only_for_a_passage_read_alone() -> None:
    # in a dossier the same words may open the case's own example
    units = passage_units(HAIRDRESSER)
    assert invented_case(units) == frozenset()
    assert invented_case(units, examples=True) == frozenset(u.index for u in units)


def test_a_label_s_capital_is_no_proper_name_but_a_name_in_the_sentence_is() -> None:
    assert not _named(passage_units("Prix unitaire : 12 € • Coût variable : 5 €")[0])
    assert not _named(passage_units("Mesurable | une hausse de 15 %")[0])
    assert _named(passage_units("Le magasin de Brest vend 12 % de plus que Leroy Merlin.")[0])
