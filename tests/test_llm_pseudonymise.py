# ruff: noqa: E501  (dossier prose: one paragraph per line)
"""Pseudonymisation, checked where it matters: on the request log of a scripted
OpenAI-compatible server on 127.0.0.1, after a real DOCX dossier went through the review and
the tutor with the real openai client. Every name, address, number and handle below is
invented for this test."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.pseudonymise import Pseudonymiser
from assistant.services import build_services
from assistant.settings import Settings
from assistant.textnorm import fold
from eval.docbuild import Heading, PageBreak, Paragraph, build_docx
from tests.llm_server import ScriptedLLM

COVER = [
    Heading("Atelier Cirelle : relancer une marque de bougies artisanales", 1),
    Paragraph("Mémoire professionnel présenté par Maëlle Kervran-Duault"),
    Paragraph("Tutrice : Mme Ysaline Froment"),
    Paragraph("Maître d'apprentissage : M. Gaspard-Hugo Vasseur"),
    PageBreak(),
]
BODY = [
    Heading("2. Analyse PESTEL", 1),
    Paragraph(
        "Sur le plan économique, KERVRAN-DUAULT Maëlle a relevé que la cire de soja a augmenté de 14 % en 2024, ce qui réduit la marge de Cirelle ; ysaline froment a validé ce chiffre avec le fournisseur."
    ),
    Paragraph(
        "Sur le plan légal, gaspard-hugo vasseur rappelle que la loi Agec impose à Cirelle de supprimer ses emballages plastiques d'ici 2025, ce qui renchérit ses coûts de 6 %."
    ),
    Heading("3. Plan de communication", 1),
    Paragraph(
        "Le plan de communication de Cirelle vise 2 000 abonnés en six mois : Maëlle Kervran Duault publie trois fois par semaine sur @cirelle.atelier et instagram.com/maelle.kd, relayée par linkedin.com/in/maelle-kervran-duault."
    ),
    Paragraph(
        "Les messages sont validés par Théo Lagarrigue, chef de rayon chez Maison Orfila, et par sa collègue Inès BOUAZZA ; la cliente romane delaunay-ferrand a testé la campagne."
    ),
    # written as a dossier writes contacts: a bare list of obfuscated addresses and numbers
    # reads as suspect to the learned injection reading, and would then never be sent at all
    Paragraph(
        "Sur sa page contact, Cirelle donne les adresses de l'équipe du plan de communication : maelle.kd [at] proton [dot] me et g.vasseur(at)cirelle-atelier.fr ; la tutrice répond à ysaline point froment at gmail point com."
    ),
    Paragraph(
        "Les numéros de l'atelier sont le +33 (0)6 47 58 69 70, le 0033 6 11 29 38 47, le +41 76 555 12 34 en Suisse, le +32 471 98 76 54 en Belgique, le 06.47.58.69.70 et le +44 7700 900123 au Royaume-Uni."
    ),
    Heading("Signature", 1),
    Paragraph("Fait à Nantes, le 14 juin 2025"),
    Paragraph("Bérangère Olivetti"),
]
NAMES = [
    "Maëlle",
    "Kervran",
    "Duault",
    "Ysaline",
    "Froment",
    "Gaspard",
    "Vasseur",
    "Lagarrigue",
    "Bouazza",
    "Delaunay",
    "Ferrand",
    "Bérangère",
    "Olivetti",
]
CONTACTS = [
    "maelle.kd",
    "proton",
    "g.vasseur",
    "cirelle-atelier.fr",
    "gmail",
    "@cirelle.atelier",
    "instagram.com",
    "linkedin.com",
]
PHONES = [
    "+33 (0)6 47 58 69 70",
    "0033 6 11 29 38 47",
    "+41 76 555 12 34",
    "+32 471 98 76 54",
    "06.47.58.69.70",
    "+44 7700 900123",
]


def digits(text: str) -> str:
    """Digit runs joined across the separators of a phone number."""
    return re.sub(r"(?<=\d)[\s.\-()/]+(?=\d)", "", text)


def national(phone: str) -> str:
    """The subscriber part of a phone number (its last nine digits, or eight)."""
    only = re.sub(r"\D", "", phone)
    return only[-9:] if len(only) >= 11 else only[-8:]


def assert_no_personal_data(log: str) -> None:
    folded = fold(log)
    for name in NAMES:
        assert fold(name) not in folded, name
    for contact in CONTACTS:
        assert fold(contact) not in folded, contact
    joined = digits(log)
    for phone in PHONES:
        assert national(phone) not in joined, phone


def echo(request: dict[str, object]) -> str:
    """A model that answers in the project's schema and copies nothing."""
    return json.dumps(
        {
            "status": "partial",
            "elements": [],
            "quotes": [],
            "rationale": "Analyse partielle.",
            "recommendation": None,
            "injection": None,
        }
    )


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_docx([*COVER, *BODY], tmp_path_factory.mktemp("docx") / "cirelle.docx")


