import unicodedata

from assistant.textnorm import fold, nfkc, stems, tokens


def test_fold_strips_accents_and_ligatures() -> None:
    assert fold("Écologique Œuvre") == "ecologique oeuvre"
    assert nfkc("ﬁnancier\u00a0prévisionnel") == "financier prévisionnel"


def test_tokens_remove_french_elisions() -> None:
    assert tokens("L’analyse de l'environnement d'Airbus") == [
        "analyse",
        "de",
        "environnement",
        "airbus",
    ]


def test_stems_unify_inflections() -> None:
    assert stems("concurrents concurrentiel")[0] == stems("concurrent")[0]
    assert stems("analyses")[0] == stems("analyse")[0]


def test_fold_matches_the_character_by_character_definition() -> None:
    """The fast fold (ASCII shortcut, cached translation table) gives exactly what dropping
    every combining mark after NFKD gives, for every character of the first planes."""

    def reference(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.lower())
        kept = "".join(c for c in decomposed if not unicodedata.combining(c))
        return kept.replace("œ", "oe")

    for code in range(0x20, 0x30000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        text = f"A{chr(code)}é{chr(code)}\u0301"
        assert fold(text) == reference(text), hex(code)
    assert fold("Œuvre ÉCOLOGIQUE") == "oeuvre ecologique"
