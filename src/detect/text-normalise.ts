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

// A token is a run of letters (with their combining marks) or a run of digits: "IL6" gives "IL", "6".
const TOKEN = /[\p{L}\p{M}]+|\p{N}+/gu;
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
  return scan(text, "fr", keys);
}

function scan(text: string, lang: TextLanguage | undefined, keys: ReadonlySet<string> | undefined): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    if ((raw === "s" || raw === "S") && isApostrophe(text.charCodeAt(start - 1))) continue;
    const word = wordKeys(raw);
    const end = start + raw.length;
    if (lang === "fr") {
      word.cognate ??= cognateKey(word.folded, word.key);
      const matched =
        keys === undefined || keys.has(word.key) || (word.cognate !== "" && keys.has(word.cognate));
      if (!matched) continue;
      if (word.cognate === "") tokens.push({ key: word.key, start, end, upper: word.upper });
      else tokens.push({ key: word.key, start, end, upper: word.upper, cognate: word.cognate });
    } else if (keys === undefined || keys.has(word.key)) {
      tokens.push({ key: word.key, start, end, upper: word.upper });
    }
  }
  return tokens;
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

function wordKeys(raw: string): WordKeys {
  let word = wordCache.get(raw);
  if (word === undefined) {
    const folded = foldWord(raw);
    word = { folded, key: stem(folded), upper: UPPER.test(raw), cognate: undefined };
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
    .map((pair) => pair.split(":") as [string, string]),
);

const cognateCache = new Map<string, string | undefined>();
const COGNATE_CACHE_SIZE = 50_000;

/** The key of the English cognate of a folded French word, or undefined when no rule applies (memoised). */
export function englishCognate(folded: string): string | undefined {
  if (cognateCache.has(folded)) return cognateCache.get(folded);
  const cognate = computeCognate(folded);
  if (cognateCache.size >= COGNATE_CACHE_SIZE) cognateCache.clear();
  cognateCache.set(folded, cognate);
  return cognate;
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
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0].toLowerCase();
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
