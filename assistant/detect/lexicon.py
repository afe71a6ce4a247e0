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

# A sentence that defines a tool or a notion in general terms rather than applying it: a
# definition verb, or a tool's name as the subject of a verb that says what the tool does
# ("le PESTEL étudie les facteurs...", "la matrice SWOT croise..."), or a textbook subject
# ("une entreprise", "toute organisation").
_TOOLS = (
    r"pestel|pestle|pest|swot|ffom|porter|peso|smart|gantt|rgaa|kpis?|4p|bcg|ansoff|mckinsey"
    r"|(?:5|cinq) forces(?: de porter)?|forces de porter|marketing mix|mix marketing"
    r"|retroplanning|persona|benchmark|chaine de valeur"
    r"|seuil de rentabilite|point mort|plan de tresorerie|storytelling|diagramme"
)
DEFINITION = re.compile(
    r"\b(?:est un (?:outil|modele|cadre|acronyme|instrument|concept|indicateur|document"
    r"|diagramme|tableau)|est une (?:methode|matrice|analyse|technique|approche|demarche|notion"
    r"|grille|representation)|consiste a|consistent a|se definit|designent\b|designe\b"
    r"|se compose(?:nt)? (?:de |d')"
    r"|permet d'(?:analyser|identifier|etudier|evaluer|comprendre)|acronyme de|signifie"
    r"|regroupe les|represente l'ensemble|correspond a l'ensemble|sert a (?:analyser|identifier)"
    r"|on distingue|il existe (?:six|cinq|quatre|trois|plusieurs|differents)|par definition"
    r"|est un (?:style|type|mode) (?:de |d')"
    r"|en theorie|selon (?:michael )?porter|selon kotler|d'apres (?:michael )?porter)"
    rf"|^\W*(?:l'|le |la |les )?(?:analyse |matrice |modele |outil |methode |grille |diagramme"
    rf" |tableau |analyse des |les )?(?:{_TOOLS})\b[^.;:]{{0,30}}?\b(?:etudie|examine|analyse"
    r"|recense|evalue|identifie|distingue|repose|s'interesse|permet|sert|aide|regroupe|comprend"
    r"|se decompose|decompose|mesure|classe|croise|vise|presente|liste|passe en revue|prend en"
    r"|est|sont)\b"
)

# A textbook subject (« une entreprise doit... », « pour une entreprise », « de manière
# générale »): course copy, unless the candidate or the company speaks (« nous récupérons les
# voiles pour une entreprise de maroquinerie ») or a proper name is there (see claims).
GENERIC_SUBJECT = re.compile(
    r"\b(?:(?:d'une|une|toute|chaque) (?:entreprise|organisation|marque|structure|societe)"
    r" (?:doit|peut|cherche)|(?:les|des) entreprises (?:doivent|peuvent)|de maniere generale"
    r"|(?:d'|sur |pour |dans |a )une (?:entreprise|organisation)\b)"
)

# The textbook's authorities on management and motivation, cited by name (« selon Likert »,
# « la grille de Blake et Mouton », « le modèle de Hersey et Blanchard », « la pyramide de
# Maslow »): a sentence that cites one, said by nobody of the case, retells the course. Written
# as the books write them (capitalised); the two surnames common in France only as their pair.
THEORIST = re.compile(
    r"\b(?:Likert|Mintzberg|Maslow|Herzberg|McGregor|Lewin|Tuckman|Belbin|Fayol|Drucker|Vroom"
    r"|Goleman|K[uü]bler-Ross|Blake (?:et|&) Mouton|Hersey (?:et|&) Blanchard)\b"
)

# A line of a table of contents: dot leaders or a trailing page number after spacing.
TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|\s{3,}\d{1,3}\s*$|\t\d{1,3}\s*$)")

