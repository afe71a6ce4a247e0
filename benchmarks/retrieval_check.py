"""A small French retrieval check: queries made from checkpoint labels (alone, and followed by
référentiel-style cues as detection sends them), each with the one
passage of a realistic 40-page dossier that treats it, among neutral filler and a table of
contents that lists every section title without treating any.

``build_markdown()`` lays out the dossier (Markdown subset of eval/docbuild, page breaks);
``CASES`` gives, for each query, a phrase that only its relevant passage contains, so that
the relevant chunks can be found after ingestion and chunking.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    query: str
    heading: str
    passage: str
    marker: str  # a phrase found only in ``passage``
    cues: str  # référentiel-style French cues: what detection adds to the label

    @property
    def query_with_cues(self) -> str:
        return f"{self.query} : {self.cues}"


CASES: tuple[Case, ...] = (
    Case(
        "Analyse PESTEL : facteur légal et réglementaire",
        "Cadre juridique",
        "Sur le plan juridique, la marque doit respecter la loi Évin, qui interdit toute "
        "publicité incitative pour les boissons alcoolisées, ainsi que le RGPD : chaque envoi "
        "d'e-mail promotionnel suppose le consentement préalable du destinataire. Le Code de la "
        "consommation encadre en outre les allégations « naturel » portées sur l'étiquette.",
        "loi Évin, qui interdit",
        "juridique, loi, réglementation, législation, RGPD",
    ),
    Case(
        "Analyse PESTEL : facteur écologique et environnemental",
        "Enjeux environnementaux",
        "La loi AGEC impose la fin des emballages plastiques à usage unique d'ici 2040 et "
        "pousse les distributeurs vers le vrac. Les consommateurs comparent désormais "
        "l'empreinte carbone des produits, et les épisodes de sécheresse renchérissent "
        "l'approvisionnement en matières premières agricoles.",
        "loi AGEC impose",
        "environnement, climat, écologie, développement durable",
    ),
    Case(
        "Analyse PESTEL : facteur économique",
        "Contexte macroéconomique",
        "Avec une inflation alimentaire de 12 % sur un an, le pouvoir d'achat des ménages "
        "recule et les arbitrages se font au détriment des produits premium. Le taux de "
        "chômage reste stable à 7,3 %, mais la hausse des taux d'intérêt freine "
        "l'investissement des petites entreprises du secteur.",
        "inflation alimentaire de 12 %",
        "croissance, inflation, pouvoir d'achat, conjoncture, chômage",
    ),
    Case(
        "Analyse PESTEL : facteur technologique",
        "Innovations du secteur",
        "Le paiement sans contact et les applications de fidélité mobiles sont devenus la "
        "norme ; l'intelligence artificielle générative permet déjà aux concurrents de "
        "personnaliser leurs recommandations produits en temps réel, tandis que la 5G "
        "facilite le commerce en direct sur les réseaux.",
        "paiement sans contact",
        "innovation, digitalisation, numérique, intelligence artificielle",
    ),
    Case(
        "Matrice des 5 forces de Porter (micro-environnement)",
        "Forces concurrentielles",
        "L'intensité concurrentielle est forte : cinq enseignes se partagent 70 % du marché "
        "local. La menace de nouveaux entrants reste modérée car l'investissement initial est "
        "élevé. Les fournisseurs de cacao, peu nombreux, disposent d'un pouvoir de négociation "
        "important, alors que les clients peuvent facilement se tourner vers des produits de "
        "substitution comme les barres de céréales.",
        "cinq enseignes se partagent",
        "concurrence, nouveaux entrants, substituts, pouvoir de négociation, fournisseurs, clients",
    ),
    Case(
        "Matrice SWOT : forces, faiblesses, opportunités, menaces",
        "Synthèse du diagnostic",
        "Atouts internes : un savoir-faire artisanal reconnu et une équipe fidèle. Points "
        "faibles : une notoriété limitée hors de la région et un site marchand vieillissant. "
        "Côté externe, l'essor du « consommer local » constitue une opportunité, quand "
        "l'arrivée d'un discounter allemand représente la principale menace.",
        "savoir-faire artisanal reconnu",
        "forces, faiblesses, opportunités, menaces, atouts",
    ),
    Case(
        "Problématique issue de l'analyse",
        "Question centrale",
        "Au terme de ce diagnostic, une question s'impose : comment une PME familiale peut-elle "
        "conquérir les 25-35 ans urbains sans perdre la clientèle historique qui fait sa "
        "rentabilité ? C'est à cette interrogation que répondent les recommandations suivantes.",
        "comment une PME familiale",
        "problématique, question centrale, enjeu",
    ),
    Case(
        "Présentation de l'entreprise et de son modèle économique",
        "L'organisation d'accueil",
        "Fondée en 2012 à Nantes, Kerlann emploie 45 salariés et réalise un chiffre d'affaires "
        "de 6,8 millions d'euros. Elle vend des logiciels de réservation aux salles de sport "
        "sous forme d'abonnement mensuel, complété par des prestations de formation facturées "
        "à la journée.",
        "Fondée en 2012 à Nantes",
        "entreprise, organisation, historique, chiffre d'affaires, salariés, modèle économique",
    ),
    Case(
        "Dispositif de veille : outils, sources, analyse et diffusion",
        "Surveiller l'environnement",
        "Chaque matin, des alertes Google et un agrégateur Feedly collectent les articles de "
        "LSA, de Stratégies et des blogs spécialisés ; je trie ces sources selon leur "
        "fiabilité, puis une lettre interne hebdomadaire résume les signaux utiles pour "
        "l'équipe commerciale.",
        "agrégateur Feedly",
        "veille, alertes, sources, newsletter, benchmark",
    ),
    Case(
        "Étude quantitative : questionnaire et échantillon",
        "Enquête auprès des clients",
        "Un questionnaire en ligne de 18 questions a été diffusé du 3 au 24 mars ; nous avons "
        "obtenu 312 réponses exploitables, un échantillon représentatif des acheteurs selon "
        "l'âge et le sexe. 64 % des répondants déclarent acheter au moins une fois par mois.",
        "312 réponses exploitables",
        "questionnaire, échantillon, répondants, enquête, sondage",
    ),
    Case(
        "Étude qualitative : entretiens et verbatims",
        "Ce que disent les clientes",
        "Douze entretiens semi-directifs d'une quarantaine de minutes ont été menés en magasin. "
        "Les propos recueillis sont éclairants : « je viens pour le conseil, pas pour le "
        "prix », confie une cliente fidèle ; une autre regrette « un accueil parfois pressé ».",
        "Douze entretiens semi-directifs",
        "entretiens, verbatims, focus group, semi-directifs",
    ),
    Case(
        "Cible client et positionnement de l'offre",
        "À qui s'adresse l'offre",
        "Notre cœur de cible est composé de jeunes parents actifs de 28 à 40 ans, urbains, "
        "sensibles à la praticité. Face à des concurrents centrés sur le prix, la marque "
        "se place sur le créneau du haut de gamme accessible, avec une promesse de fraîcheur "
        "et de livraison en moins de deux heures.",
        "jeunes parents actifs",
        "cible, persona, segmentation, positionnement, concurrents",
    ),
    Case(
        "Marketing mix (4P) : produit, prix, distribution, promotion",
        "Les leviers de l'offre",
        "La gamme compte trois références vendues entre 4,90 et 7,50 € ; elles sont "
        "commercialisées en boutique, sur le site et chez quarante épiceries partenaires. La "
        "communication s'appuie sur des dégustations en point de vente et des offres de "
        "lancement.",
        "quarante épiceries partenaires",
        "produit, prix, distribution, communication, 4P",
    ),
    Case(
        "Outil de suivi temporel : rétroplanning, diagramme de GANTT",
        "Calendrier du projet",
        "Le calendrier a été construit à rebours à partir de la date du salon, le 14 octobre : "
        "chaque tâche figure sur une barre horizontale avec sa durée, ses dépendances et son "
        "responsable, ce qui permet de repérer le chemin critique et les jalons de validation.",
        "construit à rebours",
        "rétroplanning, GANTT, calendrier, jalons, planning",
    ),
    Case(
        "Prise en compte de la RSE et de l'écoresponsabilité",
        "Démarche responsable",
        "Nous avons mesuré le bilan carbone de l'événement (12 tonnes équivalent CO2), choisi "
        "un traiteur local travaillant en circuit court, supprimé les goodies en plastique et "
        "organisé le tri des déchets avec une association d'insertion.",
        "bilan carbone de l'événement",
        "RSE, écoresponsable, empreinte carbone, déchets, énergie, circuit court",
    ),
    Case(
        "Prise en compte des situations de handicap et de la diversité",
        "Un projet ouvert à tous",
        "Le lieu retenu est accessible aux personnes à mobilité réduite, une boucle magnétique "
        "équipe l'auditorium pour les personnes malentendantes et deux interprètes en langue "
        "des signes accompagnent les conférences.",
        "boucle magnétique",
        "handicap, accessibilité, PMR, inclusion, diversité",
    ),
    Case(
        "Relations presse : communiqué et dossier de presse",
        "Travailler avec les journalistes",
        "Un communiqué a été envoyé à 120 journalistes de la presse régionale et spécialisée, "
        "suivi d'une relance téléphonique ; le dossier remis sur place présentait l'histoire "
        "de la marque, les chiffres clés et des visuels libres de droits. Ouest-France a "
        "publié un article de demi-page.",
        "120 journalistes",
        "communiqué de presse, dossier de presse, journalistes, retombées presse",
    ),
    Case(
        "Gestion de la communication de crise",
        "Quand la polémique éclate",
        "Après la publication d'une vidéo virale accusant l'enseigne de gaspillage, une "
        "cellule réunissant la direction et le service client s'est tenue dans l'heure ; un "
        "message d'excuses et un plan correctif ont été publiés le soir même pour éteindre le "
        "bad buzz.",
        "vidéo virale accusant",
        "crise, bad buzz, polémique, cellule de crise, réputation",
    ),
    Case(
        "Leviers PESO : Paid, Earned, Shared, Owned",
        "Répartition des médias",
        "Les médias payants (publicités Meta et Google) assurent la portée, les retombées "
        "gagnées viennent des articles et avis clients, les contenus partagés par la "
        "communauté amplifient le message, et le blog comme la newsletter restent nos médias "
        "propriétaires.",
        "médias propriétaires",
        "paid, earned, shared, owned, médias payants, médias propriétaires",
    ),
    Case(
        "Marketing d'influence",
        "Partenariats avec des créateurs",
        "Nous avons sélectionné six micro-influenceuses lifestyle comptant entre 15 000 et "
        "40 000 abonnés, pour leur taux d'engagement supérieur à 5 % ; chacune a reçu le coffret "
        "et publié deux stories et un réel, avec un code promotionnel dédié.",
        "six micro-influenceuses",
        "influenceurs, créateurs de contenu, abonnés, engagement, partenariat",
    ),
    Case(
        "Accessibilité numérique (RGAA 4.1) prise en compte",
        "Un site utilisable par tous",
        "L'audit du site a porté sur les contrastes de couleurs, les alternatives textuelles "
        "des images, la navigation au clavier et la compatibilité avec les lecteurs d'écran ; "
        "47 critères non conformes ont été corrigés avant la mise en ligne.",
        "lecteurs d'écran",
        "RGAA, accessibilité, contrastes, lecteur d'écran, alternatives textuelles",
    ),
    Case(
        "Calcul du seuil de rentabilité (point mort)",
        "Quand le projet devient-il rentable ?",
        "Les charges fixes s'élèvent à 84 000 € et le taux de marge sur coûts variables à 35 % : "
        "le chiffre d'affaires à atteindre pour couvrir les charges est donc de 240 000 €, "
        "soit un niveau atteint début octobre si les ventes suivent le prévisionnel.",
        "taux de marge sur coûts variables",
        "seuil de rentabilité, point mort, charges fixes, marge sur coûts variables",
    ),
    Case(
        "Plan ou budget de trésorerie prévisionnel",
        "Encaissements et décaissements",
        "Le tableau mensuel fait apparaître les encaissements attendus (ventes, subvention "
        "régionale) et les décaissements (salaires, loyers, fournisseurs) ; le solde devient "
        "négatif en mai, ce qui impose de négocier un découvert autorisé de 15 000 €.",
        "découvert autorisé",
        "trésorerie, encaissements, décaissements, solde, découvert",
    ),
    Case(
        "Indicateurs clés de performance choisis et suivis",
        "Mesurer les résultats",
        "Quatre indicateurs ont été retenus et suivis chaque semaine : le taux d'engagement "
        "sur Instagram, le nombre de leads qualifiés, le taux de conversion du site et le "
        "coût d'acquisition client, comparés aux objectifs fixés en janvier.",
        "leads qualifiés",
        "KPI, indicateurs, taux de conversion, taux d'engagement, objectifs",
    ),
    Case(
        "Mesures d'audience et d'e-réputation (visites, pages vues, taux de rebond)",
        "Fréquentation du site",
        "Google Analytics montre 18 400 sessions sur le trimestre, 2,7 pages consultées par "
        "visite et un taux de rebond de 41 % ; les avis Google de l'enseigne atteignent une "
        "note moyenne de 4,6 sur 5.",
        "18 400 sessions",
        "Google Analytics, sessions, pages vues, taux de rebond, avis",
    ),
    Case(
        "Contraintes administratives, sanitaires et sécuritaires de l'événement",
        "Autorisations et sécurité",
        "La manifestation a été déclarée en mairie et en préfecture, une commission de "
        "sécurité a validé le plan d'évacuation, et un poste de secours tenu par la "
        "Croix-Rouge ainsi que des agents de sûreté ont été prévus pour 800 visiteurs.",
        "poste de secours",
        "préfecture, sécurité, secours, autorisation, sanitaire, évacuation",
    ),
    Case(
        "Bilan de l'événement et questionnaire de satisfaction à chaud",
        "Retour des participants",
        "À la sortie, les participants ont répondu sur tablette à cinq questions : 87 % se "
        "disent satisfaits ou très satisfaits, la qualité des intervenants est saluée, mais "
        "l'attente au vestiaire est jugée trop longue.",
        "87 % se disent satisfaits",
        "satisfaction, questionnaire, participants, retours, bilan",
    ),
    Case(
        "Objectifs SMART",
        "Ce que nous visons",
        "Augmenter de 20 % le nombre d'inscriptions à la newsletter auprès des étudiants "
        "lyonnais d'ici le 30 juin, avec un budget de 3 000 € : un objectif précis, chiffré, "
        "réaliste au vu des résultats de l'an passé et borné dans le temps.",
        "inscriptions à la newsletter",
        "spécifique, mesurable, atteignable, réaliste, temporel, objectif chiffré",
    ),
    Case(
        "Storytelling du produit",
        "Raconter la marque",
        "Tout commence dans la cuisine de Louise, grand-mère bretonne, qui préparait ses "
        "galettes avec le blé noir de son champ. Son petit-fils a repris la recette et en a "
        "fait le cœur du récit de marque, porté par des vidéos tournées à la ferme.",
        "grand-mère bretonne",
        "récit, histoire de la marque, storytelling, narration",
    ),
    Case(
        "Style de management et posture adaptés (télétravail, diversité)",
        "Animer l'équipe",
        "J'ai privilégié un management participatif : un point quotidien de quinze minutes, "
        "deux jours de travail à distance par semaine et des décisions prises en commun, en "
        "veillant à donner la parole aux alternants comme aux seniors.",
        "management participatif",
        "management, équipe, télétravail, participatif, délégation",
    ),
    Case(
        "Bilan personnel de l'expérience",
        "Ce que je retiens",
        "Cette mission m'a appris à prioriser et à défendre mes choix devant la direction ; "
        "j'ai aussi mesuré mes limites en finance, que je compte combler par une formation "
        "en contrôle de gestion l'an prochain.",
        "défendre mes choix",
        "apprentissage, compétences acquises, difficultés, progrès, bilan personnel",
    ),
    Case(
        "Plan média omnicanal : stratégie et modalités",
        "Diffusion de la campagne",
        "La campagne combine l'affichage dans le métro lyonnais pendant deux semaines, des "
        "spots sur Radio Scoop aux heures de pointe et un ciblage publicitaire sur Instagram "
        "et TikTok, avec une pression maximale la semaine précédant l'ouverture.",
        "Radio Scoop",
        "plan média, affichage, radio, réseaux sociaux, omnicanal, diffusion",
    ),
)

_FILLER = (
    "Mon alternance s'est déroulée au sein du service marketing, sous la responsabilité de "
    "la directrice commerciale.",
    "Les réunions d'équipe se tenaient le lundi matin dans les locaux du siège.",
    "J'ai participé à la préparation de plusieurs rendez-vous avec des partenaires.",
    "Les échanges avec les autres services ont été nombreux et constructifs.",
    "Le logiciel de gestion interne centralise les informations sur les clients.",
    "Cette période a été marquée par un déménagement des bureaux au printemps.",
    "L'entreprise accorde une grande importance à la qualité du service rendu.",
    "Plusieurs stagiaires ont rejoint l'équipe pendant l'été pour renforcer l'accueil.",
    "Les documents de travail sont partagés sur un espace collaboratif en ligne.",
    "Ma tutrice m'a confié progressivement des missions plus autonomes.",
    "Les horaires étaient flexibles, ce qui facilitait l'organisation des déplacements.",
    "Le comité de direction se réunit une fois par mois pour arbitrer les priorités.",
    "Nous avons reçu la visite d'une délégation d'un partenaire italien en septembre.",
    "La charte graphique a été rappelée à toute l'équipe lors d'un atelier interne.",
    "Le service client traite en moyenne une centaine de demandes par jour.",
    "Chaque collaborateur dispose d'un ordinateur portable et d'un téléphone professionnel.",
    "Les anciens salariés gardent souvent des liens étroits avec l'entreprise.",
    "La fin de l'année est traditionnellement une période chargée pour les commerciaux.",
    "J'ai rédigé des comptes rendus pour garder une trace des décisions prises.",
    "Le responsable informatique a présenté les nouveaux outils au personnel.",
)

PAGES = 40
CHARS_PER_PAGE = 2800


def build_markdown(*, seed: int = 0, toc: bool = True) -> str:
    """The dossier: title, a table of contents listing every section (unless ``toc`` is
    False), then ~40 pages where the passages are spread among neutral paragraphs."""
    rng = random.Random(seed)
    lines = ["# Dossier professionnel — Projet de communication", ""]
    if toc:
        lines += ["## Sommaire", ""]
        lines += [f"- {i + 1}. {c.heading}" for i, c in enumerate(CASES)]
        lines += ["", "<!-- pagebreak -->", ""]
    per_page = -(-len(CASES) // (PAGES - 1))
    for page in range(1, PAGES):
        lines += [f"# Partie {page}", ""]
        size = 0
        for case in CASES[(page - 1) * per_page : page * per_page]:
            lines += [f"## {case.heading}", "", case.passage, ""]
            size += len(case.passage)
        while size < CHARS_PER_PAGE:
            paragraph = " ".join(rng.choice(_FILLER) for _ in range(5))
            lines += [paragraph, ""]
            size += len(paragraph)
        lines += ["<!-- pagebreak -->", ""]
    return "\n".join(lines)
