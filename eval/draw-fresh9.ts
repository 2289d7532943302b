/**
 * `npx tsx eval/draw-fresh9.ts [--seed N] [--count N]`: the draws of the ninth blind judge (eval/chat-fresh9.jsonl,
 * drawn with seeds 9009 and 9010): the pools of eval/judge-draw.ts, six of each by default.
 */
import { drawSettings } from "./corpus-draw.js";
import { printJudgeDraw } from "./judge-draw.js";

const { random, count } = drawSettings(9009, 6);
printJudgeDraw(random, count);
