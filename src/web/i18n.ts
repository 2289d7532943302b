/**
 * The web UI's translations (English and French) and the choice of a record's text in a language.
 */
import type { LangText } from "../core/record.js";

/** A language of the UI. */
export type Lang = "en" | "fr";

/** The UI languages, the default first. */
export const LANGS: readonly Lang[] = ["en", "fr"];

/** True when `value` names a UI language. */
export function isLang(value: string | undefined): value is Lang {
  return value === "en" || value === "fr";
}

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
  facts: "Facts",
  categories: "Categories",
  through: "through {x}",
  shared: "shares {x}",
  detected: "detected in the text",
  keyword: "keyword",
  named: "named in its text",
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
  facts: "Faits",
  categories: "Catégories",
  through: "via {x}",
  shared: "en commun : {x}",
  detected: "détecté dans le texte",
  keyword: "mot-clé",
  named: "nommé dans son texte",
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
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

interface TypeNames {
  readonly one: string;
  readonly many: string;
  readonly related: string;
}

const TYPE_NAMES: Readonly<Record<Lang, Readonly<Record<string, TypeNames>>>> = {
  en: {
    concept: { one: "Concept", many: "Concepts", related: "Related concepts" },
    category: { one: "Category", many: "Categories", related: "Categories" },
    course: { one: "Course", many: "Courses", related: "Related courses" },
    lecture: { one: "Lecture", many: "Lectures", related: "Related lectures" },
    mooc: { one: "MOOC", many: "MOOCs", related: "Related MOOCs" },
    person: { one: "Person", many: "People", related: "Related people" },
    unit: { one: "Unit", many: "Units", related: "Related units" },
    publication: { one: "Publication", many: "Publications", related: "Related publications" },
    startup: { one: "Start-up", many: "Start-ups", related: "Related start-ups" },
  },
  fr: {
    concept: { one: "Concept", many: "Concepts", related: "Concepts associés" },
    category: { one: "Catégorie", many: "Catégories", related: "Catégories" },
    course: { one: "Cours", many: "Cours", related: "Cours associés" },
    lecture: { one: "Séance", many: "Séances", related: "Séances de cours associées" },
    mooc: { one: "MOOC", many: "MOOCs", related: "MOOCs associés" },
    person: { one: "Personne", many: "Personnes", related: "Personnes associées" },
    unit: { one: "Unité", many: "Unités", related: "Unités associées" },
    publication: { one: "Publication", many: "Publications", related: "Publications associées" },
    startup: { one: "Start-up", many: "Start-ups", related: "Start-ups associées" },
  },
};

/** The name of a record type: "one" (a badge), "many" (a tab) or "related" (a section heading). */
export function typeName(lang: Lang, type: string, form: keyof TypeNames): string {
  const names = TYPE_NAMES[lang][type];
  if (names) return names[form];
  const word = type.replace(/[-_]/g, " ");
  const capital = word.charAt(0).toUpperCase() + word.slice(1);
  if (form === "related") return lang === "fr" ? `Autres éléments : ${word}` : `Related: ${word}`;
  return capital;
}

// Keyed by relation and direction: "out" reads from the page's record, "in" towards it.
const RELATIONS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    "teacher:out": "Taught by",
    "teacher:in": "Teaches",
    "prerequisite:out": "Requires",
    "prerequisite:in": "Required by",
    "part_of:out": "Part of",
    "part_of:in": "Contains",
    "instructor:out": "Instructors",
    "instructor:in": "Instructs",
    "author:out": "Authors",
    "author:in": "Author of",
    "member:out": "Member of",
    "member:in": "Members",
    "section:out": "Section",
    "section:in": "Courses of the section",
    "unit:out": "Unit",
    "unit:in": "Belongs to this unit",
    "category:out": "Category",
    "category:in": "Concepts in this category",
    "parent:out": "Parent category",
    "parent:in": "Subcategories",
    "founder:out": "Founders",
    "founder:in": "Founded",
    "link:out": "Links to",
    "link:in": "Linked from",
  },
  fr: {
    "teacher:out": "Enseigné par",
    "teacher:in": "Enseigne",
    "prerequisite:out": "Prérequis",
    "prerequisite:in": "Requis pour",
    "part_of:out": "Fait partie de",
    "part_of:in": "Contient",
    "instructor:out": "Intervenants",
    "instructor:in": "Intervient dans",
    "author:out": "Auteurs",
    "author:in": "Auteur de",
    "member:out": "Membre de",
    "member:in": "Membres",
    "section:out": "Section",
    "section:in": "Cours de la section",
    "unit:out": "Unité",
    "unit:in": "Rattachés à cette unité",
    "category:out": "Catégorie",
    "category:in": "Concepts de cette catégorie",
    "parent:out": "Catégorie parente",
    "parent:in": "Sous-catégories",
    "founder:out": "Fondateurs",
    "founder:in": "A fondé",
    "link:out": "Renvoie à",
    "link:in": "Cité par",
  },
};