# A sentence that announces what the dossier or the candidate will do rather than doing it
# (an analysis, a study, an audit, a test promised for later).
_STUDY = (
    r"(?:une |un |l'|le |la |les |des |notre |nos )?(?:etude|enquete|audit|analyse|test|tests"
    r"|questionnaire|sondage|bilan|diagnostic|calcul|benchmark|evaluation|verification)"
)
ANNOUNCE = re.compile(
    r"\b(?:nous (?:allons|verrons|presenterons|analyserons|realiserons|etudierons|aborderons"
    r"|detaillerons|developperons)"
    r"|sera (?:presente|analyse|realise|etudie|aborde|detaille|developpe)e?s?|seront (?:presente"
    r"|analyse|realise|etudie|aborde|detaille|developpe)e?s?"
    r"|dans (?:la|une) (?:partie|section) suivante)\b"
    rf"|\b(?:nous|je|on) (?:realiserons|menerons|conduirons|ferons|lancerons|effectuerons"
    rf"|realiserai|menerai|ferai|prevoyons de|prevois de|envisageons de|envisage de|comptons"
    rf"|souhaitons|aimerions|voudrions|pourrions|devrons|devrions) (?:(?:realiser|mener"
    rf"|conduire|faire|lancer|effectuer) )?{_STUDY}\b"
    rf"|\b{_STUDY} (?:sera|seront|pourra|pourrait|devra|devrait) (?:etre )?(?:realisee?s?|menee?s?"
    r"|conduite?s?|faite?s?|lancee?s?|effectuee?s?)\b"
    r"|\b(?:ulterieurement|prochainement|a une date ulterieure|plus tard dans l'annee)\b"
    r"|\b(?:nous|je|on) (?:prevoyons|prevois|prevoit|envisageons|envisage|comptons|compte"
    r"|souhaitons|aimerions|projetons) (?:de |d')"
    r"|\b(?:nous|je|on) (?:pensons|pense|voulons|veux|veut) [a-z]+(?:er|ir|re)\b"
    r"|\b(?:les |nos |la |notre )?prochaines? etapes?\b"
    r"|\bil faudra\b|\bil conviendra\b|\bsera (?:construite?|etablie?|mise? en place"
    r"|elaboree?|redigee?|definie?|formalisee?|menee?|realisee?|calculee?|chiffree?"
    r"|conduite?)\b|\bseront (?:construite?s|etablie?s|mise?s? en place|elaboree?s|redigee?s"
    r"|definie?s|formalisee?s|menee?s|realisee?s|calculee?s|chiffree?s|conduite?s)\b"
    r"|\bil est (?:prevu|envisage|question) (?:de |d')(?:etudier|reflechir|examiner|evaluer"
    r"|analyser)\b"
    r"|\b(?:il est prevu|est prevue?s?|sont prevue?s?) de (?:realiser|mener|faire|lancer)"
    r" (?:une|un|des) (?:etude|enquete|audit|analyse|test|questionnaire|sondage)"
)

# Work that is scheduled, postponed or left blank rather than done: « des entretiens sont
# programmés pour janvier », « nous prévoyons un questionnaire », « un questionnaire pourrait
# être envoyé », « la réunion a été reportée à janvier », « calcul à compléter ». A study, a
# survey or a meeting counts once held; saying when it will be (or that it moved) tells none.
_WORK = (
    r"(?:etudes?|enquetes?|audits?|analyses?|tests?|questionnaires?|sondages?|bilans?"
    r"|diagnostics?|calculs?|benchmarks?|evaluations?|verifications?|entretiens?|interviews?)"
)
_MOVED = r"(?:reportee?s?|repoussee?s?|ajournee?s?)"
LATER = re.compile(
    rf"\b{_WORK}\b[^.;]{{0,80}}\b(?:est|sont) (?:prevue?s?|programmee?s?|planifiee?s?)"
    r" (?:pour|en|au|a|le|la|d'ici|dans|sur)\b"
    r"|\b(?:nous|je|on) (?:prevoyons|prevois|prevoit|envisageons|envisage|planifions"
    r"|programmons|programme) (?:aussi |egalement |ensuite )?"
    rf"(?:un|une|des|le|la|les|l') ?{_WORK}\b"
    rf"|\b{_WORK}\b[^.;]{{0,60}}\b(?:pourra|pourront|pourrait|pourraient|devra|devront"
    r"|devrait|devraient) (?:etre )?[a-z]+(?:e|i|u)e?s?\b"
    rf"|\b(?:a|ont|avait|avaient) ete {_MOVED} (?:a|au|aux|en|sine die)\b"
    rf"|\b(?:est|sont) {_MOVED} (?:a|au|aux|en)\b"
    r"|\b(?:avait|avaient) ete envisagee?s?\b"
    r"|\ba completer\b|\bdans (?:le|notre) backlog\b"
    # left blank: « à définir avec le gérant », « à faire après les trois premiers mois »
    r"|^\W*(?:a (?:definir|determiner|preciser|voir|faire|rediger|chiffrer|fixer)|tbd|todo"
    r"|to be (?:completed|done|defined))\b"
)

