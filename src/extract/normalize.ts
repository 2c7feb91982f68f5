// Text normalisation shared by every reader and by name matching.
// Papers arrive NFC or decomposed, with `Ð` (U+00D0, Icelandic eth) typed for `Đ`,
// old-style tone placement ("uỷ", "hoà", "khoẻ") beside the new ("ủy", "hòa", "khỏe"),
// and every kind of dash and space. We settle on one spelling so that search,
// matching and the review screen all see the same text.

const TONE = "\u0300\u0301\u0303\u0309\u0323"; // huyền, sắc, ngã, hỏi, nặng (combining)
// Old style puts the tone on the second vowel of an open "oa", "oe", "uy"; the new style
// on the first. "qu" is a consonant, so "quý" keeps its tone where it is.
const OLD_TONE_OA_OE = new RegExp(`(?<![qQ])([oO])([aAeE])([${TONE}])(?![\\p{L}\\p{M}])`, "gu");
const OLD_TONE_UY = new RegExp(`(?<![qQ])([uU])([yY])([${TONE}])(?![\\p{L}\\p{M}])`, "gu");

/** Puts tone marks where the new orthography puts them (uỷ → ủy, hoà → hòa); input any form, output NFC. */
export function modernTonePlacement(s: string): string {
  return s
    .normalize("NFD")
    .replace(OLD_TONE_OA_OE, "$1$3$2")
    .replace(OLD_TONE_UY, "$1$3$2")
    .normalize("NFC");
}

const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v\f]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * Normalises a paper's text: NFC, `Ð`→`Đ`, modern tone placement, every dash to "-",
 * exotic spaces to plain spaces, invisible characters removed, line ends to "\n",
 * trailing spaces on lines trimmed. Line structure is kept: layout is read later.
 */
export function normalizeText(s: string): string {
  return modernTonePlacement(
    s
      .replace(/\r\n?/g, "\n")
      .replace(/\u2028|\u2029/g, "\n")
      .replace(/\u00D0/g, "\u0110")
      .replace(/\u00F0/g, "\u0111")
      .replace(INVISIBLE, "")
      .replace(DASHES, "-")
      .replace(SPACES, " ")
      .replace(/ +\n/g, "\n"),
  );
}

// Text that is already collapsed (most paragraphs by the time they are read) has no white space but
// single plain spaces between words: one test spares a replace that would rebuild the whole string.
const NOT_COLLAPSED = /[^\S ]| {2}|^ | $/;

/** Collapses all white space (including line breaks) to single spaces and trims. */
export function collapseSpaces(s: string): string {
  if (!NOT_COLLAPSED.test(s)) return s;
  return s.replace(/\s+/g, " ").trim();
}

/**
 * The key two names are compared by: normalised, lower case, single spaces, without
 * surrounding punctuation. Diacritics are kept: "Ban Tổ chức" is not "Ban tố chức".
 */
export function foldForMatch(s: string): string {
  return collapseSpaces(normalizeText(s).toLocaleLowerCase("vi"))
    .replace(/^[\s.,;:!?"'“”‘’()[\]-]+|[\s.,;:!?"'“”‘’()[\]-]+$/g, "");
}

/** Removes diacritics and "đ" for loose search ("so tai chinh" finds "Sở Tài chính"). */
export function stripDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}
