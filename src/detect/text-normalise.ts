/**
 * Tokens for matching concept names in text, the same way on both sides: case and accents folded, hyphens and
 * spaces alike ("IL-6" = "IL 6" = "IL6"), English and French plurals reduced by a light stemmer.
 */

/** A word of a text with its place, for reporting mentions. */
export interface Token {
  /** Folded and stemmed form, the key used for matching. */
  readonly key: string;
  /** Start offset (UTF-16 code units) in the original text. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
  /** True when the original has at least two letters, all upper-case ("IL", "ACID"), or is such a plural ("CNNs"). */
  readonly upper: boolean;
  /** For French text: the English cognate's key ("théorie" → "theory"), tried when `key` matches nothing. */
  readonly cognate?: string;
}

/** The languages whose texts get their own rules; other texts are matched as they are. */
export type TextLanguage = "en" | "fr";

// A token is a run of letters (with their combining marks) or a run of digits: "IL6" gives "IL", "6". Words are
// found by `wordEnd` below, which follows these two classes by a table rather than running a regular expression.
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const DIGIT = /^\p{N}$/u;
const ASCII = /^[\x20-\x7e]*$/;
const COMBINING = /\p{M}/gu;
// Upper-case words, and their plurals: "CNNs" is the plural of "CNN".
const UPPER = /^\p{Lu}{2,}s?$/u;

/**
 * Splits `text` into matching tokens; possessive "'s" is dropped so "Schrödinger's equation" matches
 * "Schrödinger equation". French text (`lang` "fr") also gets English cognate keys.
 */
export function tokenise(text: string, lang?: TextLanguage): Token[] {
  return scan(text, lang, undefined);
}

/** The tokens of `text`, read as French, whose key or English cognate is in `keys` (to highlight them). */
export function matchingTokens(text: string, keys: ReadonlySet<string>): Token[] {
  let firsts = firstLetters.get(keys);
  if (firsts === undefined) {
    const letters = new Set<number>();
    for (const key of keys) {
      letters.add(key.charCodeAt(0));
      for (const first of FRENCH_FIRSTS.get(key) ?? []) letters.add(first);
    }
    firsts = letters;
    firstLetters.set(keys, letters);
  }
  return scan(text, "fr", keys, firsts);
}

// Keys and cognates keep a word's first letter, but for the French words listed ("apprentissage" → learning):
// a word written with another first letter, in ASCII, cannot match and is not looked at. The letters are worked
// out once per set of keys (a search highlights all its hits with one).
const firstLetters = new WeakMap<ReadonlySet<string>, ReadonlySet<number>>();

function scan(
  text: string,
  lang: TextLanguage | undefined,
  keys: ReadonlySet<string> | undefined,
  firsts?: ReadonlySet<number>,
): Token[] {
  const tokens: Token[] = [];
  for (let start = wordStart(text, 0); start < text.length; start = wordStart(text, start)) {
    const end = wordEnd(text, start);
    if (firsts !== undefined) {
      const first = text.charCodeAt(start);
      if (first < 128 && !firsts.has(first >= 65 && first <= 90 ? first + 32 : first)) {
        start = end;
        continue;
      }
    }
    const raw = text.slice(start, end);
    start = end;
    if ((raw === "s" || raw === "S") && isApostrophe(text.charCodeAt(end - 2))) continue;
    const word = wordKeys(raw);
    const at = end - raw.length;
    if (lang === "fr") {
      word.cognate ??= cognateKey(word.folded, word.key);
      const matched =
        keys === undefined || keys.has(word.key) || (word.cognate !== "" && keys.has(word.cognate));
      if (!matched) continue;
      if (word.cognate === "") tokens.push({ key: word.key, start: at, end, upper: word.upper });
      else tokens.push({ key: word.key, start: at, end, upper: word.upper, cognate: word.cognate });
    } else if (keys === undefined || keys.has(word.key)) {
      tokens.push({ key: word.key, start: at, end, upper: word.upper });
    }
  }
  return tokens;
}