# Words of a textbook sentence: what a notion is or does in general. They void a sentence only
# when it holds nothing of the case (no name, no « nous », no figure): see claims.GENERIC.
GENERIC = re.compile(
    r"\bpermet(?:tent)? (?:de |d')(?:mesurer|comparer|suivre|analyser|identifier|comprendre|evaluer"
    r"|anticiper|visualiser|planifier|prevoir|connaitre|determiner|savoir|definir|reperer"
    r"|piloter|controler|verifier|calculer|formaliser|organiser|structurer)"
    r"|\bconcerne(?:nt)? (?:l'|le |la |les )|\blorsqu(?:e |')|\bon parle (?:de|d')|\bon appelle"
    r"|\bselon le referentiel|\bdecompose\b|\bles principa(?:ux|les) \w+(?: \w+)? sont\b"
    r"|\best (?:favorable|defavorable)\b|\bil (?:est|convient|faut) (?:important |essentiel"
    r" |necessaire |conseille )?(?:de |d')|\ben general\b|\bgeneralement\b|\bsont nombreux\b"
    r"|\bdoit (?:etre|permettre|comporter|contenir|presenter)|\bdoivent (?:etre|permettre)"
    r"|\bl'entreprise (?:dispose|doit|peut)|\bune bonne\b|\bplusieurs (?:techniques|outils"
    r"|methodes|types)|\bexistent\b|\bregroupe(?:nt)?\b|\bsert a\b|\bservent a\b"
    # « X est l'ensemble des... », « les principaux indicateurs d'audience sont... »
    r"|\b(?:est|sont) l'ensemble (?:des|de|du)\b"
    r"|\bles principa(?:ux|les) \w+(?: (?:de|du|des) \w+| d'\w+)? sont\b"
)

# The same, at the opening of a sentence (read with ``match``, kept apart so that GENERIC's
# search still skips quickly to its first letters): a generic subject that « permet de »
# (« Les tableaux de bord permettent de présenter... », « Une étude de marché permet de... »),
# a term given with its synonym in passing (« le style directif (ou autoritaire) : ... »).
GENERIC_OPENING = re.compile(
    r"\W*(?:les |le |la |l'|une |un |des )(?:[\w'-]+ ){0,7}?permet(?:tent)? (?:de |d')"
    r"|\W*(?:l'|le |la |les )[^(.;:]{1,50}\((?:ou |aussi appelee?s? |dite?s? )"
)

# A passage that sends the reader elsewhere instead of treating the topic.
REFERENCE = re.compile(
    r"\bvoir (?:la |le |les |l')?(?:partie|section|annexe|swot|pestel|porter|ci-dessus"
    r"|ci-dessous|plus haut|plus bas|page|p\.)|\brenvoye?e?s? (?:a|en) (?:la soutenance|l'oral"
    r"|l'annexe)|\b(?:presente|detaille|aborde)e?s? (?:a|lors de|pendant) (?:la soutenance|l'oral)"
    r"|\blors de (?:la soutenance|l'oral)"
)

# A hypothetical or a regret ("si je devais refaire...", "il aurait fallu"): not done.
HYPOTHETICAL = re.compile(
    r"\b(?:si (?:je|nous|on) (?:devais|devions|devait|pouvais|pouvions|refaisais|refaisions)"
    r"|il aurait fallu|il faudrait|j'aurais (?:du|pu|aime)|nous aurions (?:du|pu)"
    r"|je regrette de ne|nous regrettons de ne"
    r"|on aurait (?:du|pu))\b"
)

# A made-up case set up to illustrate a method (« Supposons une crêperie… », « prenons le cas
# d'un magasin », « une PME fictive »): what follows is about an invented business, not about the
# case studied. An indefinite business only: « notre campagne fictive » is the case's own plan.
INVENTED = re.compile(
    r"\b(?:(?:supposons|imaginons|admettons) (?:qu'|que l')?(?:une?|on)"
    r"|prenons (?:l'exemple|le cas) d'une?"
    r"|une? (?:[a-z-]+ ){1,2}?(?:fictif|fictive|imaginaire|hypothetique|inventee?))\b"
    # a textbook's placeholder business (« l'entreprise ABC », « la société XYZ », « une PME
    # lambda »): the name says the case is made up
    r"|\b(?:entreprise|societe|marque|enseigne|pme|boutique|start-?up|firme|magasin)"
    r" (?:abc|xyz|lambda)\b"
)

