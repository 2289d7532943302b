/**
 * The nearest questions the planner can answer about a record it found in a question it could not read: what a
 * concept is and where it is taught, what a person works on, what a course is about and who teaches it.
 */
import { type ChatTextKey, chatText } from "../i18n/chat-text.js";
import type { Anchor } from "./plan.js";

const ASKED: Readonly<Record<string, readonly ChatTextKey[]>> = {
  concept: ["askWhat", "askCourses"],
  person: ["askWork"],
  course: ["askAbout", "askTeachers"],
  mooc: ["askAbout", "askTeachers"],
  unit: ["askMembers"],
};

/** Questions about `anchor` the planner answers, in `lang`, nearest first. */
export function suggestQuestions(anchor: Anchor, lang: "en" | "fr"): string[] {
  const name = anchor.type === "course" ? anchor.id : anchor.name;
  return (ASKED[anchor.type] ?? ["askAbout"]).map((key) => chatText(lang, key, { name }));
}
