import type { Indicator, Located } from "../types.ts";
import type { Para } from "./document.ts";

export type LocatedIndicator = Indicator & Located;

export function findIndicators(_paras: readonly Para[], _period: string | null): LocatedIndicator[] {
  return [];
}
