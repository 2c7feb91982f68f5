// Word tokens with their place in the text and the punctuation between them. The grammars of
// body names, indicators and references walk these tokens instead of running open-ended regular
// expressions over the text, which keeps them linear on any input.

import { isWordChar, lowerCodeAt } from "../chars.ts";

/**
 * A word of a text. Its strings (text, lower case, gap) are made when first asked for: most tokens are
 * only looked at by their first letter or compared with a word (`is`), which needs no string.
 */
export class Token {
  /** Offsets of the word in the full text. */
  readonly start: number;
  readonly end: number;
  /** The gap is one to three spaces, nothing else: `plainGap(gap)`, the two tokens belong to one phrase. */
  readonly spaced: boolean;
  /** The gap holds one of . ; : ! ? (, which open a clause. */
  readonly opensClause: boolean;
  /** The lower case of the word's first code unit, or -1 when it has no one-unit lower case. */
  readonly firstLower: number;
  private readonly source: string;
  /** Offset of `source` in the full text. */
  private readonly offset: number;
  private readonly gapStart: number;
  private textCache: string | undefined;
  private lowerCache: string | undefined;

  constructor(source: string, offset: number, gapStart: number, start: number, end: number, spaced: boolean, opensClause: boolean) {
    this.source = source;
    this.offset = offset;
    this.gapStart = gapStart;
    this.start = offset + start;
    this.end = offset + end;
    this.spaced = spaced;
    this.opensClause = opensClause;
    this.firstLower = lowerCodeAt(source, start);
  }

  /** The word as written: letters, digits and inner ".,/-" ("9.003", "84-TTr/TU", "Covid-19"). */
  get text(): string {
    if (this.textCache === undefined) this.textCache = this.source.slice(this.start - this.offset, this.end - this.offset);
    return this.textCache;
  }

  /** Lower case (Vietnamese), for lexicon look-ups. */
  get lower(): string {
    if (this.lowerCache === undefined) this.lowerCache = this.text.toLowerCase();
    return this.lowerCache;
  }

  /** What stands between the previous token and this one (" ", ", ", " (", "; "…). */
  get gap(): string {
    return this.source.slice(this.gapStart, this.start - this.offset);
  }

  /**
   * `lower === word`, without making the lower case, for a word of Latin letters (whose characters the
   * lower case of a character without a one-unit lower case never gives).
   */
  is(word: string): boolean {
    if (this.lowerCache !== undefined) return this.lowerCache === word;
    const from = this.start - this.offset;
    if (this.end - this.start !== word.length) return false;
    if (this.firstLower !== word.charCodeAt(0)) return false;
    for (let k = 1; k < word.length; k++) if (lowerCodeAt(this.source, from + k) !== word.charCodeAt(k)) return false;
    return true;
  }
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

/** Where the first token of `text` starts and ends (null when it has none), without tokenizing the rest. */
export function firstWordRange(text: string): [number, number] | null {
  for (let i = 0; i < text.length; i++) {
    if (wordCharLength(text, i) > 0) return [i, wordEndAt(text, i)];
  }
  return null;
}

/** The text of the first token of `text` (null when it has none), without tokenizing the rest. */
export function firstWord(text: string): string | null {
  const range = firstWordRange(text);
  return range === null ? null : text.slice(range[0], range[1]);
}

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  let last = 0;
  // What the gap since the last token holds: only spaces (how many), a character opening a clause.
  let spaces = 0;
  let other = false;
  let clause = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff ? !isWordChar(c) : wordCharLength(text, i) === 0) {
      if (c === 0x20) spaces++;
      else {
        other = true;
        if (c === 0x2e || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x28) clause = true;
      }
      continue;
    }
    const start = i;
    const end = wordEndAt(text, start);
    out.push(new Token(text, offset, last, start, end, !other && spaces >= 1 && spaces <= 3, clause));
    last = end;
    spaces = 0;
    other = false;
    clause = false;
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

// Characters of the words looked up by tokens: the lower case of a character without a one-unit lower
// case (see `Token.is`) gives none of them.
const PLAIN_WORD = /^[ -~\u00a0-\u024f\u1e00-\u1eff]+$/;

/**
 * Lower-case words with a value each, looked up by a token: the words are kept by their first letter and
 * length, so that most tokens are dismissed without making their lower case.
 */
export class WordTable<V> {
  private readonly byKey = new Map<number, Array<[string, V]>>();
  /**
   * Bit `length & 31` at `first & 255` for each word: a token whose bit is clear is in no list, which
   * is told without the map's hashing (letters sharing a slot only let more tokens through).
   */
  private readonly lengthsByFirst = new Uint32Array(256);

