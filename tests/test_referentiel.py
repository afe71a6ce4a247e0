"""The référentiel data (referentiel/*.yaml) and its loader, checked against the seed (the
PDF text of the référentiel) and the checkpoint spec that sit in ../shared (skipped without it,
unless DOSSIER_REVIEW_REQUIRE_SEED=1)."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from assistant.errors import ReferentielError, UnknownEpreuveError, UnknownIdError
from assistant.referentiel.loader import load_referentiel
from assistant.referentiel.models import Referentiel
from assistant.services import build_services
from assistant.settings import Settings
from assistant.textnorm import fold
from tests.dossiers import EPREUVE_IDS
from tests.seedtext import SPEC_PATH, Seed, align, load_seed, require_shared, words

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "referentiel"


@pytest.fixture(scope="module")
def ref() -> Referentiel:
    return load_referentiel(DATA)


@pytest.fixture(scope="module")
def seed() -> Seed:
    return load_seed()


@pytest.fixture(scope="module")
def spec() -> list[dict[str, object]]:
    checkpoints: list[dict[str, object]] = yaml.safe_load(
        require_shared(SPEC_PATH).read_text("utf-8")
    )["checkpoints"]
    return checkpoints


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "referentiel"
    shutil.copytree(DATA, copy)
    return copy


def _failures(seed: Seed, texts: dict[str, str], *, strict: bool = True) -> dict[str, object]:
    found = {key: align(seed, text, strict=strict) for key, text in texts.items()}
    return {key: match for key, match in found.items() if match is None or not match.ok}


# ---------- the data loads ----------


def test_data_loads_validates_and_is_complete(ref: Referentiel) -> None:
    assert re.fullmatch(r"\d{4}\.\d+", ref.version)
    assert re.fullmatch(r"[0-9a-f]{64}", ref.content_hash)
    assert [e.id for e in ref.epreuves] == list(EPREUVE_IDS)
    assert [b.id for b in ref.blocs] == ["B1", "B2", "B3", "B4", "B5"]
    assert [o.id for o in ref.blocs[4].options] == ["P1", "P2", "P3"]
    parts = [c.id for c in ref.competencies if c.kind == "epreuve_part"]
    assert parts == ["E5-diagnostic", "E5-written"]
    for option in ("P1", "P2", "P3"):
        assessed = ref.epreuve(f"E5-{option}").competencies
        assert assessed[0] == "E5-diagnostic" and assessed[-1] == "E5-written"


def test_every_seed_competency_and_activity_is_in_the_data(ref: Referentiel, seed: Seed) -> None:
    competency_ids = re.findall(r"(?m)^\s*(C\d+|CP\d-\d)\.?\s+[A-ZÉ]", seed.raw)
    activity_ids = re.findall(r"(?m)^\s*(A\d+|AP\d-\d)\.\s", seed.raw)
    assert len(competency_ids) == 19 + 16
    assert [c.id for c in ref.competencies if c.kind == "competency"] == competency_ids
    assert sorted(a.id for a in ref.activities) == sorted(activity_ids)


def test_competency_texts_are_whole_seed_passages(ref: Referentiel, seed: Seed) -> None:
    # E5-written sums up the second part common to the three options; its words are checked
    # through the E5 épreuve descriptions, which hold the seed text.
    texts = {c.id: c.text for c in ref.competencies if c.id != "E5-written"}
    assert len(texts) == 36
    assert _failures(seed, texts) == {}


def test_criterion_texts_are_whole_seed_passages(ref: Referentiel, seed: Seed) -> None:
    texts = {c.id: c.text for c in ref.criteria}
    assert _failures(seed, texts) == {}


def test_epreuve_descriptions_and_activities_are_seed_passages(
    ref: Referentiel, seed: Seed
) -> None:
    assert _failures(seed, {e.id: e.description for e in ref.epreuves}) == {}
    tasks = {a.id: f"{a.title} {' '.join(a.tasks)}" for a in ref.activities}
    assert _failures(seed, tasks, strict=False) == {}


def test_oracle_rejects_truncated_shortened_or_mangled_texts(ref: Referentiel, seed: Seed) -> None:
    c2 = ref.criteria_for("E1", "C2")[0].text
    c3 = ref.competency("C3").text
    c7 = ref.competency("C7").text
    cp12 = ref.criteria_for("E5-P1", "CP1-2")[0].text
    broken = {
        "last sentence dropped": c2.split(". La problématique")[0] + ".",
        "first words dropped": c7.split(" ", 6)[-1],
        "clause dropped": c7.replace(
            "en sélectionnant des partenaires alignés avec les valeurs RSE de l'entreprise ou "
            "de l'organisation, et ",
            "",
        ),
        "cut where the column breaks": c3.split(" afin d'apprécier")[0] + ".",
        "last list item dropped": cp12.rsplit("\n", 1)[0],
        "words replaced": " ".join(w if i % 6 != 5 else "xyz" for i, w in enumerate(c7.split())),
    }
    for name, text in broken.items():
        assert text != c2 and text != c7
        match = align(seed, text)
        assert match is None or not match.ok, name


def test_every_seed_criterion_is_attached_to_its_competencies(ref: Referentiel, seed: Seed) -> None:
    markers = [
        tuple(m for m in found if m)
        for found in re.findall(r"Pour ((?:C|CP)[\d-]+)(?: et ((?:C|CP)[\d-]+))?", seed.raw)
    ]
    # The seed prints the event criterion on the diffusion channel as "Pour CP3-3": a typo.
    typo = markers.index(("CP3-3",))
    markers[typo] = ("CP2-3",)
    attached = [tuple(c.competencies) for c in ref.criteria if c.competencies[0][0] == "C"]
    assert Counter(attached) == Counter(markers)
    channel = ref.criteria_for("E5-P2", "CP2-3")
    assert len(channel) == 1 and "canal de diffusion" in channel[0].text
    assert channel[0].note is not None and "CP3-3" in channel[0].note


def test_each_option_has_its_own_diagnosis_criterion(ref: Referentiel, seed: Seed) -> None:
    folded = " ".join(seed.words)
    opening = " ".join(words("L'analyse stratégique s'appuie sur un diagnostic stratégique"))
    assert folded.count(opening) == 3
    diagnosis = {e: ref.criteria_for(e, "E5-diagnostic") for e in ("E5-P1", "E5-P2", "E5-P3")}
    assert all(len(found) == 1 for found in diagnosis.values())
    assert "digitalisation" in diagnosis["E5-P1"][0].text
    assert "digitalisation" not in diagnosis["E5-P2"][0].text
    assert diagnosis["E5-P2"][0].text == diagnosis["E5-P3"][0].text


def test_criteria_apply_where_their_competencies_are_assessed(ref: Referentiel) -> None:
    for criterion in ref.criteria:
        possible = {
            e.id for e in ref.epreuves if set(criterion.competencies) <= set(e.competencies)
        }
        assert set(criterion.epreuves) <= possible, criterion.id
    for epreuve in ref.epreuves:
        for competency in epreuve.competencies:
            criteria = ref.criteria_for(epreuve.id, competency)
            assert bool(criteria) == (competency != "E5-written"), (epreuve.id, competency)


def test_no_replacement_character_nor_lost_ligature_in_the_data(ref: Referentiel) -> None:
    for path in DATA.glob("*.yaml"):
        assert "\ufffd" not in path.read_text("utf-8"), path
    exported = json.dumps(ref.export(), ensure_ascii=False)
    assert "\ufffd" not in exported
    # The PDF also lost "tt" ligatures: "metent", "permetent", "ateindre"...
    vocabulary = set(words(exported))
    assert not vocabulary & {"metent", "permetent", "ateindre", "ateinte", "prestaires"}


# ---------- checkpoints ----------


def test_every_spec_checkpoint_is_present_unchanged(
    ref: Referentiel, spec: list[dict[str, object]]
) -> None:
    for expected in spec:
        checkpoint = ref.checkpoint(str(expected["id"]))
        assert checkpoint.label == expected["label"]
        assert checkpoint.competencies == expected["competencies"]
        assert checkpoint.epreuves == expected["epreuves"]
        assert [e.id for e in checkpoint.elements] == expected.get("elements", [])
    assert {c.id for c in ref.checkpoints} >= {str(c["id"]) for c in spec}


def test_every_checkpoint_and_element_is_explained_and_cued(ref: Referentiel) -> None:
    generic = {"plan", "analyse", "étude", "stratégie", "marketing", "communication"}
    generic |= {"projet", "entreprise", "objectifs", "budget", "marché", "client", "clients"}
    for checkpoint in ref.checkpoints:
        assert len(checkpoint.description) > 60 and len(checkpoint.recommendation) > 60
        assert len(checkpoint.cues) >= 5, checkpoint.id
        assert not {fold(c) for c in checkpoint.cues} & {fold(g) for g in generic}, checkpoint.id
        for cues in [checkpoint.cues, *(e.cues for e in checkpoint.elements)]:
            folded = [fold(c) for c in cues]
            assert len(folded) == len(set(folded)), (checkpoint.id, folded)
        for element in checkpoint.elements:
            assert element.label and element.description and element.cues, element.id


@pytest.mark.parametrize(
    ("where", "cues"),
    [
        ("seuil_rentabilite", ["seuil de rentabilité", "point mort", "CA critique", "break-even"]),
        ("seuil_rentabilite", ["chiffre d'affaires critique"]),
        ("swot", ["SWOT", "matrice SWOT", "FFOM", "AFOM"]),
        ("swot", ["forces faiblesses opportunités menaces"]),
        ("swot/forces", ["forces", "atouts", "points forts"]),
        ("swot/faiblesses", ["faiblesses", "points faibles", "limites internes"]),
        ("swot/menaces", ["menaces", "risques"]),
        ("pestel/politique", ["gouvernement", "réglementation publique", "subventions"]),
        ("pestel/economique", ["inflation", "pouvoir d'achat", "croissance du marché"]),
        ("pestel/socioculturel", ["démographique", "tendances de consommation", "modes de vie"]),
        ("pestel/technologique", ["innovation", "digitalisation", "numérique"]),
        ("pestel/ecologique", ["environnemental", "climat", "empreinte carbone", "RSE"]),
        ("pestel/legal", ["juridique", "loi", "RGPD", "réglementation", "législation"]),
        ("porter/substituts", ["produits de substitution"]),
        ("porter/nouveaux_entrants", ["nouveaux entrants", "barrières à l'entrée"]),
        ("rgaa", ["RGAA", "accessibilité numérique", "contrastes", "textes alternatifs"]),
        ("rgaa", ["navigation au clavier", "lecteur d'écran", "WCAG"]),
        ("gantt", ["GANTT", "rétroplanning", "roadbook", "planning opérationnel", "jalons"]),
        ("gantt", ["diagramme de Gantt"]),
    ],
)
def test_usual_student_wordings_are_cues(ref: Referentiel, where: str, cues: list[str]) -> None:
    checkpoint_id, _, element_id = where.partition("/")
    checkpoint = ref.checkpoint(checkpoint_id)
    owner = next(e for e in checkpoint.elements if e.id == element_id) if element_id else None
    available = {fold(c) for c in (owner.cues if owner else checkpoint.cues)}
    assert {fold(c) for c in cues} <= available


# ---------- lookups ----------


def test_the_arithmetic_checks_serve_the_checkpoints_the_data_names(ref: Referentiel) -> None:
    served = {c.id: c.calculations for c in ref.checkpoints if c.calculations}
    assert served == {
        "structure_couts": ["cost_structure"],
        "seuil_rentabilite": ["breakeven"],
        "plan_tresorerie": ["cash_flow"],
    }


def test_epreuve_lookup_and_unknown_epreuve(ref: Referentiel) -> None:
    assert ref.epreuve("e5-p1").id == "E5-P1"
    with pytest.raises(UnknownEpreuveError) as caught:
        ref.epreuve("E9")
    message = str(caught.value)
    assert "« E9 »" in message and all(e in message for e in EPREUVE_IDS)
    with pytest.raises(UnknownIdError, match="C99"):
        ref.competency("C99")
    with pytest.raises(UnknownIdError, match="nope"):
        ref.checkpoint("nope")
    with pytest.raises(UnknownEpreuveError):
        ref.checkpoints_for("E6")


def test_checkpoints_for_each_epreuve_follow_the_spec(
    ref: Referentiel, spec: list[dict[str, object]]
) -> None:
    for epreuve in EPREUVE_IDS:
        expected = [c["id"] for c in spec if epreuve in c["epreuves"]]  # type: ignore[operator]
        assert [c.id for c in ref.checkpoints_for(epreuve)] == expected
    assert [c.id for c in ref.checkpoints_for("E1", "C3")] == ["swot", "cible_positionnement"]


def test_competencies_and_criteria_for_an_epreuve(ref: Referentiel) -> None:
    assert [c.id for c in ref.competencies_for("E4")] == ["C16", "C17", "C18", "C19"]
    assert [c.id for c in ref.competencies_for("E5-P2")] == [
        "E5-diagnostic",
        *(f"CP2-{n}" for n in range(1, 7)),
        "E5-written",
    ]
    assert [c.id for c in ref.criteria_for("E4")] == ["crit-C16-C17", "crit-C18", "crit-C19"]
    assert [c.id for c in ref.criteria_for("E4", "C17")] == ["crit-C16-C17"]
    assert [c.id for c in ref.criteria_for("E5-P3", "E5-diagnostic")] == ["crit-E5-diagnostic-P3"]


# ---------- invalid data ----------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_checkpoint_pointing_to_a_missing_competency_is_refused(data_copy: Path) -> None:
    _edit(
        data_copy / "checkpoints.yaml",
        "competencies: [C2, E5-diagnostic]",
        "competencies: [C99, E5-diagnostic]",
    )
    with pytest.raises(ReferentielError) as caught:
        load_referentiel(data_copy)
    assert str(caught.value) == (
        "referentiel/checkpoints.yaml : le point de contrôle « pestel » renvoie à la "
        "compétence inconnue « C99 »."
    )


CHECKPOINTS = "checkpoints.yaml"
REFERENTIEL = "referentiel.yaml"


INVALID_IDS = [
    "unknown-checkpoint-key",
    "unknown-element-key",
    "blank-cue",
    "duplicate-checkpoint",
    "duplicate-element",
    "unknown-epreuve",
    "competency-not-assessed",
    "criterion-wrong-epreuve",
    "epreuve-unknown-competency",
    "version-not-text",
    "replacement-character",
    "malformed-yaml",
    "python-tag",
]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            CHECKPOINTS,
            "    note: each factor",
            "    cuez: [PESTEL]\n    note: each factor",
            ["checkpoints.yaml", "« pestel »", "« cuez »", "inconnue"],
        ),
        (
            CHECKPOINTS,
            "        label: Facteur légal\n",
            "        label: Facteur légal\n        colour: red\n",
            ["checkpoints.yaml", "« pestel »", "« legal »", "« colour »"],
        ),
        (
            CHECKPOINTS,
            '"légal", "légale",',
            '"  ", "légale",',
            ["checkpoints.yaml", "« legal »", "cues[0]", "vide"],
        ),
        (
            CHECKPOINTS,
            "  - id: porter\n",
            "  - id: pestel\n",
            ["checkpoints.yaml", "« pestel »", "plusieurs fois"],
        ),
        (
            CHECKPOINTS,
            "      - id: legal\n",
            "      - id: politique\n",
            ["checkpoints.yaml", "« pestel »", "l'élément « politique »"],
        ),
        (
            CHECKPOINTS,
            "    epreuves: [E1, E5-P1, E5-P2, E5-P3]\n",
            "    epreuves: [E1, E7]\n",
            ["checkpoints.yaml", "« pestel »", "l'épreuve inconnue « E7 »"],
        ),
        (
            CHECKPOINTS,
            "    competencies: [C8]\n    epreuves: [E2]",
            "    competencies: [C8]\n    epreuves: [E3]",
            ["checkpoints.yaml", "« reunions_suivi »", "« C8 »", "aucune de ses épreuves"],
        ),
        (
            REFERENTIEL,
            "  - id: crit-C2\n    competencies: [C2]\n    epreuves: [E1]",
            "  - id: crit-C2\n    competencies: [C2]\n    epreuves: [E2]",
            ["referentiel.yaml", "« crit-C2 »", "« E2 »", "n'évalue pas"],
        ),
        (
            REFERENTIEL,
            "    competencies: [C1, C2, C3, C4, C5]",
            "    competencies: [C1, C2, C3, C4, C5, C42]",
            ["referentiel.yaml", "l'épreuve « E1 »", "« C42 »"],
        ),
        (
            REFERENTIEL,
            'version: "2026.1"',
            "version: 2026.1",
            ["referentiel.yaml", "« version »", "texte"],
        ),
        (
            REFERENTIEL,
            "Mesurer l'efficacité de l'événement",
            "Mesurer l'effica\ufffd\ufffdé de l'événement",
            ["referentiel.yaml", "U+FFFD", "ligne"],
        ),
        (
            CHECKPOINTS,
            'cues: ["SWOT", ',
            'cues: ["SWOT", [',
            ["checkpoints.yaml", "YAML", "ligne"],
        ),
        (
            REFERENTIEL,
            'version: "2026.1"',
            "version: !!python/object/apply:os.getcwd []",
            ["referentiel.yaml", "YAML", "ligne"],
        ),
    ],
    ids=INVALID_IDS,
)
def test_invalid_data_is_refused_with_a_clear_french_sentence(
    data_copy: Path, file: str, old: str, new: str, expected: list[str]
) -> None:
    _edit(data_copy / file, old, new)
    with pytest.raises(ReferentielError) as caught:
        load_referentiel(data_copy)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message
    for part in expected:
        assert part in message, (part, message)


def test_invalid_folder_layouts_are_refused(data_copy: Path, tmp_path: Path) -> None:
    (data_copy / "extra.yaml").write_text('version: "9"\n', "utf-8")
    with pytest.raises(ReferentielError, match=r"referentiel\.yaml.*« version ».*extra\.yaml"):
        load_referentiel(data_copy)
    (data_copy / "extra.yaml").write_text("- a list\n", "utf-8")
    with pytest.raises(ReferentielError, match=r"extra\.yaml.*dictionnaire"):
        load_referentiel(data_copy)
    (data_copy / "extra.yaml").unlink()
    text = (data_copy / REFERENTIEL).read_text("utf-8")
    (data_copy / REFERENTIEL).write_text(text.split("\ncriteria:")[0] + "\n", "utf-8")
    with pytest.raises(ReferentielError, match="« criteria » manque"):
        load_referentiel(data_copy)
    with pytest.raises(ReferentielError, match="introuvable"):
        load_referentiel(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReferentielError, match="aucun fichier YAML"):
        load_referentiel(tmp_path / "empty")


# ---------- hash, cache, services ----------


def test_content_hash_follows_the_bytes_not_the_folder(
    ref: Referentiel, data_copy: Path, tmp_path: Path
) -> None:
    assert load_referentiel(data_copy).content_hash == ref.content_hash
    other = tmp_path / "elsewhere" / "data"
    shutil.copytree(DATA, other)
    assert load_referentiel(other).content_hash == ref.content_hash
    path = other / CHECKPOINTS
    path.write_text(path.read_text("utf-8") + "# one more comment\n", "utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert load_referentiel(other).content_hash != ref.content_hash


def test_loads_are_cached_until_a_file_changes(data_copy: Path) -> None:
    first = load_referentiel(data_copy)
    assert load_referentiel(data_copy) is first
    path = data_copy / REFERENTIEL
    _edit(path, 'version: "2026.1"', 'version: "2026.2"')
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    second = load_referentiel(data_copy)
    assert second.version == "2026.2" and second.content_hash != first.content_hash


def test_services_load_the_configured_referentiel(data_copy: Path, tmp_path: Path) -> None:
    _edit(data_copy / REFERENTIEL, 'version: "2026.1"', 'version: "2026.7"')
    services = build_services(Settings(home=tmp_path / "home", referentiel_dir=data_copy))
    assert services.referentiel.version == "2026.7"
    assert services.referentiel is services.referentiel
