/**
 * The chat's plan language: a plan is data — a numbered list of steps, each a call of our public API or an
 * operation on earlier steps' results (in the spirit of a 2023 graph chatbot's planner: Search, Neighbourhood,
 * Filter, Sort, Limit, Intersection, Union). Plans are shown to the user with the calls they made, built by the
 * offline parser (`planQuestion`) or by a language model (`llm-chat.ts`), and run by `executePlan`.
 */
import { KNOWN_TYPES } from "../core/record.js";

/** A record type the chat can ask for: any type the format names but categories. */
export type TargetType = Exclude<(typeof KNOWN_TYPES)[number], "category">;

/** The record types a plan may name, for validating plans that come from outside. */
export const TARGET_TYPES: readonly TargetType[] = KNOWN_TYPES.filter(
  (t): t is TargetType => t !== "category",
);

/** What a question asks. */
export type Intent =
  | "list"
  | "explain"
  | "about"
  | "research"
  | "related"
  | "prerequisites"
  | "compare"
  | "off-topic"
  | "unclear";

/** Why a question gets no references: small talk, an opinion asked, the day's news, the assistant, an instruction. */
export type OffTopic = "small-talk" | "subjective" | "world" | "service" | "assistant" | "instruction";

/** A level of study a question restricts courses to. */
export type Level = "master" | "bachelor";

/** A MOOC's stage, as its platform gives it (`attrs.level`: "Introductory", "Intermediate", "Advanced"). */
export type Stage = "introductory" | "intermediate" | "advanced";

/** A half of the academic year: EPFL's autumn (odd) and spring (even) semesters. */
export type Season = "autumn" | "spring";

/** One message of the conversation. */
export interface ChatMessage {
  readonly role: "user" | "assistant";
  readonly content: string;
}

/**
 * One step. `from` and `of` name earlier steps by their index. Search, record, detect, neighbours and path call
 * the API, and so does compare (the concepts courses share); filter, sort, limit, intersection and union work on
 * results already returned, and never add a record.
 */
export type PlanStep =
  | {
      readonly op: "search";
      readonly query: string;
      readonly types: readonly TargetType[];
      readonly limit: number;
    }
  | { readonly op: "record"; readonly type: string; readonly id: string }
  | {
      readonly op: "detect";
      readonly text: string;
      readonly lang: "en" | "fr";
      readonly limit: number;
      /** Only concepts whose mentions span the whole text (a record names the text whole: "reinforcement learning"). */
      readonly whole?: boolean;
    }
  | {
      readonly op: "neighbours";
      readonly from: number;
      readonly type: TargetType;
      /** Only edges of these kinds (e.g. teacher, prerequisite); default any edge but via-concept. */
      readonly kinds?: readonly string[];
      /**
       * A concept the question names itself: when its page lists no record first-hand, its second-hand ones
       * (via-concept, through related concepts) are taken, marked related.
       */
      readonly related?: boolean;
      /** Only the corpus's facts (teacher, member, author…), not computed similarities. */
      readonly facts?: boolean;
      readonly limit: number;
      /** How many of the input's records to expand; default 20. */
      readonly top?: number;
      /** "year": the neighbours newest first, sorted by the API over all of them (default: best first). */
      readonly order?: "year";
    }
  | {
      /** What to learn before a course or concept, in order: the API's learning path from the first input. */
      readonly op: "path";
      readonly from: number;
      /** Prerequisite links followed from the goal, 1–6. */
      readonly depth: number;
      readonly limit: number;
    }
  | {
      readonly op: "filter";
      readonly from: number;
      readonly words?: string;
      readonly level?: Level;
      /** Only MOOCs of this stage. */
      readonly stage?: Stage;
      /** Only courses taught in this half of the year. */
      readonly season?: Season;
      /** Only records whose `language` attribute is this code. */
      readonly language?: string;
      /** Only publications whose `type` attribute is one of these ("Doctoral Thesis", "Review Article"). */
      readonly paperKinds?: readonly string[];
      /** Only records from this university: their institution, affiliation or venue names it, or they link to its units. */
      readonly institution?: Institution;
      /** Only records one of whose short attributes (a lecture's topic) says these words, or is said by them. */
      readonly label?: string;
    }
  | { readonly op: "sort"; readonly from: number; readonly by: "year" }
  | { readonly op: "limit"; readonly from: number; readonly count: number }
  | { readonly op: "intersection"; readonly of: readonly number[] }
  | {
      /** The concepts the courses of the inputs (the first record of each) share, from `GET /api/compare`. */
      readonly op: "compare";
      readonly of: readonly number[];
      readonly limit: number;
    }
  | {
      readonly op: "union";
      readonly of: readonly number[];
      /** Takes the inputs' records in turn (A1, B1, A2…), so that an answer cut short keeps some of each. */
      readonly alternate?: boolean;
    };