const OTHER = 1;
const LETTER = 2;
const NUMBER = 3;
// The class of each UTF-16 code unit, found on first sight (0: not yet): tokenising is on every search and
// every detection, and a regular expression over the text cost as much as everything else it does.
const classes = new Uint8Array(65_536);
for (let code = 0; code < 128; code += 1) classes[code] = classify(String.fromCharCode(code));

function classify(character: string): number {
  return LETTER_OR_MARK.test(character) ? LETTER : DIGIT.test(character) ? NUMBER : OTHER;
}

/** The class of the character at `at` and how many code units it takes (2 for a surrogate pair). */
function classAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(at + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return classify(text.slice(at, at + 2)) | 4;
  }
  let known = classes[code] as number;
  if (known === 0) {
    known = classify(String.fromCharCode(code));
    classes[code] = known;
  }
  return known;
}

/** The start of the first word at or after `from`, or the text's length. */
function wordStart(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const found = classAt(text, at);
    if ((found & 3) !== OTHER) return at;
    at += found & 4 ? 2 : 1;
  }
  return text.length;
}

/** The end (exclusive) of the word starting at `start`: the run of characters of its first character's class. */
function wordEnd(text: string, start: number): number {
  const first = classAt(text, start);
  let at = start + (first & 4 ? 2 : 1);
  while (at < text.length) {
    const found = classAt(text, at);
    if ((found & 3) !== (first & 3)) break;
    at += found & 4 ? 2 : 1;
  }
  return at;
}

/** What tokenising derives from a word as written; `cognate` is "" for none, undefined until asked for. */
interface WordKeys {
  readonly folded: string;
  readonly key: string;
  readonly upper: boolean;
  cognate: string | undefined;
}

// Words as written and their keys: texts repeat their words, and folding, stemming and the case test were most
// of the time of tokenising (search highlights tokenise ten snippets per query). Cleared when full.
const wordCache = new Map<string, WordKeys>();
const WORD_CACHE_SIZE = 100_000;

// Longer words are not cached: V8 copies a slice of up to 12 characters, but a longer one may point into the text
// it was cut from, and a cache of them would keep whole record texts alive.
const CACHED_WORD_LENGTH = 12;

function wordKeys(raw: string): WordKeys {
  let word = raw.length > CACHED_WORD_LENGTH ? undefined : wordCache.get(raw);
  if (word === undefined) {
    const folded = foldWord(raw);
    word = { folded, key: stem(folded), upper: UPPER.test(raw), cognate: undefined };
    if (raw.length > CACHED_WORD_LENGTH) return word;
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
    wordCache.set(raw, word);
  }
  return word;
}

function cognateKey(folded: string, key: string): string {
  const cognate = englishCognate(folded);
  return cognate === undefined || cognate === key ? "" : cognate;
}

// French endings and their usual English counterparts: théorie → theory, modernité → modernity,
// humanisme → humanism, territoire → territory, logique → logic, moteur → motor, adaptatif → adaptive.
const COGNATE_ENDINGS: readonly [string, string][] = [
  ["isation", "ization"],
  ["laire", "lar"],
  ["ien", "ean"],
  ["oleur", "oller"],
  ["ielle", "ial"],
  ["iel", "ial"],
  ["isme", "ism"],
  ["iste", "ist"],
  ["ite", "ity"],
  ["ie", "y"],
  ["ique", "ic"],
  ["aire", "ary"],
  ["oire", "ory"],
  ["eur", "or"],
  ["if", "ive"],
  ["ive", "ive"],
  ["elle", "al"],
  ["el", "al"],
  ["ale", "al"],
  ["ee", ""],
  // French words that are English ones plus a mute "e": rigide → rigid, méthode → method, système → system.
  ["ide", "id"],
  ["ode", "od"],
  ["eme", "em"],
  ["orme", "orm"],
];

