/** The UI's languages, and how a record's text in several languages is shown in one of them. */
import type { LangText } from "../core/record.js";

/** A language of the UI. */
export type Lang = "en" | "fr";

/** The UI languages, the default first. */
export const LANGS: readonly Lang[] = ["en", "fr"];

/** True when `value` names a UI language. */
export function isLang(value: string | undefined): value is Lang {
  return value === "en" || value === "fr";
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

/** `template` with each `{name}` replaced by `vars[name]`; a name without a value stays as it is. */
export function fillIn(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
