/** The web UI's sentences in English and French. `{name}` marks a value filled in by `t`. */
import { fillIn, type Lang } from "./lang.js";

const EN = {
  tagline: "Courses, lectures, MOOCs, people, units and publications, linked by the concepts they are about.",
  skip: "Skip to content",
  searchLabel: "Search the graph",
  searchPlaceholder: "A concept, a course code, a person…",
  searchButton: "Search",
  switchTo: "Français",
  chatLink: "Ask the graph",
  pageNotFoundTitle: "Page not found",
  switchLabel: "Lire en français",
  all: "All",
  results: "{n} results for “{q}”",
  resultOne: "{n} result for “{q}”",
  noResults: "Nothing matches “{q}”. Check the spelling or try a broader word.",
  resultTypes: "Result types",
  pagination: "Pages",
  previous: "Previous",
  next: "Next",
  showMore: "Show more",
  loading: "Loading…",
  noDescription: "The corpus has no description of this record yet.",
  disclaimerTitle: "About this page",
  disclaimer:
    "This page is generated automatically from the corpus and may be incorrect or incomplete. The same applies to every other page of this site: please verify the information with official sources.",
  neighbourhood: "Ontological neighbourhood",
  picture: "Neighbourhood map of {name}",
  pictureCaption:
    "The nearest concepts and records; thicker lines are stronger links. Select a node to open it.",
  concepts: "Concepts",
  conceptsHint: "What this record is about, as detected in its text, with the score of each link.",
  conceptsHintDerived:
    "What this record is about, drawn from the records linked to it (what it teaches, writes or holds), with the score of each link.",
  conceptsHintMixed:
    "What this record is about, as detected in its text and drawn from the records linked to it, with the score of each link.",
  facts: "Facts",
  categories: "Categories",
  through: "through {x}",
  field: "in its field, {x}",
  shared: "shares {x}",
  detected: "detected in the text",
  keyword: "keyword",
  named: "named in its text",
  alike: "similar wording",
  also: "also:",
  alsoMore: "and {n} more",
  notFoundTitle: "Not found",
  notFound: "There is no {type} with the id “{id}”.",
  pageNotFound: "This page does not exist.",
  backHome: "Back to the search",
  recordsInGraph: "In the graph",
  badRequest: "This search cannot be run: {problem}",
  suggestions: "Suggestions",
  comboHint: "Use the up and down arrows to pick a suggestion, Enter to open it.",
  score: "score",
  attributes: "Details",
} as const;

/** A message key. */
export type MessageKey = keyof typeof EN;

const FR: Readonly<Record<MessageKey, string>> = {
  tagline:
    "Cours, séances, MOOCs, personnes, unités et publications, reliés par les concepts qu'ils traitent.",
  skip: "Aller au contenu",
  searchLabel: "Rechercher dans le graphe",
  searchPlaceholder: "Un concept, un code de cours, une personne…",
  searchButton: "Rechercher",
  switchTo: "English",
  chatLink: "Interroger le graphe",
  pageNotFoundTitle: "Page introuvable",
  switchLabel: "Read in English",
  all: "Tout",
  results: "{n} résultats pour « {q} »",
  resultOne: "{n} résultat pour « {q} »",
  noResults: "Rien ne correspond à « {q} ». Vérifiez l'orthographe ou essayez un mot plus général.",
  resultTypes: "Types de résultats",
  pagination: "Pages",
  previous: "Précédent",
  next: "Suivant",
  showMore: "Afficher plus",
  loading: "Chargement…",
  noDescription: "Le corpus ne contient pas encore de description de cet élément.",
  disclaimerTitle: "À propos de cette page",
  disclaimer:
    "Cette page est générée automatiquement à partir du corpus et peut être incorrecte ou incomplète. Il en va de même pour toutes les autres pages de ce site : veuillez vérifier les informations auprès des sources officielles.",
  neighbourhood: "Voisinage ontologique",
  picture: "Carte du voisinage de {name}",
  pictureCaption:
    "Les concepts et éléments les plus proches ; un trait plus épais est un lien plus fort. Choisissez un nœud pour l'ouvrir.",
  concepts: "Concepts",
  conceptsHint: "Ce dont traite cet élément, détecté dans son texte, avec le score de chaque lien.",
  conceptsHintDerived:
    "Ce dont traite cet élément, tiré des éléments qui lui sont liés (ce qu'il enseigne, écrit ou regroupe), avec le score de chaque lien.",
  conceptsHintMixed:
    "Ce dont traite cet élément, détecté dans son texte et tiré des éléments qui lui sont liés, avec le score de chaque lien.",
  facts: "Faits",
  categories: "Catégories",
  through: "via {x}",
  field: "dans son domaine, {x}",
  shared: "en commun : {x}",
  detected: "détecté dans le texte",
  keyword: "mot-clé",
  named: "nommé dans son texte",
  alike: "formulation proche",
  also: "aussi :",
  alsoMore: "et {n} autres",
  notFoundTitle: "Introuvable",
  notFound: "Il n'y a pas de {type} avec l'identifiant « {id} ».",
  pageNotFound: "Cette page n'existe pas.",
  backHome: "Retour à la recherche",
  recordsInGraph: "Dans le graphe",
  badRequest: "Cette recherche ne peut pas être lancée : {problem}",
  suggestions: "Suggestions",
  comboHint: "Flèches haut et bas pour choisir une suggestion, Entrée pour l'ouvrir.",
  score: "score",
  attributes: "Détails",
};

const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en: EN, fr: FR };

/** The message `key` in `lang`, with each `{name}` replaced by `vars[name]`. */
export function t(lang: Lang, key: MessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return fillIn(MESSAGES[lang][key], vars);
}