// French words whose English counterpart no suffix rule finds (produit → product, matrice → matrix), and
// adjectives that stand for their noun in English names (vectoriel → vector, cellulaire → cell).
const FRENCH_WORDS: ReadonlyMap<string, string> = new Map(
  (
    "produit:product matrice:matrix matriciel:matrix analyse:analysis programmation:programming coordonnee:coordinate limite:limit histoire:history " +
    "historique:historical chimie:chemistry chimique:chemical physique:physics mathematique:mathematics statistique:statistics ingenierie:engineering genie:engineering " +
    "recherche:research apprentissage:learning donnee:data reseau:network traitement:processing logiciel:software materiel:hardware ordinateur:computer " +
    "informatique:computing conception:design gestion:management entreprise:company marche:market droit:law ville:city paysage:landscape " +
    "batiment:building beton:concrete acier:steel bois:wood eau:water sol:soil chaleur:heat lumiere:light " +
    "onde:wave champ:field vitesse:velocity mecanique:mechanics fluide:fluid solide:solid derivee:derivative integrale:integral " +
    "fonction:function serie:series espace:space temps:time nombre:number reel:real " +
    "entier:integer vecteur:vector vectoriel:vector valeur:value theoreme:theorem preuve:proof loi:law aleatoire:random " +
    "echantillon:sample echantillonnage:sampling modele:model modelisation:modeling algorithme:algorithm langage:language cellule:cell cellulaire:cell " +
    "proteine:protein sante:health maladie:disease medicament:drug cerveau:brain neurone:neuron plante:plant environnement:environment " +
    "climat:climate dechet:waste risque:risk politique:politics pouvoir:power guerre:war langue:language " +
    "couleur:color capteur:sensor moteur:engine courant:current tension:voltage puissance:power couche:layer materiau:material " +
    "liaison:bond verre:glass lineaire:linear linearite:linearity equation:equation differentiel:differential ordinaire:ordinary partiel:partial " +
    "continu:continuous continuite:continuity convergence:convergence absolue:absolute matiere:matter etat:state equilibre:equilibrium chaine:chain " +
    "regle:rule noyau:kernel graphe:graph arbre:tree jeu:game tache:task calcul:calculation " +
    "image:image systeme:system controle:control commande:control asservissement:control optique:optics rayonnement:radiation spectre:spectrum " +
    "mesure:measurement croissance:growth vivant:living  etudiant:student enseignement:education developpement:development durable:sustainable " +
    "urbanisme:urbanism urbain:urban architecte:architect architectural:architecture dessin:drawing projet:project territoire:territory territorial:territory " +
    "economique:economics economie:economy societe:society culturel:culture culture:culture art:art " +
    "musee:museum imprimerie:printing impression:printing typographie:typography ecriture:writing lecture:reading pensee:thought connaissance:knowledge " +
    "savoir:knowledge objet:object oriente:oriented transfert:transfer masse:mass poids:weight pression:pressure debit:flow " +
    "ecoulement:flow turbulent:turbulence transformee:transform rotation:rotation vibration:vibration frottement:friction usure:wear contrainte:stress " +
    "deformation:deformation rupture:fracture elasticite:elasticity plasticite:plasticity poutre:beam pont:bridge sismique:earthquake foret:forest " +
    "riviere:river lac:lake mer:sea montagne:mountain neige:snow glace:ice pluie:rain nuage:cloud " +
    "carbone:carbon azote:nitrogen oxygene:oxygen hydrogene:hydrogen soufre:sulfur fer:iron cuivre:copper sel:salt " +
    "acide:acid base:base sucre:sugar graisse:fat nourriture:food aliment:food alimentaire:food vaccin:vaccine " +
    "sang:blood coeur:heart os:bone peau:skin muscle:muscle gene:gene genetique:genetics moleculaire:molecular " +
    "cinematique:kinematics vide:vacuum ciment:cement corps:body suite:sequence " +
    "atome:atom atomique:atomic quantique:quantum electron:electron photon:photon"
  )
    .split(" ")
    .filter((pair) => pair.includes(":"))
    .map((pair) => pair.split(":") as [string, string]),
);

const cognateCache = new Map<string, string | undefined>();
const COGNATE_CACHE_SIZE = 50_000;

