/**
 * English cognates of French words, so that a French text matches English concept names: théorie → theory,
 * modernité → modernity, apprentissage → learning. Suffix rules first, then a short list of words no rule finds.
 */

import { stem } from "./word-key.js";

// Longer words are not memoised (see the word cache of tokenise.ts).
const CACHED_WORD_LENGTH = 12;

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
/** The first letters (char codes) of the French words whose English cognate has the key `key`. */
export function frenchFirstLetters(key: string): readonly number[] {
  return FRENCH_FIRSTS.get(key) ?? [];
}
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
