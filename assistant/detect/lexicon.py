"""Word lists that tell analysis from mere mention, on folded (lower-case, unaccented) tokens."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words(
    """
    a au aux avec ce ces cet cette c ca celle celles celui ceux chez comme dans de des du d
    elle elles en et etre est sont etait etaient ete il ils je j la le les l leur leurs lui ma
    mais me meme mes moi mon ne n nos notre nous on ou par pas pour qu que quel quelle quels
    quelles qui sa se ses si son sur ta te tes toi ton tu un une vos votre vous y ainsi aussi
    alors apres avant bien car cependant dont donc deja encore entre ici la lors lorsque or
    parce peu plus moins puis quand sans selon sous tandis tant tout tous toute toutes tres
    trop vers via voici voila avoir ai as avons avez ont avait avaient aura auront sera seront
    fait faire font peut peuvent doit doivent plusieurs chaque autre autres aucun aucune
    certains certaines the of and to in is for on with as an by or be at this that are from
    afin ni oui non ceci cela celui-ci celle-ci etc hui aujourd
    """
)

# Words that talk about the dossier or the method rather than about the case.
META_WORDS = _words(
    """
    analyse analyses analyser analysons analyse realise realiser realisons realisee realisees
    utilise utiliser utilisons utilisee utilisees outil outils matrice matrices methode
    methodes modele modeles etude etudes partie parties section sections chapitre chapitres
    annexe annexes presente presenter presentons presentee presentees suivant suivante suivants
    suivantes ensuite enfin premier premiere second seconde deuxieme troisieme cadre dossier
    document rapport page pages voir figure tableau tableaux schema ci-dessous ci-dessus
    dessous dessus detail detaille detailler permettre permet permettent permettant effectue
    effectuer effectuons mis mise mettre applique appliquer appliquons elabore elaborer
    elaborons approche demarche diagnostic diagnostics element elements facteur facteurs point
    points critere criteres aspect aspects notamment egalement travail travaux nous avons
    allons pouvons aborde aborder abordons traite traiter traitons propose proposer proposons
    realisation utilisation etape etapes objet suite classique classiques celebre connu connue
    different differents differentes divers diverses theorique theoriques grille
    """
)

# Causal, evaluative and quantitative words: signs that the sentence analyses something.
ANALYSIS_MARKERS = _words(
    """
    car donc puisque grace raison consequence consequent cause causes entraine entrainent
    engendre favorise favorisent freine freinent limite limitent impose imposent oblige
    obligent pousse poussent renforce renforcent fragilise menace menacent represente
    representent hausse baisse croissance croit augmentation augmente augmentent diminution
    diminue diminuent recul progression progresse evolution evolue forte fort forts fortes
    faible faibles eleve elevee eleves elevees important importante importants importantes
    majeur majeure majeurs majeures significatif significative significatifs croissant
    croissante stable stagne stagnation concurrence concurrentiel dependance dependant
    opportunite risque risques enjeu enjeux impact impacts avantage avantages inconvenient
    atout atouts frein freins levier leviers tendance tendances depuis alors que tandis
    contrairement cependant toutefois neanmoins pourtant malgre mieux moins plus davantage part
    taux nombre millions milliards milliers moyenne moyen panier chiffre affaires marge prix
    clients consommateurs marche secteur budget cout couts
    """
)

# Small words that link facts by cause or contrast: an argument, though they are stopwords.
LINKS = _words("car donc cependant tandis pourtant toutefois neanmoins")

# A sentence that defines a tool in general terms rather than applying it.
DEFINITION = re.compile(
    r"\b(?:est un (?:outil|modele|modele|cadre|acronyme|instrument|concept)|est une (?:methode"
    r"|matrice|analyse|technique|approche|demarche)|consiste a|se definit|designe|se compose de"
    r"|permet d'(?:analyser|identifier|etudier|evaluer|comprendre)|acronyme de|signifie"
    r"|regroupe les|represente l'ensemble|correspond a l'ensemble|sert a (?:analyser|identifier))\b"
)

# A line of a table of contents: dot leaders or a trailing page number after spacing.
TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|\s{3,}\d{1,3}\s*$|\t\d{1,3}\s*$)")

# A sentence that announces what the dossier will do rather than doing it.
ANNOUNCE = re.compile(
    r"\b(?:nous (?:allons|verrons|presenterons|analyserons|realiserons|etudierons|aborderons)"
    r"|sera (?:presente|analyse|realise|etudie|aborde)e?s?|seront (?:presente|analyse|realise"
    r"|etudie|aborde)e?s?|dans (?:la|une) (?:partie|section) suivante)\b"
)

# A hypothetical or a regret ("si je devais refaire...", "il aurait fallu"): not done.
HYPOTHETICAL = re.compile(
    r"\b(?:si (?:je|nous|on) (?:devais|devions|devait|pouvais|pouvions|refaisais|refaisions)"
    r"|il aurait fallu|il faudrait|j'aurais (?:du|pu|aime)|nous aurions (?:du|pu)"
    r"|je regrette de ne|nous regrettons de ne"
    r"|on aurait (?:du|pu))\b"
)

# A clause saying the candidate did not do something ("nous n'avons pas établi de plan de
# trésorerie", "je regrette de ne pas avoir...", "n'a pas été prise en compte"): what it names
# is neither evidence nor mention. First person or the passive of a doing verb only: "les
# clients n'ont pas de pouvoir de négociation" is an analysis, not a denial.
NOT_DONE = re.compile(
    r"\b(?:nous n'avons|je n'ai|on n'a|nous n'avions|je n'avais|on n'avait) (?:pas|jamais|rien)\b"
    r"|\bne pas avoir\b|\bsans avoir\b"
    r"|\bn'(?:a|ont|avait|avaient) (?:pas|jamais) (?:encore )?ete (?:pris|realise|fait|etabli"
    r"|calcule|mis|prevu|defini|formalise|elabore|mene|evalue|traite|aborde|analyse|etudie"
    r"|redige|construit|chiffre)e?s?\b"
)
