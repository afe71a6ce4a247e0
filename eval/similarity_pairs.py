"""Built pairs for measuring similar-passage detection (eval/similarity.py).

Each case takes one paragraph of a dev-set dossier (``source``, found by its opening words)
and plants it, verbatim (copy) or lightly reworded by hand (rewording), into another dossier
(``target``) of the same épreuve or a neighbouring sector. The rewordings keep the facts and
change the wording a reviewer would change: synonyms, word order, voice, joined sentences.
"""

from __future__ import annotations

from typing import NamedTuple


class Planted(NamedTuple):
    source: str
    opening: str
    target: str
    reworded: str


CASES: tuple[Planted, ...] = (
    Planted(
        "devset/e1-01-herbea-cosmetique-bio.md",
        "Les concurrents directs sont Melvita",
        "heldout/e5p3-02-maison-savonne-entretien.md",
        "Nos concurrents directs sont Melvita (le leader, très présent en pharmacie, avec un prix "
        "moyen de 22 €), Cattier (marque bio historique aux prix bas, autour de 12 €) ainsi que "
        "deux marques régionales : Lavandes de Provence (Drôme provençale, positionnement "
        "tourisme et cadeaux) et Comme Avant (marque solide, zéro déchet, très présente sur "
        "internet). En concurrence indirecte, on trouve les marques naturelles non certifiées "
        "vendues en grande distribution (Garnier Bio, Le Petit Olivier).",
    ),
    Planted(
        "devset/e1-04-camping-pins-argent.md",
        "Pour mieux connaître nos clients, j'ai réalisé un questionnaire",
        "devset/e1-02-pages-vagabondes-librairie.md",
        "Afin de mieux connaître notre clientèle, j'ai mis en place un questionnaire en ligne "
        "adressé par e-mail aux 2 400 clients de la saison 2024. 95 personnes ont répondu (soit "
        "un taux de réponse de 4 %), ce qui reste faible mais suffit à faire ressortir des "
        "tendances.",
    ),
    Planted(
        "devset/e2-03-padel-club-rennes.md",
        "Mathis et Emma filmaient les plus beaux points",
        "heldout/e1-02-prise-libre-escalade.md",
        "Pendant la finale, Mathis et Emma filmaient les plus beaux points afin de les publier "
        "aussitôt en stories, et j'ai animé un court direct sur Instagram, suivi par une "
        "soixantaine de personnes. Le magasin de sport partenaire avait offert des lots aux "
        "vainqueurs (raquettes, sacs et balles), ce qui a beaucoup plu aux joueurs. La remise "
        "des prix a eu lieu vers 18 h en présence du président et d'un élu de la mairie de "
        "Saint-Jacques, qui a prononcé un petit discours sur le développement du sport dans la "
        "commune.",
    ),
    Planted(
        "devset/e3-02-atelier-lumen-evenementiel.md",
        "Les clients versent un acompte de 30 %",
        "devset/e3-04-theatre-des-quais-tournee.md",
        "À la signature, les clients versent un acompte de 30 %, puis le solde 30 jours après le "
        "séminaire ; quant aux domaines, ils sont réglés pour moitié à la réservation et pour "
        "moitié après l'événement. Le plan trimestriel présenté ci-dessous reprend toute "
        "l'activité liée à cette offre.",
    ),
    Planted(
        "devset/e4-01-nuage-metrique-saas.md",
        "Tous les documents sont rédigés en français",
        "devset/e4-02-ateliers-ferrand-mobilier.md",
        "L'ensemble des documents est rédigé en français, avec un résumé en anglais destiné à "
        "Ana, dans un modèle accessible (titres structurés, police lisible, contrastes "
        "contrôlés, textes alternatifs pour les graphiques) afin que tout le monde puisse les "
        "lire, y compris avec un lecteur d'écran. Dès la note de cadrage, nous avons défini les "
        "informations clés à transmettre : l'avancement des jalons, les KPI, les risques et les "
        "décisions attendues.",
    ),
    Planted(
        "devset/e5p1-01-maison-olea-huilerie.md",
        "Avant la mise en ligne du site Shopify",
        "heldout/e5p1-01-fromagerie-bessiere.md",
        "Avant de mettre le site Shopify en ligne, j'ai contrôlé sa conformité aux critères non "
        "techniques du RGAA 4.1 sur un échantillon de 8 pages (accueil, catégorie, trois fiches "
        "produits, panier, commande, contact), à l'aide de la grille d'audit simplifié et des "
        "extensions Wave et Contrast Finder. J'ai relevé 11 non-conformités et j'ai proposé une "
        "correction pour chacune d'elles ; voici les principales :",
    ),
    Planted(
        "devset/e5p1-04-cles-du-lot-immobilier.md",
        "La campagne a aussi eu un effet inattendu",
        "devset/e5p1-02-studio-koan-yoga.md",
        "La campagne a également produit un effet inattendu : deux propriétaires bailleurs nous "
        "ont contactés afin de confier la gestion de leurs logements à l'agence, alors que la "
        "publicité portait uniquement sur la vente. La directrice veut donc prévoir en 2026 une "
        "campagne dédiée à la gestion locative.",
    ),
    Planted(
        "devset/e5p2-03-fabrique-a-sons-concert.md",
        "Contexte juridique. L'organisation d'un concert",
        "devset/e2-01-ondes-claires-festival.md",
        "Contexte juridique. Organiser un concert dans un lieu qui n'est pas un établissement "
        "recevant du public classique suppose des démarches particulières : une autorisation "
        "exceptionnelle d'ouverture au public, le passage de la commission de sécurité, la "
        "licence d'entrepreneur de spectacles, les déclarations à la SACEM et le respect du "
        "décret de 2017 relatif aux niveaux sonores.",
    ),
    Planted(
        "devset/e5p3-02-croc-nature-biscuiterie.md",
        "Trois segments ont été retenus",
        "devset/e5p3-01-lunetterie-brechet-lin.md",
        "Nous avons retenu trois segments : les actifs urbains de 20 à 40 ans qui grignotent au "
        "bureau (segment principal), les sportifs amateurs (segment secondaire, atteint via les "
        "clubs) et les familles soucieuses de leur alimentation (segment d'élargissement, "
        "notamment pour la version salée et le goûter).",
    ),
)
