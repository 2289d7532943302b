/**
 * `npx tsx eval/draw-fresh10.ts [--seed N] [--count N]`: the draws of the tenth blind judge (eval/chat-fresh10.jsonl,
 * drawn with seeds 10010 and 10011): the ninth's pools of eval/judge-draw.ts and course keywords by the Bachelor and
 * Master semesters of their courses, six of each by default.
 */
import { drawSettings } from "./corpus-draw.js";
import { printJudgeDraw } from "./judge-draw.js";

const { random, count } = drawSettings(10010, 6);
printJudgeDraw(random, count, { semesters: true });
