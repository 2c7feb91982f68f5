import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesOf } from "./matches.ts";

const PATTERNS = [/\d+/g, /(?:số\s)?(\d{1,3})/giu, /x*/g, /\p{L}*/gu, /(?<=a)b?/gu];

describe("matchesOf", () => {
  it("gives what matchAll gives, empty matches and surrogate pairs included", () => {
    const text = fc.array(fc.constantFrom("a", "b", "x", "1", "23", " ", "số ", "\uD835\uDC00", "\uD800", "é"), { maxLength: 30 }).map((a) => a.join(""));
    fc.assert(
      fc.property(text, fc.constantFrom(...PATTERNS), (s, re) => {
        const simple = (ms: RegExpExecArray[] | RegExpMatchArray[]) => ms.map((m) => [m.index, ...m]);
        expect(simple(matchesOf(s, re))).toEqual(simple([...s.matchAll(re)]));
      }),
      { numRuns: 500 },
    );
  });
});