/** The key of the English cognate of a folded French word, or undefined when no rule applies (memoised). */
export function englishCognate(folded: string): string | undefined {
  if (folded.length > CACHED_WORD_LENGTH) return computeCognate(folded);
  if (cognateCache.has(folded)) return cognateCache.get(folded);
  const cognate = computeCognate(folded);
  if (cognateCache.size >= COGNATE_CACHE_SIZE) cognateCache.clear();
  cognateCache.set(folded, cognate);
  return cognate;
}

// The first letters of the French words of FRENCH_WORDS, by the key of their English cognate.
const FRENCH_FIRSTS = new Map<string, number[]>();
for (const [french, english] of FRENCH_WORDS) {
  const key = stem(english);
  FRENCH_FIRSTS.set(key, [...(FRENCH_FIRSTS.get(key) ?? []), french.charCodeAt(0)]);
}

function computeCognate(folded: string): string | undefined {
  let word = folded;
  if (word.length > 4 && (word.endsWith("s") || word.endsWith("x")) && !word.endsWith("ss"))
    word = word.slice(0, -1);
  const known =
    FRENCH_WORDS.get(word) ?? (word.endsWith("e") ? FRENCH_WORDS.get(word.slice(0, -1)) : undefined);
  if (known !== undefined) return stem(known);
  if (word.length < 5) return undefined;
  for (const [french, english] of COGNATE_ENDINGS) {
    if (word.endsWith(french) && word.length - french.length >= 3)
      return stem(word.slice(0, -french.length) + english);
  }
  return stem(word.replace(/ss/g, "s"));
}

const FRENCH_MARKERS = new Set([
  "le",
  "la",
  "les",
  "des",
  "du",
  "est",
  "et",
  "une",
  "dans",
  "pour",
  "sur",
  "au",
  "aux",
  "qui",
  "que",
]);
const ENGLISH_MARKERS = new Set([
  "the",
  "and",
  "of",
  "is",
  "to",
  "in",
  "for",
  "with",
  "on",
  "that",
  "this",
  "are",
  "by",
  "an",
]);

/** Guesses whether a text is French or English from its function words; English when unsure. */
export function guessLanguage(text: string): TextLanguage {
  let french = 0;
  let english = 0;
  let seen = 0;
  for (let start = wordStart(text, 0); start < text.length; start = wordStart(text, start)) {
    const end = wordEnd(text, start);
    const word = text.slice(start, end).toLowerCase();
    start = end;
    if (FRENCH_MARKERS.has(word)) french += 1;
    else if (ENGLISH_MARKERS.has(word)) english += 1;
    if (++seen >= 400) break;
  }
  return french > english ? "fr" : "en";
}

/** The matching keys of a phrase, e.g. a concept name: `["interleukin", "6"]` for "Interleukin-6". */
export function phraseKeys(phrase: string): string[] {
  return tokenise(phrase).map((t) => t.key);
}

/** Lower-cases and removes accents and ligatures: "Œdème" → "oedeme", "Straße" → "strasse". */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower
    .normalize("NFD")
    .replace(COMBINING, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/ø/g, "o")
    .replace(/ł/g, "l")
    .replace(/đ/g, "d");
}

/**
 * A light stemmer for English and French plurals, applied alike to names and texts: "cells" → "cell",
 * "antibodies" → "antibody", "signaux" → "signal". Words of 3 letters or fewer, and endings that are
 * not plurals ("-ss", "-us", "-is"), stay as they are.
 */
export function stem(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(0) < 97) return word;
  if (word.endsWith("ies") && n > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("aux") && n > 4) return `${word.slice(0, -3)}al`;
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
    return word.slice(0, -1);
  }
  return word;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** Common English and French function words: a phrase made only of these is never a concept mention. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be but by for from has have in into is it its of on or that the their this to was were " +
    "which with not no can may will also than then there these those such each other more most only one two " +
    "au aux avec ce ces dans de des du elle en est et il ils la le les leur lui mais ne nous ou par pas pour " +
    "qu que qui sa se ses son sont sur un une vous d l s y"
  )
    .split(" ")
    .map((w) => stem(w)),
);