  private static key(first: number, length: number): number {
    return first * 64 + (length & 63);
  }

  get(word: string): V | undefined {
    for (const [w, v] of this.byKey.get(WordTable.key(word.charCodeAt(0), word.length)) ?? []) if (w === word) return v;
    return undefined;
  }

  set(word: string, value: V): void {
    if (word !== word.toLowerCase() || !PLAIN_WORD.test(word)) throw new Error(`not a lower-case word: ${word}`);
    const key = WordTable.key(word.charCodeAt(0), word.length);
    const list = this.byKey.get(key) ?? [];
    const at = list.findIndex(([w]) => w === word);
    if (at >= 0) list[at] = [word, value];
    else list.push([word, value]);
    this.byKey.set(key, list);
    this.lengthsByFirst[word.charCodeAt(0) & 255]! |= 1 << (word.length & 31);
  }

  /** The words of the table. */
  words(): string[] {
    return [...this.byKey.values()].flatMap((list) => list.map(([w]) => w));
  }

  /** The value of the word equal to the token's lower case. */
  at(t: Token): V | undefined {
    // Most tokens are dismissed by their first letter and length, before their letters are compared.
    const length = t.end - t.start;
    if ((this.lengthsByFirst[t.firstLower & 255]! & (1 << (length & 31))) === 0) return undefined;
    const list = this.byKey.get(WordTable.key(t.firstLower, length));
    if (list === undefined) return undefined;
    // The words are plain (`set`): `is` compares them without making the token's lower case.
    for (const [w, v] of list) if (t.is(w)) return v;
    return undefined;
  }
}

/** A set of lower-case words, asked whether a token's lower case is one of them. */
export class TokenWords {
  private readonly table = new WordTable<true>();

  constructor(words: Iterable<string>) {
    for (const w of words) this.table.set(w, true);
  }

  has(t: Token): boolean {
    return this.table.at(t) !== undefined;
  }

  words(): string[] {
    return this.table.words();
  }
}

/** A phrase of a lexicon found at a token: its words (lower case, without commas) joined by spaces, and how many. */
export interface PhraseMatch {
  readonly phrase: string;
  readonly length: number;
}

/** A lexicon of phrases (sequences of lower-case syllables), looked up by the longest match at a token. */
export class PhraseLexicon {
  private readonly root = new WordTable<PhraseNode>();
  readonly maxLength: number;

  constructor(phrases: readonly string[]) {
    let max = 0;
    for (const p of phrases) {
      // "văn hóa, thể thao và du lịch": a word written with "," is followed by a comma in the text.
      const words = p.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      max = Math.max(max, words.length);
      let level = this.root;
      let node: PhraseNode | undefined;
      const path: string[] = [];
      for (const written of words) {
        const w = written.endsWith(",") ? written.slice(0, -1) : written;
        path.push(w);
        node = level.get(w);
        if (!node) {
          node = { end: false, phrase: path.join(" "), length: path.length, next: new WordTable(), afterComma: null };
          level.set(w, node);
        }
        level = written.endsWith(",") ? (node.afterComma ??= new WordTable()) : node.next;
      }
      node!.end = true;
    }
    this.maxLength = max;
  }

  /** Whether some phrase starts with this (lower-case) word. */
  startsWith(lower: string): boolean {
    return this.root.get(lower) !== undefined;
  }

  /** Number of tokens of the longest phrase starting at tokens[i] (0 when none). */
  longestAt(tokens: readonly Token[], i: number): number {
    return this.matchAt(tokens, i)?.length ?? 0;
  }

  /**
   * The longest phrase starting at tokens[i], or null. Words must be separated by plain spaces, or by a
   * comma where the phrase is written with one. Its words are the lower case of the tokens matched.
   */
  matchAt(tokens: readonly Token[], i: number): PhraseMatch | null {
    let afterSpace = this.root;
    let afterComma: WordTable<PhraseNode> | null = null;
    let best: PhraseNode | null = null;
    for (let k = 0; k < this.maxLength && i + k < tokens.length; k++) {
      const t = tokens[i + k]!;
      let level = afterSpace;
      if (k > 0 && !t.spaced) {
        if (afterComma === null || !/^, ?$/.test(t.gap)) break;
        level = afterComma;
      }
      const node = level.at(t);
      if (!node) break;
      if (node.end) best = node;
      afterSpace = node.next;
      afterComma = node.afterComma;
    }
    return best;
  }
}

interface PhraseNode extends PhraseMatch {
  end: boolean;
  /** Words that follow after spaces, and after a comma (null when no phrase has one here). */
  next: WordTable<PhraseNode>;
  afterComma: WordTable<PhraseNode> | null;
}
