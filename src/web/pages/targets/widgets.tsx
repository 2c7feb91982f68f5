// Small pieces the targets screens share: paths, numbers the Vietnamese way, status and
// likelihood tags, a number input that reads "9.003,5", and the period picker.
import { InputNumber, Select, Tag, Tooltip } from "antd";
import type { CSSProperties } from "react";
import type { PeriodOption } from "../../../domain/api/targets.ts";
import { formatNumber } from "../../../domain/format.ts";
import { LIKELIHOOD_COLORS, LIKELIHOOD_LABELS, type Likelihood, STATUS_COLORS, STATUS_LABELS, type Status, VALUE_BASIS_LABELS, type ValueBasis, type ValueStatus } from "../../../domain/targets.ts";

export const TARGETS_PATH = "/chi-tieu";
export const resolutionPath = (id: string, period?: string) => `${TARGETS_PATH}/nghi-quyet/${id}${period ? `?ky=${encodeURIComponent(period)}` : ""}`;
export const targetPath = (id: string, year?: number) => `${TARGETS_PATH}/muc/${id}${year ? `?nam=${year}` : ""}`;
export const VALUES_PATH = `${TARGETS_PATH}/so-lieu`;
export const EXPLANATIONS_PATH = `${TARGETS_PATH}/giai-trinh`;

/** A figure with as many decimals as it carries (up to 2, or 3 below 10): 9003 → "9.003", 4.25 → "4,25". */
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const abs = Math.abs(value);
  return formatNumber(value, abs >= 1000 ? 0 : abs >= 10 ? 2 : 3);
}

/** Decimals a figure is written with: 4.25 → 2, 9003 → 0. */
function decimalsOf(value: number): number {
  const text = String(value);
  return text.includes("e") ? 2 : (text.split(".")[1]?.length ?? 0);
}

/**
 * A forecast, as precise as the figures it comes from: a count of accidents forecast from whole
 * numbers reads "233", not "232,86"; a rate forecast from "6,18" keeps two decimals.
 */
export function forecastNum(value: number | null | undefined, ...figures: (number | null | undefined)[]): string {
  if (value === null || value === undefined) return "—";
  const known = figures.filter((f): f is number => f !== null && f !== undefined && Number.isFinite(f));
  if (!known.length) return num(value);
  return formatNumber(value, Math.min(2, Math.max(...known.map(decimalsOf))));
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${formatNumber(value, 1)}%`;
}

/** "+6,8%" or, for a target in %, "+1,27 điểm %". */
export function change(value: number | null | undefined, kind: "percent" | "points"): string {
  if (value === null || value === undefined) return "—";
  const sign = value > 0 ? "+" : "";
  return kind === "points" ? `${sign}${formatNumber(value, 2)} điểm %` : `${sign}${formatNumber(value, 1)}%`;
}

export function StatusTag(props: { status: Status; reason?: string | null; label?: string }) {
  const tag = (
    <Tag color={STATUS_COLORS[props.status]} style={{ marginInlineEnd: 0 }}>
      {props.label ?? STATUS_LABELS[props.status]}
    </Tag>
  );
  return props.reason ? <Tooltip title={props.reason}>{tag}</Tooltip> : tag;
}

export function LikelihoodTag(props: { value: Likelihood | null }) {
  if (!props.value) return <span>—</span>;
  return (
    <Tag color={LIKELIHOOD_COLORS[props.value]} style={{ marginInlineEnd: 0 }}>
      {LIKELIHOOD_LABELS[props.value]}
    </Tag>
  );
}

export function BasisTag(props: { basis: ValueBasis | null }) {
  if (!props.basis) return null;
  return props.basis === "estimate" ? (
    <Tag variant="filled" color="gold">
      ước
    </Tag>
  ) : (
    <Tag variant="filled">chính thức</Tag>
  );
}

export const VALUE_STATUS_LABELS: Record<ValueStatus, string> = { draft: "Bản nháp", submitted: "Chờ duyệt", approved: "Đã duyệt" };
const VALUE_STATUS_COLORS: Record<ValueStatus, string> = { draft: "default", submitted: "processing", approved: "success" };

export function ValueStatusTag(props: { status: ValueStatus }) {
  return <Tag color={VALUE_STATUS_COLORS[props.status]}>{VALUE_STATUS_LABELS[props.status]}</Tag>;
}

export { VALUE_BASIS_LABELS };

/** Reads what a person types: "9.003,5", "9003.5", "-2,1". */
export function parseVn(text: string | undefined): number {
  if (!text) return Number.NaN;
  const s = text.replace(/\s/g, "");
  if (/,/.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ""));
  return Number(s);
}

/** A number input that shows and reads Vietnamese notation. */
export function VnNumberInput(props: { value?: number | null; onChange?: (v: number | null) => void; style?: CSSProperties; id?: string; placeholder?: string; "aria-label"?: string }) {
  return (
    <InputNumber<number>
      id={props.id}
      aria-label={props["aria-label"]}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(v === null || Number.isNaN(v) ? null : v)}
      formatter={(v) => (v === undefined || v === null || String(v) === "" ? "" : formatNumber(Number(v), 6))}
      parser={(t) => parseVn(t)}
      placeholder={props.placeholder}
      style={{ width: 200, ...props.style }}
      decimalSeparator=","
    />
  );
}

/** Periods grouped by year, the latest year first. */
export function PeriodSelect(props: { periods: PeriodOption[]; value: string; onChange: (code: string) => void; style?: CSSProperties }) {
  const years = [...new Set(props.periods.map((p) => p.year))].sort((a, b) => b - a);
  const term = props.periods.filter((p) => p.kind === "term");
  const options = [
    ...(term.length ? [{ label: "Nhiệm kỳ", title: "Nhiệm kỳ", options: term.map((p) => ({ value: p.code, label: p.label })) }] : []),
    ...years.map((y) => ({
      label: `Năm ${y}`,
      title: `Năm ${y}`,
      options: props.periods.filter((p) => p.year === y && p.kind !== "term").reverse().map((p) => ({ value: p.code, label: p.label })),
    })),
  ];
  return <Select aria-label="Kỳ đánh giá" value={props.value} onChange={props.onChange} options={options} style={{ width: 240, ...props.style }} showSearch={{ optionFilterProp: "label" }} />;
}
