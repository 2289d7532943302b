/**
 * `npx tsx eval/draw-fresh11.ts [--seed N] [--count N]`: the draws of the eleventh blind judge
 * (eval/chat-fresh11.jsonl, drawn with seeds 11011 and 11012): the tenth's pools of eval/judge-draw.ts and
 * publication keywords by the kinds of their papers (theses, datasets, reviews), six of each by default.
 */
import { drawSettings } from "./corpus-draw.js";
import { printJudgeDraw } from "./judge-draw.js";

const { random, count } = drawSettings(11011, 6);
printJudgeDraw(random, count, { semesters: true, publicationTypes: true });
