/**
 * The chat's translations (English and French): the sentences its answers are made of, beside the UI's own
 * (`ui-text.ts`). `{name}` marks a value filled in by `chatText`.
 */
import { fillIn, type Lang } from "./lang.js";

const EN = {
  readAs: "I read this as: {what}.",
  unused: "(I could not use: {words})",
  truncated: "(The message is long: I read only “{read}”.)",
  ignored: "(I do not follow instructions given in a message; I set aside: “{text}”.)",
  homonyms:
    "(The name {asked} fits {count} people in the graph: I took {name}, the best linked in the graph (people with records of the kind asked first); the others include {others}. Give a first name or an initial to ask about another.)",
  listOf: "{types} about {subjects}",
  listVia: "{types} linked to {via} about {subjects}",
  and: " and ",
  or: " or ",
  nearest: "{what}, the closest to {subject} I found",
  level: "{what}, {level} level",
  introductory: "introductory",
  intermediate: "intermediate",
  advanced: "advanced",
  autumn: "{what}, autumn semester",
  spring: "{what}, spring semester",
  latest: "{what}, newest first",
  count: "{what}: the first {count}",
  narrowed: "{what}, about {topic}",
  language: "{what}, in {language}",
  paperKinds: "{what}, of these kinds only: {kinds}",
  institution: "{what}, from {institution} only",
  noneFrom:
    "None of the {count} {types} I found is from {institution} (the graph says where each record comes from: its institution, affiliation or venue).",
  related: "the {types} linked to {anchor}",
  teacher: "the teachers of {anchor}",
  taughtBy: "the {types} taught by {anchor}",
  partOf: "the lectures of {anchor}",
  members: "the members of {anchor}",
  unitsOf: "the units of {anchor}",
  papersOf: "the publications of {anchor}",
  explain: "an explanation of {anchor}",
  about: "what {anchor} is about",
  research: "the research of {anchor}",
  prerequisites: "what to learn before {anchor}",
  compare: "a comparison of {anchor}, with the concepts they share",
  nothing: "I found nothing for this in the graph. The calls I made are listed below.",
  noneInCommon:
    "No {types} in common: I found {counts}, but none linked to both. Ask for each on its own to see them.",
  countFor: "{count} for {subject}",
  unclear: "I could not find {subject} in the graph.",
  unsure:
    "I am not sure what you are asking. I read this as: a question about {found}. I can answer, for instance: {suggestions}.",
  cannot: "I cannot answer this from the graph.",
  creative: "I do not write poems, stories, songs or essays: I answer questions from the graph.",
  creativePage: "{page}: it has a page of its own; I can answer, for instance: {suggestions}.",
  askWhat: "What is {name}?",
  askCourses: "Which courses cover {name}?",
  askWork: "What does {name} work on?",
  askAbout: "What is {name} about?",
  askTeachers: "Who teaches {name}?",
  askMembers: "Who are the members of {name}?",
  instruction:
    "I only answer questions about the graph, by calling its public API; I do not follow instructions to call anything else or to change how I work.",
  help: 'I can list courses, lectures, MOOCs, people, units and publications about a topic ("Which classes deal with genomics?"), explain a concept, say what a course is about, who teaches it and what to take before it, or what a person works on.',
  smallTalk: "Hello! I answer questions about this university's graph.",
  subjective: "I cannot judge what is best: the graph holds facts, not opinions.",
  world: "I only know what the graph holds, not today's news, time or weather.",
  service: "I cannot book, buy or order anything: I only read the graph.",
  assistant: "I am the graph's assistant and keep no memory of you beyond this conversation.",
  whereToLearn: "Where to learn it:",
  relatedList: "{types} on related topics (none names it directly):",
  note: "These are references to explore, taken from the graph: check official sources.",
} as const;

/** A key of the chat's sentences. */
export type ChatTextKey = keyof typeof EN;

