import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeCp1252,
  decodeTcvn3,
  decodeVni,
  encodeTcvn3,
  encodeVni,
  repairLegacyText,
  tcvn3ToUnicode,
  vniToUnicode,
} from "./legacy.ts";
import { isVietnameseSyllable } from "./syllable.ts";

const SEEDS = resolve(import.meta.dirname, "../../../../shared/seeds");

const BASES = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
const LOWER = [...BASES.flatMap((b) => TONES.map((t) => (b + t).normalize("NFC"))), "đ"];
const UPPER = LOWER.map((c) => c.toLocaleUpperCase("vi"));
const CONSONANTS = [..."bcdghklmnpqrstvx"];

/** Sentences of the seed papers (real text), without the lines of page furniture. */
function seedSentences(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(SEEDS).sort()) {
    const text = readFileSync(join(SEEDS, f), "utf8").normalize("NFC");
    for (const s of text.replace(/\s+/g, " ").split(/(?<=[.;:])\s/)) {
      // Only characters a Windows-1252 font can show besides the Vietnamese letters.
      const encodable = /^[\p{Script=Latin}\p{N}\s.,;:!?()[\]"'“”‘’%/\-–…+*&]+$/u.test(s);
      if (encodable && s.length > 40 && s.length < 400 && /[ăâđêôơư]/u.test(s)) out.push(s.trim());
    }
  }
  return out;
}

describe("TCVN3", () => {
  it("has a code for every lower-case letter with every tone, and for Ă Â Ê Ô Ơ Ư Đ", () => {
    const codes = new Set<number>();
    for (const ch of [...LOWER.filter((c) => c > "\x7f"), "Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"]) {
      const bytes = encodeTcvn3(ch);
      expect(bytes.length, ch).toBe(1);
      expect(bytes[0], ch).toBeGreaterThanOrEqual(0xa1);
      codes.add(bytes[0]!);
      expect(tcvn3ToUnicode(decodeCp1252(bytes), false), ch).toBe(ch);
    }
    // 67 lower-case letters + 7 capitals, all on distinct codes.
    expect(codes.size).toBe(74);
  });

  it("reads the classic .VnTime text", () => {
    expect(tcvn3ToUnicode("Th«ng b¸o kÕt luËn cña Ban Th­êng vô TØnh ñy")).toBe("Thông báo kết luận của Ban Thường vụ Tỉnh ủy");
    expect(tcvn3ToUnicode("§¶ng bé tØnh H¹ u Giang")).toBe("Đảng bộ tỉnh Hạ u Giang");
  });

  it("restores capitals TCVN3 cannot write: all-capital words and sentence starts", () => {
    const typed = "THÔNG BÁO KẾT LUẬN. Ủy ban nhân dân tỉnh. Ở NƯỚC NGOÀI";
    expect(decodeTcvn3(encodeTcvn3(typed))).toBe(typed);
  });

  it("round-trips real sentences whose capitals TCVN3 can write", () => {
    const sentences = seedSentences().filter((s) => ![...s].some((ch) => UPPER.includes(ch) && !"ĂÂÊÔƠƯĐAEIOUY".includes(ch)));
    expect(sentences.length).toBeGreaterThan(50);
    for (const s of sentences) expect(decodeTcvn3(encodeTcvn3(s))).toBe(s);
  });

  it("round-trips every real sentence up to the case of toned capitals", () => {
    for (const s of seedSentences()) {
      expect(decodeTcvn3(encodeTcvn3(s)).toLocaleLowerCase("vi")).toBe(s.toLocaleLowerCase("vi"));
    }
  });

  it("round-trips arbitrary Vietnamese text up to the case of toned capitals (property)", () => {
    const ch = fc.constantFrom(...LOWER, ...UPPER, ...CONSONANTS, ..."BCDGHKLMNPQRSTVX0123456789 ,.;:-()");
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 80 }), (chars) => {
        const s = chars.join("");
        expect(decodeTcvn3(encodeTcvn3(s)).toLocaleLowerCase("vi")).toBe(s.toLocaleLowerCase("vi"));
      }),
    );
  });

  it("round-trips exactly words in lower case or capitalised on a letter TCVN3 can write (property)", () => {
    const syllable = fc
      .tuple(fc.constantFrom("", ...CONSONANTS, "ch", "ng", "nh", "th", "tr", "đ"), fc.constantFrom(...LOWER), fc.constantFrom("", "c", "m", "n", "ng", "nh", "t", "i", "u"))
      .map(([a, b, c]) => a + b + c);
    const word = fc.tuple(syllable, fc.boolean()).map(([w, cap]) => {
      const first = [...w][0]!;
      const capitalisable = CONSONANTS.includes(first) || "đăâêôơư".includes(first) || "aeiouy".includes(first);
      return cap && capitalisable ? first.toLocaleUpperCase("vi") + w.slice(first.length) : w;
    });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), fc.constantFrom(" ", ", "), (words, sep) => {
        const s = `x ${words.join(sep)}`;
        expect(decodeTcvn3(encodeTcvn3(s))).toBe(s);
      }),
    );
  });
});

