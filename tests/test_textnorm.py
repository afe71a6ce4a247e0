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
