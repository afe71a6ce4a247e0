# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Small French dossier parts for the detection rules: denials and hypotheticals, what the
référentiel requires of a passage, background sections, part titles."""

from __future__ import annotations

CASH_DENIED = """\
# Dossier E3 — Théâtre des Quais

## 5. Conclusion

Je me rends compte que la démarche n'est pas complète. Nous n'avons pas établi de plan de trésorerie, alors que la compagnie avance les frais de communication plusieurs mois avant de toucher les recettes, et l'administratrice a dû demander un report de paiement à l'imprimeur en janvier.
"""

CASH_ANNOUNCED = """\
# Dossier E3 — Théâtre des Quais

## 5. Conclusion

Le plan de trésorerie sera établi en mars avec l'administratrice de la compagnie.
"""

KPI_HINDSIGHT = """\
# Dossier E4 — Cap Glisse

## 6. Ce que j'ai appris

Si je devais refaire cette mission, je fixerais des objectifs chiffrés dès le départ pour pouvoir mesurer ce qui a marché, et je préparerais mieux l'organisation de l'équipe avant l'arrivée des saisonniers.
"""

TASKS_UNASSIGNED = """\
# Dossier E4 — Cap Glisse

## 2. L'organisation du travail

### 2.1 Les tâches

Les tâches de l'équipe pour la saison étaient les suivantes :

- tourner et monter des vidéos des cours de surf et des stages ;
- publier tous les jours sur Instagram et TikTok ;
- organiser les trois soirées Sunset (autorisations, musique, partenaires, buvette) ;
- refaire les vitrines du magasin à chaque arrivage de la nouvelle collection ;
- distribuer les flyers du Summer Camp dans les campings et les offices de tourisme.
"""

TASKS_ASSIGNED = """\
# Retour d'expérience E2 — Les Jardins de Margaux

## 3. L'organisation du groupe

| Tâche | Responsable | Date limite |
|---|---|---|
| Shooting photo chez le producteur et en boutique | Théo | 15 mars |
| Création des visuels (affiche, flyer, publications) | Nina | 31 mars |
| Rédaction du communiqué de presse | Laura | 10 avril |
| Publicité Instagram | Théo | Du 1er au 24 mai |
| Suivi des précommandes avec la fleuriste | Laura | Du 15 avril au 24 mai |
"""

ACTIONS_VAGUE = """\
# Dossier E1 — Brasserie du Faubourg

## 5. Les orientations marketing

### 5.1 Le plan d'actions

Pour répondre à la problématique, nous proposons de :

- développer la communication de la brasserie auprès des cavistes ;
- être plus présents auprès des professionnels de la restauration ;
- travailler la notoriété de la marque en dehors de Lille ;
- réfléchir à une bière sans alcool pour les jeunes adultes.
"""

ACTIONS_DATED = """\
# Dossier E1 — Camping Les Pins d'Argent

## 7. Plan d'actions

Pour répondre à cette problématique, je propose les actions suivantes, validées avec le gérant :

- créer en mai et en septembre 2025 des séjours thématiques pour les couples et les seniors : « Ardèche à vélo » et « Randonnée et patrimoine » autour de la grotte Chauvet 2 ;
- ouvrir le club enfants pendant les vacances de printemps des Belges et des Néerlandais ;
- mettre en place un programme de fidélité : réduction de 10 % sur un séjour hors saison pour les clients de l'été.
"""

VARIANCES_UNEXPLAINED = """\
# Dossier E3 — Bocal Vrac

## 7. Le suivi budgétaire

Voici le tableau de suivi du budget de communication à fin mars :

| Poste | Prévu | Réalisé | Écart |
|---|---|---|---|
| Publicité Instagram | 1 800 € | 2 100 € | + 300 € |
| Impression des flyers | 600 € | 450 € | − 150 € |
| Atelier zéro déchet | 900 € | 1 150 € | + 250 € |
"""

VARIANCES_EXPLAINED = (
    VARIANCES_UNEXPLAINED
    + """
L'écart sur la publicité s'explique par une semaine de diffusion ajoutée avant Pâques, car les ventes de mars étaient en retard ; l'économie sur les flyers vient d'un devis moins cher chez l'imprimeur du quartier, et le surcoût de l'atelier est dû à la location d'une salle plus grande.
"""
)

KPI_IN_PRESENTATION = """\
# Dossier E5 — Oh My Pot

