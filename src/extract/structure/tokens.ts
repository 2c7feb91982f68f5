// Word tokens with their place in the text and the punctuation between them. The grammars of
// body names, indicators and references walk these tokens instead of running open-ended regular
// expressions over the text, which keeps them linear on any input.

import { isWordChar, lowerCaseInPlace } from "../chars.ts";

export interface Token {
  /** The word as written: letters, digits and inner ".,/-" ("9.003", "84-TTr/TU", "Covid-19"). */
  text: string;
  /** Lower case (Vietnamese), for lexicon look-ups. */
  lower: string;
  start: number;
  end: number;
  /** What stands between the previous token and this one (" ", ", ", " (", "; "…). */
  gap: string;
}

// A word: letters/marks/digits, with inner connectors that keep numbers and symbols whole:
//   /[\p{L}\p{M}\p{N}]+(?:[.,/-][\p{L}\p{M}\p{N}]+){0,12}/gu
// read by hand (`wordEndAt`): the pattern tested its Unicode classes at every character and took most
// of the time of tokenizing.
const MAX_CONNECTED = 12;
const ASTRAL_WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/** Code units of the word character at `i` (2 for a surrogate pair), 0 when there is none. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return isWordChar(c) ? 1 : 0;
  if (c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff && ASTRAL_WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return 0; // a lone low surrogate, or NaN past the end
}

/** Where the run of word characters from `i` ends; characters of the basic plane are tested inline. */
function runEnd(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) {
      if (!isWordChar(c)) break;
      i++;
    } else {
      const w = wordCharLength(text, i);
      if (w === 0) break;
      i += w;
    }
  }
  return i;
}

function isConnector(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x2f || c === 0x2d; // . , / -
}

/** Where the word starting at `start` (a word character) ends. */
function wordEndAt(text: string, start: number): number {
  let i = runEnd(text, start);
  for (let k = 0; k < MAX_CONNECTED && isConnector(text.charCodeAt(i)); k++) {
    const w = wordCharLength(text, i + 1);
    if (w === 0) break;
    i = runEnd(text, i + 1 + w);
  }
  return i;
}

/** The text of the first token of `text` (null when it has none), without tokenizing the rest. */
export function firstWord(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    if (wordCharLength(text, i) > 0) return text.slice(i, wordEndAt(text, i));
  }
  return null;
}

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  const lower = lowerCaseInPlace(text);
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff ? !isWordChar(c) : wordCharLength(text, i) === 0) continue;
    const start = i;
    const end = wordEndAt(text, start);
    const word = text.slice(start, end);
    out.push({
      text: word,
      lower: lower === null ? word.toLowerCase() : lower.slice(start, end),
      start: offset + start,
      end: offset + end,
      gap: text.slice(last, start),
    });
    last = end;
    i = end - 1;
  }
  return out;
}


// Case is read with the locale-independent toLowerCase/toUpperCase: Vietnamese letters have no
// locale-specific case rules, and the locale-aware versions are several times slower.

export function isCapitalized(word: string): boolean {
  const c = word.charAt(0);
  if (c >= "A" && c <= "Z") return true;
  if (c < "\u00C0") return false;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export function isLowerWord(word: string): boolean {
  const c = word.charAt(0);
  if (c >= "a" && c <= "z") return true;
  if (c < "\u00C0") return false;
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

export function isAllCapsWord(word: string): boolean {
  return /\p{L}/u.test(word) && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** The gap holds only spaces: the two tokens belong to one phrase. */
export function plainGap(gap: string): boolean {
  return /^ {1,3}$/.test(gap);
}

/** A lexicon of phrases (sequences of lower-case syllables), looked up by the longest match at a token. */
export class PhraseLexicon {
  private readonly root = new Map<string, PhraseNode>();
  readonly maxLength: number;

  constructor(phrases: readonly string[]) {
    let max = 0;
    for (const p of phrases) {
      const words = p.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      max = Math.max(max, words.length);
      let level = this.root;
      let node: PhraseNode | undefined;
      for (const w of words) {
        node = level.get(w);
        if (!node) {
          node = { end: false, next: new Map() };
          level.set(w, node);
        }
        level = node.next;
      }
      node!.end = true;
    }
    this.maxLength = max;
  }

  /** Whether some phrase starts with this (lower-case) word. */
  startsWith(lower: string): boolean {
    return this.root.has(lower);
  }

  /** Number of tokens of the longest phrase starting at tokens[i] (0 when none). Words must be separated by plain spaces. */
  longestAt(tokens: readonly Token[], i: number): number {
    let level = this.root;
    let best = 0;
    for (let k = 0; k < this.maxLength && i + k < tokens.length; k++) {
      const t = tokens[i + k]!;
      if (k > 0 && !plainGap(t.gap)) break;
      const node = level.get(t.lower);
      if (!node) break;
      if (node.end) best = k + 1;
      level = node.next;
    }
    return best;
  }
}

interface PhraseNode {
  end: boolean;
  next: Map<string, PhraseNode>;
}