describe("VNI", () => {
  it("writes every letter with every tone, in both cases, as its VNI sequence and reads it back", () => {
    for (const ch of [...LOWER, ...UPPER]) {
      const bytes = encodeVni(ch);
      expect(bytes.length, ch).toBeGreaterThanOrEqual(1);
      expect(bytes.length, ch).toBeLessThanOrEqual(2);
      expect(decodeVni(bytes), ch).toBe(ch);
    }
    expect(decodeCp1252(encodeVni("Thông báo"))).toBe("Thoâng baùo");
    expect(decodeCp1252(encodeVni("Việt Nam, Đảng, Ủy"))).toBe("Vieät Nam, Ñaûng, UÛy");
    expect(decodeCp1252(encodeVni("tỉnh, kỷ, ỵ, ưởng"))).toBe("tænh, kyû, î, öôûng");
  });

  it("reads VNI-Times text", () => {
    expect(vniToUnicode("Keát luaän cuûa Ban Thöôøng vuï Tænh uûy")).toBe("Kết luận của Ban Thường vụ Tỉnh ủy");
  });

  it("round-trips real sentences exactly", () => {
    for (const s of seedSentences()) expect(decodeVni(encodeVni(s))).toBe(s);
  });

  it("round-trips arbitrary Vietnamese text exactly (property)", () => {
    const ch = fc.constantFrom(...LOWER, ...UPPER, ...CONSONANTS, ..."BCDGHKLMNPQRSTVX0123456789 ,.;:-()");
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 80 }), (chars) => {
        const s = chars.join("");
        expect(decodeVni(encodeVni(s))).toBe(s);
      }),
    );
  });
});

describe("repairLegacyText", () => {
  it("converts lines that are TCVN3 or VNI read through Windows-1252, and leaves Unicode alone", () => {
    const r = repairLegacyText("Th«ng b¸o kÕt luËn\nVăn bản Unicode thật sự\nTô Lâm, Hà Nội\nKeát luaän cuûa Ban Thöôøng vuï");
    expect(r.text).toBe("Thông báo kết luận\nVăn bản Unicode thật sự\nTô Lâm, Hà Nội\nKết luận của Ban Thường vụ");
    expect(r.encodings).toEqual(["TCVN3", "VNI"]);
  });

  it("converts legacy words inside a line that also holds Unicode text", () => {
    expect(repairLegacyText("Ban Th­êng vô TØnh ñy là cơ quan").text).toBe("Ban Thường vô Tỉnh ủy là cơ quan");
  });

  it("leaves plain and foreign text alone", () => {
    for (const s of ["Hello world", "café, Hélène, naïve", "Diện tích 120 m², nhiệt độ 30°C", "ĐẢNG CỘNG SẢN VIỆT NAM"]) {
      expect(repairLegacyText(s)).toEqual({ text: s, encodings: [] });
    }
  });

  it("never damages real Vietnamese text (seed sentences)", () => {
    for (const s of seedSentences()) expect(repairLegacyText(s).text).toBe(s);
  });
});

describe("isVietnameseSyllable", () => {
  it("accepts syllables in any case and tone placement", () => {
    for (const w of ["Thông", "báo", "nghiêng", "Quỳnh", "khuya", "giường", "hoà", "hòa", "uỷ", "ủy", "ĐẢNG", "ươn", "yêu", "gì", "quyết", "oẳn"]) {
      expect(isVietnameseSyllable(w), w).toBe(true);
    }
  });

  it("refuses mojibake and impossible forms", () => {
    for (const w of ["Th«ng", "Thoâng", "baùo", "ñy", "kÕt", "tiếc̀", "bàt", "hoà̀", "xyz", "Hélène"]) {
      expect(isVietnameseSyllable(w), w).toBe(false);
    }
  });
});