## 1.1 Présentation de l'entreprise

Oh My Pot vend en ligne des plantes d'intérieur et des pots en céramique depuis 2019. Le chiffre d'affaires 2024 est de 1,2 million d'euros, en croissance de 30 %, mais l'entreprise n'est pas encore rentable, car les coûts d'acquisition des clients (publicité en ligne) et de livraison restent élevés.
"""

PART_TITLE = """\
# Dossier E5 — Oh My Pot

## Partie 2 : préconisations et missions réalisées

La deuxième partie présente mes missions de l'année chez Oh My Pot, à Lyon, et les 18 entretiens menés avec des clientes en 2024.

### 2.1 Préconisations

Mes préconisations sont d'améliorer la visibilité de la marque en ligne.

### 2.2 La refonte des fiches produits

J'ai réécrit 150 fiches produits en avril 2024 avec des photos en situation, des conseils d'entretien et un guide des tailles, ce qui a fait passer le taux de conversion mobile de 1,4 % à 2,1 % en deux mois selon Google Analytics.
"""

CAMPING_PRESENTATION = """\
# Dossier E1 — Camping Les Pins d'Argent

## 1. Présentation du camping

Le camping Les Pins d'Argent a été créé en 1978 à Vallon-Pont-d'Arc par les parents de l'actuel gérant, M. Chabert. Classé 4 étoiles depuis 2016, il compte 180 emplacements, dont 70 mobil-homes et 15 hébergements insolites, une piscine chauffée et un accès direct à la rivière. Il emploie 6 salariés permanents et jusqu'à 28 saisonniers en été, pour un chiffre d'affaires 2024 de 2,1 millions d'euros. Le modèle économique dépend énormément de l'été : juillet et août représentent 74 % du chiffre d'affaires.
"""

CONTEXT_FACTORS = """\
# Production écrite — E5, option événement

## 2. Le contexte

Le marché du vélo électrique a beaucoup progressé en France depuis 2019 avec les aides à l'achat, mais il a ralenti en 2023 et 2024 : les ventes ont baissé de 12 % et les prix ont baissé avec les promotions. Avec l'inflation, les ménages font plus attention à leurs dépenses, et un vélo électrique reste un achat important.

Du côté des habitudes, de plus en plus de Lyonnais utilisent le vélo pour aller travailler, surtout depuis le développement des Voies lyonnaises, et les familles s'intéressent aux vélos cargos pour remplacer une deuxième voiture.

Le vélo est aussi vu comme un moyen de réduire son empreinte carbone : un trajet domicile-travail à vélo électrique émet environ 20 fois moins de CO2 qu'en voiture.
"""

CONTEXT_WITHOUT_FACTORS = """\
# Production écrite — E5, option événement

## 2. Le contexte

L'inauguration du magasin de Villeurbanne a eu lieu le samedi 12 avril 2025, avec une équipe de cinq personnes et l'aide de deux mécaniciens venus du magasin de Caluire.
"""

CALENDAR_TABLE = """\
# Dossier E5 — Maison Oléa

## 2.3 La campagne web « De notre moulin à votre cuisine »

Calendrier éditorial (extrait) :

| Semaine | Instagram | Facebook | E-mail |
|---|---|---|---|
| 14-20 oct. | Reel de la récolte, stories du moulin | Vidéo « l'huile nouvelle arrive » | Annonce de l'huile nouvelle |
| 21-27 oct. | Portrait d'oléiculteur | Portrait d'oléiculteur | — |
| 25 nov.-1er déc. | Coffrets de Noël | Coffrets de Noël | Offre Black Friday « frais de port offerts » |
"""

TERSE_BUDGET = """\
# Dossier E5 — Les Clés du Lot

## 6. La campagne « Estimation offerte »

J'ai organisé une campagne web en mars et en avril 2025 pour mettre en avant l'estimation gratuite des biens. Le budget de 1 200 € a été réparti entre Facebook (800 €) et Instagram (400 €).
"""

PORTER_VERB = """\
# Dossier E5 — Trail des Crêtes

## 2.4 Le plan de communication

Objectifs : atteindre 2 600 coureurs ; porter la part de femmes à 30 % ; atteindre 20 % de coureurs venant hors du Grand Est.
"""

PORTER_THREE_FORCES = """\
# Production écrite — E5, option événement

### 1.3 Le micro-environnement (Porter)