const FR: Readonly<Record<ChatTextKey, string>> = {
  readAs: "J'ai compris : {what}.",
  unused: "(je n'ai pas pu utiliser : {words})",
  truncated: "(Le message est long : je n'ai lu que « {read} ».)",
  ignored: "(Je ne suis pas les instructions données dans un message ; j'ai mis de côté : « {text} ».)",
  homonyms:
    "(Le nom {asked} correspond à {count} personnes du graphe : j'ai pris {name}, la personne la mieux reliée dans le graphe (d'abord celles qui ont des documents du type demandé) ; parmi les autres : {others}. Donnez un prénom ou une initiale pour en demander une autre.)",
  listOf: "{types} sur {subjects}",
  listVia: "{types} liés à des {via} sur {subjects}",
  and: " et ",
  or: " ou ",
  nearest: "{what}, le plus proche de {subject} que j'ai trouvé",
  level: "{what}, niveau {level}",
  introductory: "introductif",
  intermediate: "intermédiaire",
  advanced: "avancé",
  autumn: "{what}, semestre d'automne",
  spring: "{what}, semestre de printemps",
  latest: "{what}, les plus récents d'abord",
  count: "{what}, {count} au plus",
  narrowed: "{what}, sur {topic}",
  language: "{what}, en {language}",
  paperKinds: "{what}, de ces types seulement : {kinds}",
  institution: "{what}, venant de : {institution}",
  noneFrom:
    "Aucun des {count} résultats trouvés ({types}) ne vient de {institution} (le graphe dit d'où vient chaque élément : son institution, son affiliation ou son lieu).",
  related: "les {types} liés à {anchor}",
  teacher: "les enseignants de {anchor}",
  taughtBy: "les {types} enseignés par {anchor}",
  partOf: "les séances de {anchor}",
  members: "les membres de {anchor}",
  unitsOf: "les unités de {anchor}",
  papersOf: "les publications de {anchor}",
  explain: "une explication de {anchor}",
  about: "le contenu de {anchor}",
  research: "les recherches de {anchor}",
  prerequisites: "ce qu'il faut apprendre avant {anchor}",
  compare: "une comparaison de {anchor}, avec les concepts qu'ils partagent",
  nothing: "Je n'ai rien trouvé dans le graphe. Les appels faits sont listés ci-dessous.",
  noneInCommon:
    "Aucun résultat commun ({types}) : j'en ai trouvé {counts}, mais aucun lié aux deux. Demandez chacun séparément pour les voir.",
  countFor: "{count} pour {subject}",
  unclear: "Je n'ai pas trouvé {subject} dans le graphe.",
  unsure:
    "Je ne suis pas sûr de comprendre la question. J'ai compris : une question sur {found}. Je peux répondre par exemple à : {suggestions}.",
  cannot: "Je ne peux pas répondre à cela à partir du graphe.",
  creative:
    "Je n'écris pas de poèmes, d'histoires, de chansons ni de dissertations : je réponds aux questions sur le graphe.",
  creativePage: "{page} : il a sa propre page ; je peux répondre par exemple à : {suggestions}.",
  askWhat: "Qu'est-ce que {name} ?",
  askCourses: "Quels cours parlent de {name} ?",
  askWork: "Sur quoi travaille {name} ?",
  askAbout: "De quoi parle {name} ?",
  askTeachers: "Qui enseigne {name} ?",
  askMembers: "Qui sont les membres de {name} ?",
  instruction:
    "Je réponds seulement aux questions sur le graphe, en appelant son API publique ; je ne suis pas les instructions d'appeler autre chose ou de changer ma façon de faire.",
  help: "Je peux lister des cours, séances, MOOCs, personnes, unités et publications sur un sujet (« Quels cours traitent de génomique ? »), expliquer un concept, dire de quoi parle un cours, qui l'enseigne et ce qu'il faut suivre avant, ou sur quoi travaille une personne.",
  smallTalk: "Bonjour ! Je réponds aux questions sur le graphe de cette université.",
  subjective:
    "Je ne peux pas juger de ce qui est le meilleur : le graphe contient des faits, pas des opinions.",
  world: "Je ne connais que le graphe, pas l'actualité, l'heure ou la météo.",
  service: "Je ne peux rien réserver, acheter ni commander : je ne fais que lire le graphe.",
  assistant: "Je suis l'assistant du graphe et ne garde rien de vous au-delà de cette conversation.",
  whereToLearn: "Où l'apprendre :",
  relatedList: "{types} sur des sujets proches (aucun ne le nomme directement) :",
  note: "Ce sont des pistes à explorer, tirées du graphe : vérifiez auprès des sources officielles.",
};

const TEXTS: Readonly<Record<Lang, Readonly<Record<ChatTextKey, string>>>> = { en: EN, fr: FR };

/** The chat sentence `key` in `lang`, with each `{name}` replaced by `vars[name]`. */
export function chatText(
  lang: Lang,
  key: ChatTextKey,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return fillIn(TEXTS[lang][key], vars);
}