# A worked example announced as such at the opening of a sentence (« Exemple de calcul : »,
# « Exemples pratiques », « Exemple concret : »). Read alone, with no voice of the case, it is a
# method shown on whatever business follows; in a dossier the same words may open the case's
# own example, so only a passage read alone takes it as invented (``claims.invented_case``).
EXAMPLE_OPENING = re.compile(r"\W*exemples?\b(?!\s+(?:de |d')?(?:notre|nos|mon|ma|mes)\b)")

# A wish in the conditional (« j'aimerais un article dans la presse locale »): when the same
# sentence says it is not done, the whole sentence is taken back.
WISH = re.compile(
    r"\b(?:j'aimerais|nous aimerions|on aimerait|je souhaiterais|nous souhaiterions"
    r"|je voudrais|nous voudrions|on voudrait|l'idee serait|il serait (?:bien|utile|interessant))\b"
)

# A clause saying the candidate did not do something ("nous n'avons pas établi de plan de
# trésorerie", "je regrette de ne pas avoir...", "n'a pas été prise en compte"): what it names
# is neither evidence nor mention. First person or the passive of a doing verb only: "les
# clients n'ont pas de pouvoir de négociation" is an analysis, not a denial.
_DOING = (
    r"(?:pris|realise|fait|etabli|calcule|mis|prevu|defini|formalise|elabore|mene|evalue|traite"
    r"|aborde|analyse|etudie|redige|construit|chiffre|organise|teste|lance|conduit|effectue"
    r"|mesure|suivi|planifie|termine|finalise|valide|deploye|envoye|diffuse|programme|tenu"
    r"|installe|cree|mis en place|mis en oeuvre|date|fixe|identifie|verifie|audite|engage"
    r"|arrete|decide|choisi|demande|contacte|sollicite|signe|commande|publie|recrute|consulte"
    r"|interroge|collecte|recueilli|entame|commence|communique|partage)e?s?"
)
_ADVERB = r"(?:(?:donc|finalement|malheureusement|vraiment|meme|toujours|encore) )?"
_DOING_ANY = (  # any participle in -é, or a common irregular one
    r"(?:\w{3,}e|fait|mis|pris|prevu|recu|obtenu|tenu|conduit|ecrit|dit|fini|choisi|suivi)e?s?"
)
# What a dossier says it lacks to do its work (« le site ne dispose d'aucun outil de mesure »):
# the means of a step, not a fact of the market (« les clients n'ont aucun pouvoir »).
_MEANS = (
    r"(?:outil|outils|logiciel|logiciels|tableau|tableaux|indicateur|indicateurs|donnee|donnees"
    r"|budget|suivi|plan|audit|procedure|processus|retour|retours|mesure|mesures|chiffre"
    r"|chiffres|statistique|statistiques|enquete|questionnaire|document|charte|calendrier)\b"
)
_WORK_MEANS = (  # the work a step needs, beside ``_MEANS``
    r"(?:etudes?|enquetes?|audits?|analyses?|tests?|questionnaires?|sondages?|bilans?"
    r"|diagnostics?|calculs?|benchmarks?|evaluations?|entretiens?|reunions?|indicateurs?|kpis?)"
)
NOT_DONE = re.compile(
    rf"\b(?:nous n'avons|je n'ai|on n'a|nous n'avions|je n'avais|on n'avait) {_ADVERB}"
    rf"(?:pas|jamais|rien|aucun|aucune|{_DOING_ANY} (?:aucun|aucune))\b"
    rf"|\b(?:ne (?:dispose|disposent|disposait|disposaient|possede|possedent|possedait)"
    rf"|n'(?:a|ont|avait|avaient|existe|existait|y a|y avait)) (?:encore |toujours |donc )?"
    rf"(?:d'aucune?|aucune?|pas d'|pas de|plus d'|plus de|jamais d'|jamais de)"
    rf" (?:\w+ )?{_MEANS}"
    rf"|\b(?:aucun|aucune|rien|personne)\b[^.;:]{{0,60}}\bn'(?:a|ont|avait|avaient) {_ADVERB}"
    r"(?:pu|su)\b"
    r"|\b(?:rien|personne)\b(?<!\bsi rien)(?<!\bsi personne)[^.;:]{0,60}\bn'(?:a|est|etait)"
    r" (?:encore )?(?:ete )?"
    rf"{_DOING_ANY}\b"
    r"|\bne pas avoir\b|\bsans avoir\b"
    rf"|\bn'(?:a|ont|avait|avaient|est|sont|etait|etaient) (?:pas|jamais|toujours pas)"
    rf" {_ADVERB}(?:encore )?(?:(?:pu|su) (?:etre )?|ete |eu )?{_DOING}\b"
    rf"|\bn'(?:a|ont|avait|avaient) {_ADVERB}(?:pas|jamais) {_ADVERB}(?:pu|eu le temps"
    r"|eu l'occasion)\b"
    r"|\bn'(?:a|ont|avait|avaient) pas (?:encore )?eu lieu\b"
    rf"|\b(?:aucun|aucune|nul|nulle)\b[^.;:]{{0,60}}\bn'(?:a|ont|avait|avaient|est|sont|etait)"
    rf" {_ADVERB}(?:pu |su )?(?:ete |etre )?{_DOING}\b"
    # with « aucun » as its subject, any participle denies: « aucun dispositif n'a été préparé »
    rf"|\b(?:aucun|aucune|nul|nulle)\b[^.;:]{{0,60}}\bn'(?:a|ont|avait|avaient|est|sont|etait)"
    rf" {_ADVERB}(?:pu |su )?ete {_DOING_ANY}\b"
    rf"|\b(?:aucun|aucune|nul|nulle)\b[^.;:]{{0,60}}\bn'(?:a|ont|avait|avaient) {_ADVERB}pu etre\b"
    r"|\b(?:aucun|aucune)\b[^.;:]{0,60}\b(?:n'est|n'a ete|n'existe|n'etait) (?:encore )?"
    r"(?:prevue?|realisee?|en place|disponible|formalisee?|chiffree?|datee?)\b"
    rf"|\bpas encore (?:ete |pu etre |eu le temps de |eu l'occasion de )?{_DOING}\b"
    rf"|\bpas (?:encore )?ete {_DOING}\b|\bnon (?:encore )?{_DOING}\b"
    r"|\b(?:faute de|par manque de|manque de) (?:temps|moyens|budget|donnees)\b"
    r"|\breste(?:nt)? (?:encore )?a (?:faire|realiser|definir|construire|organiser|mettre"
    r"|calculer|chiffrer|formaliser|mener|lancer|tester|fixer|dater|etablir|planifier)\b"
    r"|\b(?:nous|je|on) (?:n'avons|n'ai|n'a) pas (?:encore )?(?:eu|pu|su|trouve|reussi)\b"
    r"|\b(?:nous|je|on) ne (?:l'avons|l'ai|les avons|les ai) pas\b"
    r"|\bn'(?:a|ont) pas ete (?:traitee?s?|abordee?s?|faite?s?|realisee?s?|approfondie?s?)\b"
    r"|\b(?:nous|je|on) (?:n'avons|n'ai|n'a) (?:donc )?(?:rien|pas) (?:prevu|fait|approfondi"
    r"|traite|aborde|realise)\b|\baucune? \w+ ne s'est\b"
    # spoken French drops the « ne »: « on a pas fait de rétroplanning », « j'ai pas eu le temps »
    rf"|\b(?:on|nous|j'|je|il|ils|elle|elles) ?(?:a|ai|avons|avait|avais|avions|ont|avaient)"
    rf" {_ADVERB}(?:pas|jamais|rien) {_ADVERB}(?:eu le temps|eu l'occasion"
    rf"|(?:pu|su) (?:etre )?\w+|(?:ete )?{_DOING})\b"
    # a line that opens on its own denial: « Pas réalisé : ... », « Pas fait (faute de temps) »
    rf"|^\W*(?:pas|jamais) (?:encore )?(?:ete )?{_DOING}\b"
    # « pas de suivi pour le moment », « pas encore de questionnaire »: none of the means of
    # a step, yet (« pas de concurrent direct pour le moment » is a fact of the market)
    rf"|^\W*pas (?:encore )?(?:de|d') ?(?:\w+ )?(?:{_MEANS}|{_WORK_MEANS}\b)[^.;:,]{{0,30}}"
    r"\b(?:pour le moment|pour l'instant|a ce jour|pour l'heure)\b"
    rf"|^\W*pas encore (?:de|d') ?(?:\w+ )?(?:{_MEANS}|{_WORK_MEANS}\b)"
    r"|\bpas (?:encore )?ete possible\b"
    # English, in mixed French-English dossiers
    r"|\b(?:we|i|they) (?:did not|didn't|have not|haven't|could not|couldn't|never) \w+"
    r"|\b(?:was|were|has|have|is|are) not (?:yet )?(?:been )?(?:done|carried out|checked"
    r"|measured|tested|started|set up|made|run)\b|\bnot done\b"
)

