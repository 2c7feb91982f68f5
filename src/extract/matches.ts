// `text.matchAll(re)` makes a new copy of the pattern at every call, which costs more than scanning a
// short paragraph; the readers scan every paragraph with the same few patterns, so they collect the
// matches with `exec` on the pattern itself.

/** The matches of the global pattern `re` in `text`, as `[...text.matchAll(re)]` gives them. */
export function matchesOf(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError("matchesOf needs a global pattern");
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex = nextIndex(text, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return out;
}

/** AdvanceStringIndex: one code unit, or a whole surrogate pair in a Unicode pattern. */
function nextIndex(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

/**
 * The matches of the sticky `re` that `text.matchAll` of its global form would give, when every place
 * a match can start is among `starts` (in order): each is tried after the end of the match before it.
 */
export function matchesFrom(text: string, re: RegExp, starts: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const at of starts) {
    if (at < from) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    out.push(m);
    from = at + Math.max(1, m[0].length);
  }
  return out;
}
