# ruff: noqa: E501  (published prose)
"""A method shown on a made-up business (« prenons le cas d'une librairie imaginaire ») is not
the case studied: the sentence that sets it up and those that carry it on are no evidence, and
a passage whose only case is invented analyses nothing. A real case beside the example keeps
its own sentences."""

from __future__ import annotations

from assistant.detect import support
from assistant.detect.claims import invented_case, void_reason
from assistant.detect.support import passage_units
from assistant.referentiel.loader import load_referentiel
from assistant.settings import Settings

REF = load_referentiel(Settings().referentiel_dir)
OTHERS = list(REF.checkpoints)

BOOKSHOP = (
    "Prenons le cas d'une librairie imaginaire installée en centre-ville. "
    "Ses frais fixes (bail, deux salaires, logiciel de caisse) s'élèvent à 84 000 € par an. "
    "Chaque livre rapporte en moyenne 6,30 € une fois payé l'éditeur, "
    "si bien que 13 334 ventes annuelles suffisent à équilibrer les comptes. "
    "À chaque commerçant ensuite d'adapter la méthode à sa situation."
)


def _sentences(text: str) -> list[str]:
    return [u.text for u in passage_units(text)]


def test_setting_up_a_made_up_business_asserts_nothing_of_the_case() -> None:
    units = passage_units(
        "Admettons qu'un food-truck vende 120 burgers par jour. "
        "Un fleuriste fictif réalise 40 % de son chiffre à la Saint-Valentin."
    )
    assert [void_reason(u) for u in units] == ["hypothetical", "hypothetical"]


def test_a_scenario_in_our_own_voice_is_not_an_invented_business() -> None:
    units = passage_units(
        "Imaginons un client qui arrive sur notre site depuis Instagram : il cherche d'abord les délais de livraison."
    )
    assert void_reason(units[0]) is None
    assert invented_case(units) == frozenset()
    # nor is the case's own plan, even when called fictitious (it is not launched yet)
    plan = passage_units(
        "Campagne fictive « Rentrée zen » : 3 visuels, 2 000 € sur Meta en septembre."
    )
    assert void_reason(plan[0]) is None


def test_the_example_runs_on_until_a_real_case_comes_back() -> None:
    text = BOOKSHOP.replace(
        "À chaque commerçant ensuite d'adapter la méthode à sa situation.",
        "Chez Lire & Rêver, nos charges fixes atteignent 91 000 € : il nous faut 14 450 ventes.",
    )
    units = passage_units(text)
    inside = [units[i].text for i in sorted(invented_case(units))]
    assert inside == _sentences(text)[:3]


def test_a_method_worked_on_an_invented_shop_is_no_break_even_analysis() -> None:
    found = support(BOOKSHOP, REF.checkpoint("seuil_rentabilite"), others=OTHERS)
    assert found.status == "absent"
    costs = support(BOOKSHOP, REF.checkpoint("structure_couts"), "couts_fixes", others=OTHERS)
    assert costs.status == "absent"


def test_a_real_case_beside_the_example_is_still_judged() -> None:
    text = (
        BOOKSHOP
        + " Pour Lire & Rêver, notre librairie de Lannion, les charges fixes atteignent 91 000 € "
        "et la marge moyenne par livre 6,80 € : notre seuil est de 13 383 livres, "
        "soit 37 ventes par jour d'ouverture, contre 41 réalisées en 2024."
    )
    found = support(text, REF.checkpoint("seuil_rentabilite"), others=OTHERS)
    assert found.status != "absent"
