// Vietnamese syllable check, used to choose between candidate decodings of a text: the right
// decoding turns nearly every accented word into a valid syllable, a wrong one into symbols
// ("Th«ng"), misplaced marks ("Thoâng") or impossible rhymes.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ONE_TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

// Initials, longest first so "ngh" is tried before "ng" and "n".
const INITIALS = [
  "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
  "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

// Rhymes (vowel nucleus with its medial glide and final), without tone.
const RHYMES = new Set(
  `a ac ach ai am an ang anh ao ap at au ay
  ăc ăm ăn ăng ăp ăt
  âc âm ân âng âp ât âu ây
  e ec em en eng eo ep et
  ê êch êm ên ênh êp êt êu
  i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu
  o oc oi om on ong op ot oong ooc
  ô ôc ôi ôm ôn ông ôp ôt
  ơ ơi ơm ơn ơp ơt
  u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôp uôt
  ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
  y yêm yên yêng yêt yêu
  oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oem oen oeo oet
  uân uâng uât uây uê uêch uênh uy uya uych uyên uyêt uyn uynh uyp uyt uyu uơ`
    .split(/\s+/)
    .filter((r) => r.length > 0),
);

// After "qu" the "u" belongs to the initial: "quynh" → qu + ynh.
const QU_RHYMES = new Set(["ynh", "yt", "yn", "ych", "yp", "yu"]);

const STOP_FINAL = /(?:c|ch|p|t)$/;

// The letters of the Vietnamese alphabet, lower case: consonants and every vowel with every tone.
const LETTERS = new Set<string>([..."bcdđghklmnpqrstvx"]);
for (const v of ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]) {
  for (const t of ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]) LETTERS.add((v + t).normalize("NFC"));
}

/**
 * True when `word` (one word, any case and normal form, old or new tone placement) is a
 * well-formed Vietnamese syllable: an initial, a known rhyme, at most one tone mark, and
 * only sắc or nặng on a rhyme closed by c, ch, p, t.
 */
export function isVietnameseSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 8) return false;
  const known = CACHE.get(word);
  if (known !== undefined) return known;
  const result = checkSyllable(word);
  // Texts repeat a few thousand syllables: remember them (bounded).
  if (CACHE.size >= 100_000) CACHE.clear();
  CACHE.set(word, result);
  return result;
}

const CACHE = new Map<string, boolean>();

function checkSyllable(word: string): boolean {
  const lower = word.toLocaleLowerCase("vi").normalize("NFC");
  for (const ch of lower) if (!LETTERS.has(ch)) return false;
  const nfd = lower.normalize("NFD");
  const tones = nfd.match(TONE_MARKS);
  if (tones && tones.length > 1) return false;
  const tone = tones?.[0] ?? "";
  const base = nfd.replace(TONE_MARKS, "").normalize("NFC");
  if (!/^[a-zăâđêôơư]+$/u.test(base)) return false;
  for (const initial of INITIALS) {
    if (!base.startsWith(initial)) continue;
    const rhyme = base.slice(initial.length);
    const known = RHYMES.has(rhyme) || (initial === "qu" && QU_RHYMES.has(rhyme)) || (initial === "gi" && rhyme === "");
    if (!known) continue;
    if (STOP_FINAL.test(rhyme) && tone !== "" && tone !== "\u0301" && tone !== "\u0323") continue;
    return true;
  }
  return false;
}

/** True when the word carries a Vietnamese mark (tone, circumflex, breve, horn) or đ. */
export function hasVietnameseMark(word: string): boolean {
  return ONE_TONE.test(word.normalize("NFD")) || /[ăâđêôơưĂÂĐÊÔƠƯ]/u.test(word.normalize("NFC"));
}

// Separators: ASCII white space and punctuation, and the general punctuation block (curly
// quotes, dashes, ellipsis). Other symbols stay inside the token so that "Th«ng" is one
// (invalid) word rather than two fragments.
const SEPARATORS = /[\s!-\/:-@[-`{-~\u00A0\u2010-\u2027\u2030-\u205E]+/u;

export interface SyllableScore {
  /** Words with a non-ASCII character that are valid syllables. */
  valid: number;
  /** Words with a non-ASCII character that are not. */
  invalid: number;
}

/** Counts valid and invalid syllables among the words of `text` that contain a non-ASCII character. */
export function scoreSyllables(text: string): SyllableScore {
  let valid = 0;
  let invalid = 0;
  for (const token of text.split(SEPARATORS)) {
    if (token.length === 0 || !/[^\x00-\x7F]/.test(token)) continue;
    if (/\d/.test(token)) continue;
    if (isVietnameseSyllable(token)) valid++;
    else invalid++;
  }
  return { valid, invalid };
}

/** valid − invalid: higher is more likely the right decoding. */
export function syllableScore(text: string): number {
  const s = scoreSyllables(text);
  return s.valid - s.invalid;
}
