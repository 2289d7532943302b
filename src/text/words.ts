/**
 * Where the words of a text start and end. A word is a run of letters (with their combining marks) or a run of
 * digits: "IL6" gives "IL", "6". Both are found by a table of character classes rather than a regular expression.
 */

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const DIGIT = /^\p{N}$/u;
const OTHER = 1;
const LETTER = 2;
const NUMBER = 3;
// The class of each UTF-16 code unit, found on first sight (0: not yet): tokenising is on every search and
// every detection, and a regular expression over the text cost as much as everything else it does.
const classes = new Uint8Array(65_536);
for (let code = 0; code < 128; code += 1) classes[code] = classify(String.fromCharCode(code));

function classify(character: string): number {
  return LETTER_OR_MARK.test(character) ? LETTER : DIGIT.test(character) ? NUMBER : OTHER;
}

/** The class of the character at `at` and how many code units it takes (2 for a surrogate pair). */
function classAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(at + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return classify(text.slice(at, at + 2)) | 4;
  }
  let known = classes[code] as number;
  if (known === 0) {
    known = classify(String.fromCharCode(code));
    classes[code] = known;
  }
  return known;
}

/** The start of the first word at or after `from`, or the text's length. */
export function wordStart(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const found = classAt(text, at);
    if ((found & 3) !== OTHER) return at;
    at += found & 4 ? 2 : 1;
  }
  return text.length;
}

/** The end (exclusive) of the word starting at `start`: the run of characters of its first character's class. */
export function wordEnd(text: string, start: number): number {
  const first = classAt(text, start);
  let at = start + (first & 4 ? 2 : 1);
  while (at < text.length) {
    const found = classAt(text, at);
    if ((found & 3) !== (first & 3)) break;
    at += found & 4 ? 2 : 1;
  }
  return at;
}
