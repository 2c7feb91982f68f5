// The hand-written character tests must answer as the patterns they replace.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CaseInsensitiveWords, isUpperAt, LowerCaseWords, sameLowerCase, upperAfterSpaces } from "./chars.ts";

const WORDS = ["và", "so", "với", "trong", "khi", "đã", "nâng", "tuổi", "số nhà"];
const PATTERN = new RegExp(`^(?:${WORDS.join("|")})$`, "iu");

// Words near the list: its words in any case, with a letter changed for one that folds to the same
// ("ſ" for "s", the Kelvin sign for "k", "İ"), or anything else.
const nearWord = fc.oneof(
  fc.constantFrom(...WORDS).chain((w) =>
    fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length }).map((upper) => [...w].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join("")),
  ),
  fc.constantFrom(...WORDS).map((w) => w.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0130")),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
);

describe("word look-ups", () => {
  const words = new CaseInsensitiveWords(WORDS);
  const lowers = new LowerCaseWords(WORDS);
  it("CaseInsensitiveWords answers as the case-insensitive pattern of its words", () => {
    fc.assert(
      fc.property(nearWord, fc.string({ maxLength: 3 }), (w, around) => {
        expect(words.has(w)).toBe(PATTERN.test(w));
        expect(words.has(w, w.toLowerCase())).toBe(PATTERN.test(w));
        expect(words.hasAt(around + w + around, around.length, around.length + w.length)).toBe(PATTERN.test(w));
      }),
      { numRuns: 3000 },
    );
  });

  it("LowerCaseWords finds a word when its lower case is one of the words", () => {
    fc.assert(
      fc.property(nearWord, fc.string({ maxLength: 3 }), (w, around) => {
        const lower = w.toLowerCase();
        expect(lowers.find(around + w + around, around.length, around.length + w.length)).toBe(WORDS.includes(lower) ? lower : null);
      }),
      { numRuns: 3000 },
    );
  });

  it("sameLowerCase compares as toLowerCase does", () => {
    fc.assert(
      fc.property(nearWord, nearWord, (a, b) => {
        const s = `${a} ${b}`;
        expect(sameLowerCase(s, 0, a.length, a.length + 1, s.length)).toBe(a.toLowerCase() === b.toLowerCase());
      }),
      { numRuns: 3000 },
    );
    const pairs: Array<[string, string]> = [["Σa", "σa"], ["aΣ", "aς"], ["İ", "i̇"], ["ĐÃ", "đã"], ["\ud801\udc00", "\ud801\udc28"]];
    for (const [a, b] of pairs) {
      expect(sameLowerCase(`${a} ${b}`, 0, a.length, a.length + 1, a.length + 1 + b.length)).toBe(a.toLowerCase() === b.toLowerCase());
    }
  });

  it("refuses words it cannot look up", () => {
    expect(() => new CaseInsensitiveWords(["Và"])).toThrow();
    expect(() => new LowerCaseWords(["α"])).toThrow();
  });
});

describe("upper-case letters", () => {
  const texts = fc.array(fc.constantFrom(" ", "\t", "\u00a0", "a", "Á", "ủ", "Đ", "\ud835\udc00", "\ud835", "\udc00", "1", "%"), { maxLength: 8 }).map((a) => a.join(""));
  it("isUpperAt and upperAfterSpaces answer as \\p{Lu}", () => {
    fc.assert(
      fc.property(texts, fc.nat(8), (s, from) => {
        expect(upperAfterSpaces(s, from, 3)).toBe(/^\s{0,3}\p{Lu}/u.test(s.slice(from)));
        expect(isUpperAt(s.slice(from), 0)).toBe(/^\p{Lu}/u.test(s.slice(from)));
      }),
      { numRuns: 3000 },
    );
  });
});
