// First guesses for an item the office adds from a stretch of selected text.
import { parseVnNumber } from "./inputs.tsx";

/** "2.1. Sở Tài chính …" → "2.1"; "II. NHIỆM VỤ" → "II"; otherwise null. */
export function guessOrdinal(text: string): string | null {
  const m = /^\s*([IVXLC]+|\d+(?:\.\d+)*)[.)]\s/.exec(text);
  return m ? m[1]! : null;
}

/** The first document number in the text: "Quy chế số 20-QC/TU ngày …" → "20-QC/TU". */
export function guessSymbol(text: string): string | null {
  const m = /\b\d+(?:\/\d{4})?[-/][\p{Lu}Đđ]+(?:[-/][\p{L}\d]+)*/u.exec(text);
  return m ? m[0] : null;
}

/** The first number written the Vietnamese way in the text. */
export function parseVietnameseNumberLoose(text: string): number | null {
  const m = /\d[\d.,]*/.exec(text);
  if (!m) return null;
  const v = parseVnNumber(m[0].replace(/[.,]$/, ""));
  return v ?? null;
}