// Labels of the record attributes the corpus format and the open-campus corpus use; others show their key.
const ATTRIBUTES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    academic_year: "Academic year",
    affiliations: "Affiliations",
    course_type: "Course type",
    credits: "Credits",
    depth: "Depth",
    doi: "DOI",
    effort: "Effort",
    enrolled: "Enrolled",
    exam_type: "Exam",
    founded: "Founded",
    format: "Format",
    head: "Head",
    institution: "Institution",
    journal: "Journal",
    kind: "Kind",
    language: "Language",
    length: "Length",
    level: "Level",
    license: "Licence",
    platform: "Platform",
    publisher: "Publisher",
    registrations: "Registrations",
    semester: "Semester",
    semesters: "Semesters",
    size_fte: "Size (FTE)",
    subtitles: "Subtitles",
    topic_name: "Topic",
    type: "Type",
    url: "Link",
    venue: "Venue",
    year: "Year",
  },
  fr: {
    academic_year: "Année académique",
    affiliations: "Affiliations",
    course_type: "Type de cours",
    credits: "Crédits",
    depth: "Profondeur",
    doi: "DOI",
    effort: "Charge de travail",
    enrolled: "Inscrits",
    exam_type: "Examen",
    founded: "Fondée en",
    format: "Format",
    head: "Direction",
    institution: "Institution",
    journal: "Revue",
    kind: "Genre",
    language: "Langue",
    length: "Durée",
    level: "Niveau",
    license: "Licence",
    platform: "Plateforme",
    publisher: "Éditeur",
    registrations: "Inscriptions",
    semester: "Semestre",
    semesters: "Semestres",
    size_fte: "Taille (EPT)",
    subtitles: "Sous-titres",
    topic_name: "Thème",
    type: "Type",
    url: "Lien",
    venue: "Lieu",
    year: "Année",
  },
};

/** The label of a record attribute: a known key in `lang`, else the key with spaces for underscores. */
export function attributeName(lang: Lang, key: string): string {
  return ATTRIBUTES[lang][key] ?? key.replace(/_/g, " ");
}

/** The label of a corpus relation seen from one end ("out": this record → other, "in": other → this). */
export function relationName(lang: Lang, rel: string, direction: "in" | "out"): string {
  const known = RELATIONS[lang][`${rel}:${direction}`];
  if (known) return known;
  const word = rel.replace(/_/g, " ");
  return direction === "out" ? word : lang === "fr" ? `${word} (inverse)` : `${word} of`;
}

/** A text in the best language available: `lang`, else English, else French, else the first; with its language. */
export function localText(
  text: LangText | undefined,
  lang: Lang,
): { readonly text: string; readonly lang: string } | undefined {
  if (!text) return undefined;
  for (const code of [lang, "en", "fr"]) {
    const value = text[code];
    if (value) return { text: value, lang: code };
  }
  const first = Object.entries(text).find(([, value]) => value !== "");
  return first ? { text: first[1], lang: first[0] } : undefined;
}

/** Formats a count for `lang` ("1,234" or "1 234"). */
export function formatCount(lang: Lang, n: number): string {
  return n.toLocaleString(lang === "fr" ? "fr-CH" : "en-US");
}
