/**
 * `npx tsx eval/gold-sizes.ts --db FILE --sets fresh9 [--max 300]`: checks a chat set's rules without asking the chat:
 * prints how many records each item's gold rule expects, and every item whose rule expects none or more than `--max`,
 * or whose earlier assistant turns link a record the store does not hold. Exits 1 when any item is flagged. Meant for
 * writers of blind sets, who may not run the chat on their questions.
 */
import { parseArgs } from "node:util";
import { openStore } from "../src/app/open-store.js";
import { GoldRules } from "./chat-gold.js";
import { readChatSets } from "./chat-items.js";

const { values } = parseArgs({
  options: { db: { type: "string" }, sets: { type: "string" }, max: { type: "string" } },
});
if (!values.db || !values.sets) throw new Error("usage: eval/gold-sizes.ts --db FILE --sets NAME[,NAME]");
const max = Number(values.max ?? 300);
const store = await openStore(values.db);
const gold = new GoldRules(store);
const sets = readChatSets();
let flagged = 0;
for (const name of values.sets.split(",")) {
  const sizes: number[] = [];
  for (const item of sets[name] ?? []) {
    const problems: string[] = [];
    if (item.expect.gold) {
      const size = (await gold.expected(item.expect.gold)).length;
      sizes.push(size);
      if (size === 0 || size > max) problems.push(`${size} expected`);
    }
    // An id may hold parentheses ("PHYS-101(a)"): a link ends at the ")" before a space, a stop or the end.
    for (const turn of item.messages ?? item.expect.messages ?? [])
      for (const [, type, id] of turn.content.matchAll(/\]\(\/([a-z]+)\/(\S+?)\)(?=$|[\s,.;:])/g))
        if (type && id && !(await store.getRecord({ type, id }))) problems.push(`no record ${type}/${id}`);
    if (problems.length > 0) {
      flagged += 1;
      console.log(`[${name}] ${item.kind}: ${item.question.slice(0, 80)} → ${problems.join("; ")}`);
    }
  }
  sizes.sort((a, b) => a - b);
  const at = (q: number) => sizes[Math.min(sizes.length - 1, Math.floor(q * sizes.length))] ?? 0;
  console.log(
    `${name}: ${sets[name]?.length ?? 0} items, ${sizes.length} with a rule; expected records min ${at(0)}, median ${at(0.5)}, max ${at(1)}`,
  );
}
await store.close();
process.exitCode = flagged > 0 ? 1 : 0;