def test_the_review_sends_no_personal_data(dossier: Path, tmp_path: Path) -> None:
    with ScriptedLLM(echo) as server:
        settings = Settings(home=tmp_path, llm={"base_url": server.base_url, "model": "m"})
        result = build_services(settings).review.assess(dossier, "E1")
        log = server.log() + "\n" + "\n".join(server.bodies)
    assert result.engine.mode == "llm" and server.requests
    for placeholder in ("[PERSONNE_", "[EMAIL_", "[TELEPHONE_", "[COMPTE_", "[PROFIL_"):
        assert placeholder in log, placeholder  # the passages were sent, masked
    assert "Cirelle" in log and "loi Agec" in log  # the case itself stays readable
    assert_no_personal_data(log)


def test_the_tutor_sends_no_personal_data(dossier: Path, tmp_path: Path) -> None:
    with ScriptedLLM(lambda _: "Le plan est décrit [p. 2].") as server:
        settings = Settings(home=tmp_path, llm={"base_url": server.base_url, "model": "m"})
        services = build_services(settings)
        indexed = services.index_dossier(services.ingest(dossier))
        services.tutor.answer(
            "Comment Maëlle Kervran-Duault et ysaline froment ont-elles bâti le plan de communication ?",
            indexed,
        )
        log = server.log() + "\n" + "\n".join(server.bodies)
    assert server.requests and "[PERSONNE_" in log
    assert_no_personal_data(log)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "Rédigé par Anouk Vidalenc-Ribes.\n\nANOUK VIDALENC RIBES présente ici son projet.",
            "vidalenc",
        ),
        ("Tuteur : corentin marsollier\n\nMarsollier a suivi la mission.", "marsollier"),
        ("Présenté par Anouk TESTARD.\n\nanouk testard remercie l'équipe.", "testard"),
        ("Écrire à p.ravaux [at] wanadoo [dot] fr pour le devis.", "ravaux"),
        ("Écrire à p_ravaux(@)orange.fr pour le devis.", "ravaux"),
        ("Appeler le +33 (0)7 12 98 44 31 ou le 0033 7 12 98 44 31.", "712984431"),
        ("Appeler le +41 79 310 22 87 (Genève).", "793102287"),
        ("Suivre @atelier_ravaux et tiktok.com/@ravaux.p sur les réseaux.", "ravaux"),
        ("Lu et approuvé\nGwendoline Auzanneau", "auzanneau"),
    ],
)
def test_each_form_is_masked(text: str, secret: str) -> None:
    masked = Pseudonymiser.for_text(text).mask(text)
    assert secret not in digits(fold(masked)), masked


def test_case_words_and_tool_names_are_kept() -> None:
    text = (
        "Rédigé par Lucie Marnat.\n\nL'analyse PESTEL et les forces de Porter montrent que la "
        "pierre de Bourgogne et la rose de Provence plaisent à Paris ; Marnat le confirme. Le "
        "nombre de clients nomades de l'Atelier Nomade a doublé, contactez-nous."
    )
    masked = Pseudonymiser.for_text(text).mask(text)
    kept_words = ("PESTEL", "Porter", "pierre de Bourgogne", "rose de Provence", "Paris")
    for kept in (*kept_words, "nombre de clients nomades", "Atelier Nomade", "contactez"):
        assert kept in masked
    assert "Lucie" not in masked and "Marnat" not in masked
