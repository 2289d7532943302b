/**
 * The chat's vocabulary, English and French, in folded form (lower case, no accents): words that name a record
 * type, a relation or a modifier, and the frame words a question wraps its subject in. Only words of the
 * question's grammar live here; names of records, concepts and people come from the graph.
 */
import { foldWord } from "../text/word-key.js";
import type { TargetType } from "./plan.js";

/** A question's word: its folded form and where it stands in the question. */
export interface Word {
  readonly text: string;
  readonly folded: string;
  readonly start: number;
  readonly end: number;
}

/** Lower case without accents: "Séances" → "seances". */
export function fold(text: string): string {
  return foldWord(text);
}

/** The words of `text` with their offsets; apostrophes split ("l'enseignant" → "l", "enseignant"). */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*(?:\([a-z]{1,3}\))?/gu)) {
    words.push({
      text: match[0],
      folded: fold(match[0]),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return words;
}

const words = (list: string) => new Set(list.split(/\s+/).filter((w) => w !== ""));

/** Words that name a record type, singular and plural, with everyday synonyms. */
export const TYPE_WORDS: ReadonlyMap<string, TargetType> = new Map([
  ...typed(
    "course",
    "course courses class classes module modules cours enseignement enseignements matiere matieres catalogue catalog seminar seminars seminaire seminaires tp tps",
  ),
  ...typed(
    "lecture",
    "lecture lectures talk talks video videos slide slides session sessions seance seances expose exposes transparents diapo diapos diapositive diapositives lecon lecons conference conferences presentation presentations magistral magistraux magistrale magistrales lesson lessons vid vids recording recordings recorded enregistrement enregistrements enregistre enregistree enregistrees enregistres filmed filme filmee filmees filmes",
  ),
  ...typed("mooc", "mooc moocs online e-learning elearning ligne courseware internet remotely"),
  ...typed(
    "person",
    "who whom qui people person persons member members membre membres expert experts researcher researchers professor professors prof profs teacher teachers lecturer lecturers instructor instructors scientist scientists specialist specialists personne personnes chercheur chercheurs chercheuse chercheuses professeur professeurs professeure enseignant enseignants enseignante experte spécialiste specialiste specialistes",
  ),
  ...typed(
    "unit",
    "lab labs laboratory laboratories group groups unit units team teams institute institutes labo labos laboratoire laboratoires groupe groupes equipe equipes unite unites institut instituts department departments departement departements faculty faculties faculte facultes section sections",
  ),
  ...typed(
    "publication",
    "publication publications paper papers article articles preprint preprints studies published publi publis papier papiers publie publies publiee publiees thesis theses",
  ),
  ...typed("concept", "concept concepts notion notions topic topics theme themes"),
]);

/**
 * Type words that are as often the last word of a name ("Military Studies", "Gender Studies"): after a subject word
 * they are read as part of it.
 */
export const NAME_TYPE_WORDS = words("studies");

function typed<T extends string = TargetType>(value: T, list: string): [string, T][] {
  return [...words(list)].map((w) => [w, value]);
}

/** Words after which the question names its subject: "courses about X", "cours qui traitent de X". */
export const TOPIC_MARKERS = words(
  "about on cover covers covering regarding concerning discuss discusses discussing explaining introduces sur concernant traitent traite parlent parle abordent aborde couvrent couvre de des du d",
);

/** Words that ask what comes before a course or a concept. */
export const PREREQUISITE_WORDS = words(
  "prerequisite prerequisites prereq prereqs prerequis before beforehand prior avant auparavant require requires required requirement requirements prepare preparation background prealable prealables accessible taken suivi suivis path pathway roadmap parcours chemin",
);

/**
 * Words that ask what a thing needs ("what do I need for X", "que faut-il savoir pour suivre X", "de quoi ai-je
 * besoin pour X"): before a "for"/"pour" that leads to the subject, they ask what comes before it.
 */
export const NEED_WORDS = words("need needs needed besoin faut know savoir connaitre");

/** Words that lead from a need to what it is for. */
export const NEED_FOR_WORDS = words("for pour");

/** Words that ask what something is: a definition, an explanation, a description. */
export const EXPLAIN_WORDS = words(
  "define definition definitions explain explains explaining explained explanation mean means meaning refer refers understand signifie signifient explique expliquent expliquant expliquer expliquez explication definir comprends comprendre",
);

/** Words that ask what a record is about. */
export const ABOUT_WORDS = words(
  "about describe description summary overview gist info information informations details contenu contient contain contains resume resumer essentiel presente presenter parle raconte renseignements",
);

/** Words that ask for a person's research. */
export const RESEARCH_WORDS = words(
  "research interests interest work works working publish publishes specialise specialises specialised specialize specializes specialized expertise recherche recherches travaille travaillent domaines domaine specialisee specialisees",
);

/**
 * Pronouns that stand for a person ("which lab is he in?", "what's her field?"), in lower case: never a name, though
 * some are surnames ("Weidong He"). "Lui" is French; "il" and "elle" also stand for things and are not here.
 */
export const PERSON_PRONOUNS = words("he she him his her hers himself herself lui");

/** Words that ask for a comparison, which the plan language does not make ("difference between A and B"). */
export const COMPARISON_WORDS = words(
  "difference differences differ differs different differently distinguish distinguishes compare compared comparing comparison versus vs differente differents differentes differe differencie comparer comparaison distingue distinguer",
);

/** Words that ask who wrote something. */
export const AUTHOR_WORDS = words(
  "wrote written writes authored author authors co-authored coauthored ecrit ecrite ecrits ecrites auteur auteurs autrice publish publishes publishing publient",
);

/** Words that ask who teaches, or what someone teaches. */
export const TEACH_WORDS = words(
  "teach teaches teaching taught teacher teachers instructor instructors instructs lecturer lecturers enseigne enseignent enseignant enseignants enseignante gives donne donnent assure assurent charge responsible runs supervise supervises supervised supervisor supervisors coordinate coordinates coordinator coordinators organise organises organize organizes enseignee enseignees enseignes",
);

/** Words that ask where to learn something: with no type word, the answer is courses. */
export const LEARN_WORDS = words("learn study studying enrol enroll take taking apprendre etudier etudie");

/** Language names: a list of MOOCs or lectures in that language. */
export const LANGUAGE_WORDS: ReadonlyMap<string, string> = new Map([
  ["english", "en"],
  ["anglais", "en"],
  ["french", "fr"],
  ["anglaise", "en"],
  ["francais", "fr"],
  ["francaise", "fr"],
  ["german", "de"],
  ["allemand", "de"],
  ["allemande", "de"],
  ["spanish", "es"],
  ["espagnol", "es"],
  ["espagnole", "es"],
  ["italian", "it"],
  ["italien", "it"],
  ["italienne", "it"],
  // Every other language the corpus's MOOCs are given in, by its English and French names.
  ["portuguese", "pt"],
  ["portugais", "pt"],
  ["portugaise", "pt"],
  ["chinese", "zh"],
  ["mandarin", "zh"],
  ["chinois", "zh"],
  ["chinoise", "zh"],
  ["arabic", "ar"],
  ["arabe", "ar"],
  ["japanese", "ja"],
  ["japonais", "ja"],
  ["japonaise", "ja"],
]);

/** Words for a language itself, which beside a language name say no more than it ("en langue française"). */
export const LANGUAGE_NOUNS = words("language languages langue langues");

/** Words that ask for the most recent records first. */
export const LATEST_WORDS = words(
  "latest newest recent recently lately last most-recent recent recents recente recentes dernier derniers derniere dernieres nouveaux nouvelles",
);

/** Words of age that order records by year rather than judge them ("de la plus récente à la plus ancienne"). */
export const AGE_WORDS = words(
  "old older oldest earliest ancien ancienne anciens anciennes vieux vieille vieilles",
);

/** Words after which a word of liking asks for something rather than judges it ("I'd love a class on X"). */
export const WISH_WORDS = words("would d should");

/**
 * Words for where the records are ("on campus", "à l'école", "here"): part of the frame of a question asking for
 * records, but of the subject otherwise ("the wifi password on campus" is about the campus).
 */
export const PLACE_WORDS = words("here ici campus school ecole university universite uni");

/** Words for who a record is meant for ("for total beginners", "pour débutants"): part of the frame, like a level. */
export const AUDIENCE_WORDS = words(
  "beginner beginners newbie newbies novice novices debutant debutants debutante debutantes dummies",
);

/** Numbers written in words, two to twenty (not "one", "un": they are articles as often), English and French. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
    "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt",
  ].flatMap((list) => list.split(" ").map((w, i) => [w, i + 2] as const)),
);

/**
 * Phrases that join two subjects into an intersection from the end of the question ("A and B at the same time", "A
 * et B en même temps"), as folded words.
 */
export const BOTH_PHRASES: readonly (readonly string[])[] = [
  ["en", "meme", "temps"],
  ["at", "once"],
  ["at", "the", "same", "time"],
  ["simultanement"],
  ["simultaneously"],
];

/**
 * Phrases that point back at the subject of the question before ("papers on the same topic", "sur le même sujet"), as
 * folded words: the question then names no subject of its own.
 */
export const SAME_SUBJECT_PHRASES: readonly (readonly string[])[] = [
  "same topic",
  "same topics",
  "same subject",
  "same subjects",
  "same area",
  "same field",
  "same thing",
  "same question",
  "meme question",
  "meme sujet",
  "memes sujets",
  "meme theme",
  "meme domaine",
  "meme chose",
  "ce sujet",
  "ce theme",
  "this topic",
  "that topic",
  "this subject",
  "that subject",
].map((p) => p.split(" "));

/** Words that join two subjects into an intersection ("both … and …", "à la fois … et …", "… as well as …"). */
export const BOTH_WORDS = words(
  "both also aussi fois well egalement combine combines combining combined combinent combinant allient melent mix mixing",
);

/** Words that join two subjects into a union. */
export const EITHER_WORDS = words("or either ou");

/** Words of greeting, thanks and leave-taking: a message made only of them is small talk. */
export const SMALL_TALK_WORDS = words(
  "hello hi hey hiya thanks thank thx cheers bye goodbye ok okay cool much lot lots very bonjour salut coucou bonsoir merci revoir ciao beaucoup bien tres",
);

/**
 * Kinds of writing a request may ask the assistant to make ("write a poem about X", "raconte une blague"): the graph
 * answers questions, it does not write. Words that also name a subject of study (history, speech, essai) are left out.
 */
export const CREATIVE_WORDS = words(
  "poem poems poetry story stories tale tales song songs lyrics essay essays joke jokes haiku haikus limerick limericks sonnet sonnets rap poeme poemes poesie conte contes chanson chansons blague blagues dissertation redaction comptine",
);

/** Words of opinion: the graph holds facts, not judgements. */
export const SUBJECTIVE_WORDS = words(
  "best worst easy easiest hardest difficult boring facile difficile ennuyeux coolest nicest funniest smartest greatest favourite favorite favourites favorites popular famous overrated underrated awesome amazing terrible horrible meilleur meilleure meilleurs meilleures pire pires prefere preferee preferes sympa love aime aimes adore celebre celebres populaire populaires genial geniale",
);

/** Words that grade ("the most …", "plus … que"): before a quality, they ask for a judgement. */
export const GRADE_WORDS = words("most least plus moins more less");

/** Words that end a comparison ("more … than", "plus … que"). */
export const COMPARE_WORDS = words("than que qu");

/** Words a question that is only a name may hold besides it: articles and politeness ("the Hausdorff dimension, please"). */
export const BARE_WORDS = words("the a an le la les l un une des du de d please svp stp");

/**
 * Verbs of a service done in the world (booking a room, buying, paying), English and French: asked of the assistant,
 * they ask what it cannot do, since it only reads the graph.
 */
export const SERVICE_VERBS = words(
  "reserve book rent order buy purchase pay cancel reserver reserve reservez louer loue louez commander commande commandez acheter achete achetez payer paye payez annuler annule annulez",
);

/** Words before a verb that make it a request to act: nothing, "please", "to", "you", a modal, "je veux". */
export const ACT_LEADS = words(
  "please to you can could would me svp stp pour je j tu veux voudrais peux pouvez pourriez",
);

/**
 * Verbs that keep part of a list ("keep just the ones at master level", "ne garde que les thèses"), English and French:
 * words of the frame before what they keep (`KEPT_LEADS`); elsewhere ("I keep hearing about X") they are not.
 */
export const NARROWING_VERBS = words(
  "keep keeps restrict restricts garde gardez garder conserve conservez conserver restreins restreindre",
);

/** Words that begin what a narrowing verb keeps: "just", "only", "the", "those", "to"; "que", "les", "ceux". */
export const KEPT_LEADS = words(
  "just only the those these them ones to seulement uniquement que les ceux celles juste",
);

/** Words that place a question in the present day (today, tomorrow): the graph holds no news, time or weather. */
export const WORLD_WORDS = words("today tomorrow tonight yesterday aujourd demain soir hier");

/**
 * Verbs of a request made to the assistant ("could you recommend…", "tu peux m'expliquer"): with a modal next to
 * "you", they ask for records, not about the assistant.
 */
export const REQUEST_VERBS = words(
  "recommend suggest show give tell list find explain remind summarise summarize describe recommande recommander recommandez suggerer suggere montre montrer montrez donne donner donnez dis dire dites liste lister trouve trouver explique expliquer expliquez rappeler rappelle resumer resume indiquer indique indiquez conseiller conseille conseillez aider aide",
);

/** Words that address the assistant itself. */
export const ASSISTANT_WORDS = words("you your yourself tu toi ton ta tes");

/**
 * Words of a MOOC's stage, the levels its platforms give ("introductory MOOCs", "cours avancés"): read as such only
 * before a type word, after one for the French forms (`STAGE_AFTER`), or beside a level word (`readPeriods`), since
 * names hold them too ("Advanced analysis"). Audience words ("for beginners") ask for the first stage wherever they are.
 */
export const STAGE_WORDS: ReadonlyMap<string, "introductory" | "intermediate" | "advanced"> = new Map([
  ...typed(
    "introductory",
    "introductory intro introductif introductifs introductive introductives basic elementary elementaire entry",
  ),
  ...typed("intermediate", "intermediate intermediaire intermediaires"),
  ...typed("advanced", "advanced avance avances avancee avancees"),
]);

/** The stage words French puts after the noun ("des cours avancés"). */
export const STAGE_AFTER = words(
  "avance avances avancee avancees intermediaire intermediaires introductif introductifs introductive introductives",
);

/** Words of the half of the year a course is taught in, EPFL's autumn and spring semesters. */
export const SEASON_WORDS: ReadonlyMap<string, "autumn" | "spring"> = new Map([
  ...typed("autumn", "autumn fall automne"),
  ...typed("spring", "spring printemps"),
]);

/** Words that say a stage or a season is one ("introductory level", "spring semester", "semestre d'automne"). */
export const PERIOD_WORDS = words(
  "level levels niveau niveaux semester semesters semestre semestres term terms",
);

/** Level words: master or bachelor. */
export const LEVEL_WORDS: ReadonlyMap<string, "master" | "bachelor"> = new Map([
  ["master", "master"],
  ["masters", "master"],
  ["msc", "master"],
  ["bachelor", "bachelor"],
  ["bachelors", "bachelor"],
  ["bsc", "bachelor"],
  ["graduate", "master"],
  ["postgraduate", "master"],
  ["undergraduate", "bachelor"],
  ["undergrad", "bachelor"],
]);

/**
 * Frame words: the grammar a question wraps its subject in (question words, auxiliaries, request verbs,
 * determiners, prepositions, politeness). Stripped from the ends of a subject, never from its middle.
 */
export const FRAME_WORDS = words(`
  what which where when how why whose that this these those there here it its is are was were be been being am
  do does did can could would will shall should must may might i me my mine we us our a an the some any all every
  each to for on in of about with from by at into onto regarding concerning covering cover covers covered deal
  deals dealing discuss discusses discussing introduce introduces introducing teach teaches teaching taught give
  gives given take taking doing top enrolled register follow find show list recommend
  need want like looking look search searching get know tell help please related relating relate available
  la-dessus dessus belong belongs belonging ses son sa leur leurs its their his her them student students etudiant etudiants level niveau plus moins most more area areas field fields starting start begin beginning commencer va somewhere anywhere free good s m re d ve ll just only other else something anything then so one ones
  exists exist existing there's where's charge responsible run runs lead leads between entre
  options option choices choix possibilites
  semester semestre nowadays currently actuellement fonctionne fonctionnent fonctionner
  here ici campus school ecole university universite uni vous go goes going same instead plutot but mais stuff thing
  truc trucs chose choses limit limite limited sorted trie triee triees tries read lire watch regarder see voir fais
  faire prendre prends without sans supposed enrolling enroling inscrire lesquels lesquelles lequel laquelle exactly
  really precisely actually now maintenant
  ces ceux celles cette cet lieu held scheduled concernant sorry pardon desole desolee oops meant voulais voulait
  rather autre autres
  exactement worth kind kinds sais sait pourriez pourrais pourrait pourrions put out phrase phrases sentence sentences lignes deux
  trois quelques
  mon ma mes notre nos votre vos
  have has had having got gotten done completed come comes coming revise revises revising avez avons ont besoin needed not no don doesn didn isn aren wasn weren cannot couldn wouldn shouldn won t
  someone somebody anyone anybody idea pls plz too seulement uniquement anyway anyways besides basically bref enfin sinon
  they theirs eux
  ne pas jamais rien quelqu dis dites offer offers offered offering propose proposes proposent
  quel quels quelle quelles que quoi qu ou comment pourquoi est sont etre etait etaient ce c cela ca il ils elle y a des les le
  la l un une du de d sur en dans avec pour par a au aux je j me m moi nous on peut peux puis pouvez faut dois doit
  voudrais veux cherche cherchons trouve trouver montre montrer donne donner liste lister recommande svp stp
  existe existent traite traitent traitant parle parlent parlant aborde abordent abordant couvre couvrent porte
  portent suivre lien rapport consacre consacree consacres consacrees assure assurent donne
  donnes faits fait avoir savoir connaitre commencer aborder reviser disponible disponibles quelque part
`);