/** A university a question restricts records to, as the graph knows it. */
export interface Institution {
  /** The name as asked ("MIT", "EPFL"). */
  readonly name: string;
  /** The root unit of the corpus that is this university, when there is one: records linked to its units are from it. */
  readonly unit?: string;
  /** Other names it goes by in the graph: the root unit's name and institution attribute. */
  readonly aka?: readonly string[];
}

/** A record a plan is about, found in the graph while reading the question. */
export interface Anchor {
  readonly type: string;
  readonly id: string;
  readonly name: string;
  /**
   * True when the search found the record but its name does not say the question's words ("photosynthèse" →
   * Artificial photosynthesis, when no concept is named Photosynthesis): the answer says it is the closest found.
   */
  readonly nearest?: true;
}

/** A plan: what was understood, the steps, and which steps' results the answer cites, in order. */
export interface Plan {
  readonly intent: Intent;
  readonly lang: "en" | "fr";
  /** The type of records asked for. */
  readonly target?: TargetType;
  /** The records the question names (a course, a person, a concept). */
  readonly anchor?: Anchor;
  /** All the records named, when the question names several ("who teaches both A and B"). */
  readonly anchors?: readonly Anchor[];
  /** Words that narrow the records of a relation ("lectures of X about Y"). */
  readonly topic?: string;
  /**
   * A person named by a form several people's names fit ("Müller"): the name asked, how many people it fits, and
   * the names of a few of the others.
   */
  readonly homonyms?: { readonly asked: string; readonly among: number; readonly others: readonly string[] };
  /** The subjects searched for ("genomics"); two when joined. */
  readonly subjects: readonly string[];
  readonly join?: "and" | "or";
  /** The kind of records the list goes through ("people who teach courses about X": course). */
  readonly via?: TargetType;
  readonly level?: Level;
  readonly stage?: Stage;
  readonly season?: Season;
  readonly language?: string;
  /** The kinds of publication the list keeps ("Doctoral Thesis"). */
  readonly paperKinds?: readonly string[];
  /** The university the list is restricted to ("… at EPFL"), as named. */
  readonly institution?: string;
  readonly latest?: boolean;
  /** How many records the question asks for ("the 5 latest papers", "top 3 courses"). */
  readonly count?: number;
  /** Why no reference is given, for off-topic questions. */
  readonly offTopic?: OffTopic;
  /** Words of the question the plan could not use. */
  readonly unused?: readonly string[];
  /** True when the message was longer than what was read; `read` is then the part read. */
  readonly truncated?: boolean;
  readonly read?: string;
  /** Sentences of the message set aside as instructions to the assistant (the plan never follows them). */
  readonly ignored?: readonly string[];
  /** True when the question's request was not understood (it names no type, relation or "what is"). */
  readonly unsure?: boolean;
  /** True when the message asks for a piece of writing (a poem, a story), which the chat does not make. */
  readonly creative?: boolean;
  /** For an unclear question: questions the planner can answer about what it found, nearest first. */
  readonly suggestions?: readonly string[];
  readonly steps: readonly PlanStep[];
  readonly cite: readonly number[];
  /** When the message asks several questions: each one's reading, citing steps of the shared list, in turn. */
  readonly questions?: readonly PlanPart[];
}

/** One question of a message that asks several: a plan without steps of its own. */
export type PlanPart = Omit<Plan, "steps" | "questions">;

/** How many records an answer cites at most. */
export const ANSWER_LIMIT = 20;