# A clause that takes back the whole sentence it ends, pointing back at what it announced
# (« nous avions envisagé de contacter deux créatrices, mais cela n'a pas été fait »).
DENIED_BACK = re.compile(
    r"^(?:mais |et )?(?:cela|ce|ca|ceci) (?:n'a|n'ont|ne s'est|ne se sont|n'a finalement)"
    r" (?:pas|jamais|finalement pas) (?:encore )?(?:pu )?(?:ete |se faire|eu lieu|abouti|fait"
    r"|realise|possible|etre fait)"
)

# The value of a labelled line that says the entry is empty (« Paid : – », « Earned : pas
# encore », « Légal : néant »), folded, without its final punctuation.
EMPTY_VALUES = frozenset(
    {
        "neant", "rien", "aucun", "aucune", "pas encore", "pas fait", "non", "non fait",
        "n/a", "na", "nc", "ras", "a definir", "a venir", "a voir", "a completer", "a faire",
        "plus tard", "on verra", "tbd", "todo", "none", "nothing", "not yet", "nil",
    }
)  # fmt: skip

# Work told in the future or as a plan (folded text): a simple future in the first person
# (« nous mesurerons », « je ferai »), a near future (« nous allons installer »), « sera /
# seront / pourra / devra ... » and what is « prévu » or « à venir ». Where the criterion asks
# for work done (an audit, a measure, a review), such a sentence holds none of it.
PLANNED = re.compile(
    r"\b(?:nous|on) (?:\w+ ){0,2}?\w{2,}(?:erons|irons|rons|drons)\b"
    r"|\b(?:je|j') ?(?:\w+ ){0,2}?\w{2,}(?:erai|irai|rai|drai)\b"
    r"|\b(?:nous allons|je vais|on va|vont|va) (?:\w+ )?(?:etre )?[a-z]+(?:er|ir|re)\b"
    r"|\b(?:sera|seront|pourra|pourront|devra|devront|fera|feront|aura lieu|auront lieu)\b"
    r"|\b(?:il est|est|sont) prevue?s?\b|\bprevue?s? (?:a|au|aux|en|pour|le|la|lors|apres|des"
    r"|d'ici|dans|chaque|tous|toutes)\b|\ba venir\b|\bune fois (?:que |le |la |les |l')"
)
# Work told as done: a compound past with « avoir » or « être » (« nous avons mesuré », « a
# été réalisé »), « déjà », or what was found (« constaté », « obtenu »). Not « réalisé »,
# which is also the noun of « le prévu et le réalisé ».
DONE_PAST = re.compile(
    r"\b(?:j'ai|nous avons|on a|ils ont|elles ont|nous avions|j'avais|on avait)\b"
    r"|\b(?:a|ont|avait|avaient|avons|ai) (?:deja |bien |aussi |egalement )?ete\b"
    r"|\bdeja\b|\bconstatee?s?\b|\bobtenue?s?\b"
)


# A topic named only to be set aside (« on pourrait parler des nouvelles technologies, mais ce
# n'est pas notre sujet », « la question juridique sort du cadre de ce mémoire »): the sentence
# says the dossier does not treat it (folded text).
DISMISSED = re.compile(
    r"\b(?:ce|cela|ca) n'est pas (?:vraiment |tout a fait |directement )?(?:notre|mon|le)"
    r" (?:sujet|propos|objet)\b"
    r"|\bhors (?:de notre |de mon |du )?sujet\b"
    r"|\bn'(?:entre|entrent|entrait) pas dans (?:le|notre|mon|ce) (?:sujet|perimetre|cadre)\b"
    r"|\bsort(?:ent|ait)? du (?:cadre|perimetre) (?:de|du) (?:ce|cette|notre|mon|ma)\b"
)
