// Document numbers (gold README "Document numbers"): Party papers "84-TTr/TU" (number-TYPE/ISSUER),
// state papers "123/KH-UBND" and legal acts "18/2024/NQ-HĐND" (number/[year/]TYPE-ISSUER).
import { DOCUMENT_KINDS, type DocumentKind } from "../types.ts";

/** The source of a document symbol; bounded quantifiers keep it linear. */
export const SYMBOL_SOURCE = String.raw`\d{1,5}(?:/\d{4})?[-/]\p{Lu}[\p{L}]{0,7}(?:[-/][\p{Lu}\d][\p{L}\d]{0,11}){1,3}`;
const SYMBOL = new RegExp(`^${SYMBOL_SOURCE}$`, "u");

export function isDocumentSymbol(s: string): boolean {
  return s.length <= 60 && SYMBOL.test(s);
}

const KIND_SET = new Set<string>(DOCUMENT_KINDS);

/** The type code of a symbol mapped to a known kind: "84-TTr/TU" → "TTr", "148/KH-UBND" → "KH". */
export function kindOfSymbol(symbol: string): DocumentKind | null {
  const party = /^\d{1,5}-([\p{L}]{1,8})\//u.exec(symbol);
  if (party && KIND_SET.has(party[1]!)) return party[1] as DocumentKind;
  const state = /^\d{1,5}(?:\/\d{4})?\/([\p{L}]{1,8})-/u.exec(symbol);
  if (state && KIND_SET.has(state[1]!)) return state[1] as DocumentKind;
  return null;
}

const KIND_WORDS: ReadonlyArray<readonly [RegExp, DocumentKind]> = [
  [/^thông báo/iu, "TB"],
  [/^kết luận/iu, "KL"],
  [/^báo cáo/iu, "BC"],
  [/^nghị quyết/iu, "NQ"],
  [/^chỉ thị/iu, "CT"],
  [/^kế hoạch/iu, "KH"],
  [/^chương trình/iu, "CTr"],
  [/^quyết định/iu, "QĐ"],
  [/^quy định/iu, "QĐ"],
  [/^hướng dẫn/iu, "HD"],
  [/^đề án/iu, "ĐA"],
  [/^tờ trình/iu, "TTr"],
  [/^công văn/iu, "CV"],
  [/^quy chế/iu, "QC"],
  [/^thông tư/iu, "TT"],
  [/^nghị định/iu, "NĐ"],
  [/^biên bản/iu, "BB"],
  [/^phương án/iu, "PA"],
  [/^thông tri/iu, "TC"],
];

/** The kind named by a type word: "THÔNG BÁO" → "TB", "Quy định" → "QĐ". */
export function kindOfWord(word: string): DocumentKind | null {
  const w = word.trim();
  for (const [re, kind] of KIND_WORDS) if (re.test(w)) return kind;
  return null;
}
