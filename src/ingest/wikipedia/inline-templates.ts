/**
 * The few inline templates whose text belongs to the sentence around them (`{{nihongo|Ranma ½|…}}`,
 * `{{lang|de|Berlin}}`, `{{date|17|novembre|1866}}`, `{{s|XX}}`…), shown as MediaWiki would roughly show
 * them. Every other template is dropped: infoboxes, navigation boxes, citations, maintenance tags.
 */

/** How a template shows: one positional parameter, them all, a quantity, or a French century. */
type Rule = number | "all" | "quantity" | "century" | "century-short";

const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ...["nihongo", "nihongo2", "nobr", "nowrap", "nobreak", "small", "smaller", "big", "sc", "smallcaps"].map(
    (name): [string, Rule] => [name, 1],
  ),
  ...["small caps", "not a typo", "sic", "abbr", "em", "var", "math", "mvar", "ill", "lien", "citation"].map(
    (name): [string, Rule] => [name, 1],
  ),
  ["lang", 2],
  ["langue", 2],
  ["transl", 2],
  ["date", "all"],
  ["date-", "all"],
  ["date de naissance", "all"],
  ["date de décès", "all"],
  ["nombre", "all"],
  ["nb", "all"],
  ["formatnum", "all"],
  ["convert", "quantity"],
  ["cvt", "quantity"],
  ["unité", "quantity"],
  ["s", "century"],
  ["siècle", "century"],
  ["s-", "century-short"],
]);

const CENTURY_NAME = /^[ivxlc]+(?:e|er) (?:siècle|millénaire)(?: av\. j\.-c\.)?$/;

/**
 * The text of template `name`, or undefined to drop it; `positional` renders its positional parameters,
 * called only for the templates listed here so that an infobox costs nothing.
 */
export function renderInlineTemplate(name: string, positional: () => readonly string[]): string | undefined {
  const key = name.trim().replace(/_/g, " ").replace(/\s+/g, " ").toLowerCase();
  // {{XXe siècle}} shows its own name.
  if (CENTURY_NAME.test(key)) return name.trim();
  const rule = RULES.get(key) ?? (key.startsWith("lang-") ? 1 : undefined);
  if (rule === undefined) return undefined;
  const params = positional();
  if (typeof rule === "number") return params[rule - 1];
  if (rule === "all") return params.join(" ");
  const [first = "", second = "", third = ""] = params;
  if (rule === "quantity") return `${first} ${second}${/^\d$/.test(third) ? third : ""}`;
  if (first === "") return undefined;
  return rule === "century" ? `${first}e siècle` : `${first}e`;
}
