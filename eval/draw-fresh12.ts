/**
 * `npx tsx eval/draw-fresh12.ts [--seed N] [--count N]`: the draws of the twelfth blind judge
 * (eval/chat-fresh12.jsonl, drawn with seeds 12012 and 12013): the eleventh's pools of eval/judge-draw.ts and
 * courses to name by their code alone and teachers to name by a surname no one else has, six of each by default.
 */
import { drawSettings } from "./corpus-draw.js";
import { printJudgeDraw } from "./judge-draw.js";

const { random, count } = drawSettings(12012, 6);
printJudgeDraw(random, count, { semesters: true, publicationTypes: true, namedRecords: true });
