// Word tokens with their place in the text and the punctuation between them. The grammars of
// body names, indicators and references walk these tokens instead of running open-ended regular
// expressions over the text, which keeps them linear on any input.

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

// A word: letters/marks/digits, with inner connectors that keep numbers and symbols whole.
const WORD = /[\p{L}\p{M}\p{N}]+(?:[.,/-][\p{L}\p{M}\p{N}]+){0,12}/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    out.push({
      text: word,
      lower: word.toLowerCase(),
      start: offset + m.index,
      end: offset + m.index + word.length,
      gap: text.slice(last, m.index),
    });
    last = m.index + word.length;
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
