// Gradio's own chrome keeps some English (aria-labels, titles, a few texts) that its i18n
// does not reach, and says « télécharger » (download) for an upload. This script puts every
// such string in French as soon as Gradio draws it.
(() => {
  const ATTRIBUTES = {
    "Click to upload or drop files": "Cliquez ou déposez un fichier pour le téléverser",
    "Fullscreen": "Plein écran",
    "Exit fullscreen": "Quitter le plein écran",
    "Exit Fullscreen": "Quitter le plein écran",
    "Copy table data": "Copier les données du tableau",
    "Copied to clipboard": "Copié dans le presse-papiers",
    "Table actions": "Actions du tableau",
    "chatbot conversation": "Conversation avec le tuteur",
    "Gradio footer navigation": "Pied de page",
    "Share": "Partager",
    "Download": "Télécharger",
    "Copy": "Copier",
    "Copy message": "Copier le message",
    "Copy conversation": "Copier la conversation",
    "Copied conversation": "Conversation copiée",
    "Copied message": "Message copié",
    "Clear": "Effacer",
    "Remove": "Retirer",
    "Close": "Fermer",
    "Scroll down": "Défiler vers le bas",
    "Sort column": "Trier la colonne",
    "Search": "Rechercher",
    "Filter": "Filtrer",
    "Loading": "Chargement",
    "Loading...": "Chargement…",
    "Clear search": "Effacer la recherche",
    "Remove file": "Retirer le fichier",
    "Remove Image": "Retirer l'image",
    "Dropdown": "Menu déroulant",
    "Settings": "Paramètres",
    "Open cell menu": "Ouvrir le menu de la cellule",
    "Loading response": "Réponse en cours",
    "Stop Recording": "Arrêter l'enregistrement",
    "Undo": "Annuler",
    "Retry": "Réessayer",
    "Like": "J'aime",
    "Dislike": "Je n'aime pas",
  };
  const TEXTS = {
    "Cliquez pour télécharger un fichier": "Cliquez pour téléverser un fichier",
    "Cliquez pour télécharger": "Cliquez pour téléverser",
    "Téléchargement...": "Téléversement…",
    "common.complete": "Terminé",
    "common.error": "Erreur",
    "Error": "Erreur",
    "Loading...": "Chargement…",
    "Loading content": "Chargement du contenu",
    "processing |": "traitement |",
    "Fullscreen": "Plein écran",
    "Stop Recording": "Arrêter l'enregistrement",
  };
  const NAMES = ["aria-label", "title", "placeholder", "alt"];
  const fixElement = (el) => {
    for (const name of NAMES) {
      const value = el.getAttribute(name);
      if (value !== null && ATTRIBUTES[value.trim()]) {
        el.setAttribute(name, ATTRIBUTES[value.trim()]);
      }
    }
  };
  const fixText = (node) => {
    const value = node.nodeValue && node.nodeValue.trim();
    if (value && TEXTS[value]) {
      node.nodeValue = node.nodeValue.replace(value, TEXTS[value]);
    }
  };
  const fixTree = (root) => {
    if (root.nodeType === Node.TEXT_NODE) { fixText(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) { return; }
    fixElement(root);
    root.querySelectorAll("*").forEach(fixElement);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) { fixText(node); }
  };
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === "attributes") { fixElement(m.target); }
      else if (m.type === "characterData") { fixText(m.target); }
      else { m.addedNodes.forEach(fixTree); }
    }
  });
  const start = () => {
    fixTree(document.body);
    observer.observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true,
      attributeFilter: NAMES,
    });
  };
  if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
})();