Rivalité entre concurrents : elle est très forte, le même week-end les coureurs du Grand Est peuvent choisir entre le Trail du Petit Ballon, l'Infernal Trail des Vosges et le Trail des Lacs.

Pouvoir de négociation des clients : les coureurs comparent facilement les courses sur les plateformes d'inscription et les réseaux, selon le prix, la beauté du parcours et l'ambiance.
"""

PART_WITH_ONE_LINE_PROJECT = """\
# Production écrite — E5, option événement

## Partie 3 : bilan personnel et projet professionnel

### 3.1 Bilan personnel

Cette année m'a fait découvrir la richesse et la complexité d'un événement associatif : tout repose sur des bénévoles qu'il faut motiver et coordonner, avec peu de moyens. J'ai énormément appris sur les contraintes réglementaires d'un événement en milieu naturel, et je suis fière du programme « Crêtes au féminin », que j'ai proposé et qui a été un vrai succès.

### 3.2 Projet professionnel

Plus tard je voudrais travailler dans l'événementiel sportif.
"""

DEVELOPED_PROJECT = """\
# Production écrite — E5, option nouveau produit

### 14. Projet professionnel

Je souhaite travailler comme chargée de marketing chez un éditeur de jeux de société, puis devenir cheffe de produit. Je vais postuler chez les éditeurs de la région toulousaine et poursuivre en master marketing des industries culturelles et créatives.
"""

TEAM_MOMENTS = """\
# Dossier E4 — Ateliers Ferrand

### 4.2 Les temps forts de l'équipe

Pour souder l'équipe et l'associer au reste de l'entreprise, plusieurs moments ont été organisés :

- une journée d'immersion dans l'atelier de fabrication en septembre : chaque membre de l'équipe marketing a passé une journée avec un ébéniste ;
- une formation collective de deux jours au référencement naturel et à Shopify en octobre, pour toute l'équipe ;
- une soirée de lancement le 3 février au showroom de Saint-Étienne, avec tous les salariés de l'entreprise.
"""

PROBLEM_REFERRED = """\
# Dossier E1 — Camping Les Pins d'Argent

## 7. Plan d'actions

Pour répondre à cette problématique, je propose les actions suivantes, discutées avec le gérant :

- créer des séjours thématiques pour les couples et les seniors en mai et en septembre : « Ardèche à vélo » et « Randonnée et patrimoine » autour de la grotte Chauvet 2 ;
- ouvrir le club enfants pendant les vacances de printemps des Belges et des Néerlandais ;
- mettre en place un programme de fidélité : réduction de 10 % sur un séjour hors saison.
"""

EVENT_REVIEW = """\
# Production écrite — E5, option événement

### 8. Le bilan

L'inauguration a été un succès. Nous avons compté 410 visiteurs grâce au comptage à l'entrée, 126 essais de vélos ont été réalisés et 260 personnes se sont inscrites au tirage au sort. Le magasin a vendu 9 vélos le jour de l'inauguration et 23 dans les deux semaines suivantes, alors que l'objectif du premier mois était de 25.
"""

EVENT_SURVEY = """
Pour mesurer la satisfaction des visiteurs, nous avons proposé un court questionnaire à chaud par QR code à la sortie du parcours d'essai (5 questions). 138 personnes ont répondu : la note moyenne de la journée est de 8,7 sur 10.
"""

SPENDING_SCHEDULE = """\
# Dossier E3 — Théâtre des Quais

### 2.2 L'échelonnement des dépenses

Les dépenses ne sont pas réparties de la même façon sur la période :

| Période | Dépenses prévues | Principales actions |
|---|---|---|
| Décembre 2024 | 5 100 € | Création graphique, teaser, photographe |
| Janvier 2025 | 3 550 € | Impressions, dossiers de presse, première |
| Février – mars 2025 | 3 090 € | Publicité, encarts presse, affichage |

La plus grosse partie des dépenses intervient avant la première représentation, alors que les recettes de billetterie arrivent seulement au fil de la tournée.
"""

COST_COLUMN = """\
# Production écrite — E5, option événement

### II.6 Le médiaplanning

| Support | Période | Coût |
|---|---|---|
| Publicité Instagram et TikTok | 15 septembre – 18 octobre | 3 400 € |
| Affichage dans les rues de Clermont | 1er – 18 octobre | 1 600 € |
| Radio Campus et France Bleu (30 spots) | 6 – 18 octobre | 1 200 € |
"""
