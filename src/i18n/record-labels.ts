/** The names of record types, corpus relations and record attributes, in English and French. */
import type { Lang } from "./lang.js";

/** The three forms of a type's name. */
export interface TypeNames {
  readonly one: string;
  readonly many: string;
  readonly related: string;
}

// One, many, related; in English and French. Start-ups are not a type the format names, but corpora add them
// (FORMAT.md's example): they get a name.
const TYPE_NAMES: Readonly<Record<string, Readonly<Record<Lang, readonly [string, string, string]>>>> = {
  concept: {
    en: ["Concept", "Concepts", "Related concepts"],
    fr: ["Concept", "Concepts", "Concepts associés"],
  },
  category: { en: ["Category", "Categories", "Categories"], fr: ["Catégorie", "Catégories", "Catégories"] },
  course: { en: ["Course", "Courses", "Related courses"], fr: ["Cours", "Cours", "Cours associés"] },
  lecture: {
    en: ["Lecture", "Lectures", "Related lectures"],
    fr: ["Séance", "Séances", "Séances de cours associées"],
  },
  mooc: { en: ["MOOC", "MOOCs", "Related MOOCs"], fr: ["MOOC", "MOOCs", "MOOCs associés"] },
  person: {
    en: ["Person", "People", "Related people"],
    fr: ["Personne", "Personnes", "Personnes associées"],
  },
  unit: { en: ["Unit", "Units", "Related units"], fr: ["Unité", "Unités", "Unités associées"] },
  publication: {
    en: ["Publication", "Publications", "Related publications"],
    fr: ["Publication", "Publications", "Publications associées"],
  },
  startup: {
    en: ["Start-up", "Start-ups", "Related start-ups"],
    fr: ["Start-up", "Start-ups", "Start-ups associées"],
  },
};

const FORMS: Readonly<Record<keyof TypeNames, number>> = { one: 0, many: 1, related: 2 };

/** The name of a record type: "one" (a badge), "many" (a tab) or "related" (a section heading). */
export function typeName(lang: Lang, type: string, form: keyof TypeNames): string {
  const names = TYPE_NAMES[type]?.[lang];
  if (names) return names[FORMS[form]] as string;
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
    "parent:out:unit": "Part of",
    "parent:in:unit": "Sub-units",
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
    "parent:out:unit": "Fait partie de",
    "parent:in:unit": "Sous-unités",
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

/**
 * The label of a corpus relation seen from one end ("out": this record → other, "in": other → this), worded for the
 * type of the records it joins where one relation joins several ("parent" of a category, of a unit).
 */
export function relationName(lang: Lang, rel: string, direction: "in" | "out", type?: string): string {
  const known =
    (type === undefined ? undefined : RELATIONS[lang][`${rel}:${direction}:${type}`]) ??
    RELATIONS[lang][`${rel}:${direction}`];
  if (known) return known;
  const word = rel.replace(/_/g, " ");
  return direction === "out" ? word : lang === "fr" ? `${word} (inverse)` : `${word} of`;
}
