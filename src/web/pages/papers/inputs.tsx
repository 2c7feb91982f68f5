// Small inputs of the review screen: Vietnamese numbers (9.003,5), dates (dd/mm/yyyy)
// and the bodies of a directive, picked from the units valid on the paper's date.
import { Input, Select, Tag, Tooltip } from "antd";
import { useEffect, useMemo, useState } from "react";
import { formatNumber } from "../../../domain/format.ts";
import type { NamedBody } from "../../../domain/papers.ts";
import { stripDiacritics } from "../../../extract/normalize.ts";
import type { UnitSlice } from "../../../domain/units.ts";
import { DateField } from "../../components/DateField.tsx";

/** "9.003,5" → 9003.5; "102,3" → 102.3; "" → null; anything else → undefined (invalid). */
export function parseVnNumber(text: string): number | null | undefined {
  const s = text.trim().replace(/\s+/g, "").replace(/%$/, "");
  if (!s) return null;
  if (!/^-?[\d.,]+$/.test(s)) return undefined;
  let normalised: string;
  if (s.includes(",")) normalised = s.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) normalised = s.replace(/\./g, "");
  else normalised = s;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : undefined;
}

export function VnNumberInput(props: {
  value: number | null;
  onChange: (v: number | null) => void;
  allowEmpty?: boolean;
  disabled?: boolean;
  suffix?: string;
  placeholder?: string;
  "aria-label"?: string;
  style?: React.CSSProperties;
}) {
  const shown = props.value === null ? "" : formatNumber(props.value, 6);
  const [text, setText] = useState(shown);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(shown);
  }, [shown, focused]);
  const parsed = parseVnNumber(text);
  const invalid = parsed === undefined || (parsed === null && !props.allowEmpty);
  return (
    <Input
      value={text}
      disabled={props.disabled}
      status={invalid ? "error" : undefined}
      suffix={props.suffix}
      placeholder={props.placeholder}
      aria-label={props["aria-label"]}
      style={props.style}
      inputMode="decimal"
      onFocus={() => setFocused(true)}
      onChange={(e) => {
        setText(e.target.value);
        const v = parseVnNumber(e.target.value);
        if (v !== undefined && (v !== null || props.allowEmpty)) props.onChange(v);
      }}
      onBlur={() => {
        setFocused(false);
        setText(props.value === null ? "" : formatNumber(props.value, 6));
      }}
    />
  );
}

/** A deadline or issue date: dd/mm/yyyy in the field, ISO in the data; clearable. */
export function VnDateInput(props: {
  value: string | null;
  onChange: (v: string | null) => void;
  disabled?: boolean;
  placeholder?: string;
  "aria-label"?: string;
  style?: React.CSSProperties;
}) {
  return (
    <DateField
      value={props.value}
      onChange={props.onChange}
      allowClear
      disabled={props.disabled}
      placeholder={props.placeholder}
      aria-label={props["aria-label"]}
      style={props.style}
    />
  );
}

function fold(s: string): string {
  return stripDiacritics(s.toLocaleLowerCase("vi"));
}

const UNMATCHED = "ten:";

/**
 * The bodies of a directive: units of the paper's date, or names the extractor read but
 * could not match (shown in orange until the office picks the unit). Typing a name that
 * is not in the tree keeps it as written.
 */
export function BodySelect(props: {
  value: NamedBody[];
  onChange: (v: NamedBody[]) => void;
  units: UnitSlice[];
  disabled?: boolean;
  placeholder?: string;
  "aria-label"?: string;
}) {
  const byId = useMemo(() => new Map(props.units.map((u) => [u.id, u])), [props.units]);
  const options = useMemo(
    () =>
      props.units.map((u) => ({
        value: u.id,
        label: u.name,
        search: fold([u.name, u.shortName ?? "", ...u.aliases].join(" | ")),
      })),
    [props.units],
  );
  const values = props.value.map((b) => (b.unitId ? b.unitId : `${UNMATCHED}${b.name}`));
  const nameOf = (v: string) => props.value.find((b) => (b.unitId ?? `${UNMATCHED}${b.name}`) === v)?.name;
  return (
    <Select
      mode="tags"
      value={values}
      disabled={props.disabled}
      placeholder={props.placeholder ?? "Chọn cơ quan, đơn vị"}
      aria-label={props["aria-label"]}
      style={{ width: "100%" }}
      options={options}
      showSearch={{ filterOption: (input, option) => !!option && (option as { search?: string }).search?.includes(fold(input)) === true }}
      tagRender={(tag) => {
        const v = String(tag.value);
        const matched = byId.has(v);
        const label = matched ? byId.get(v)!.name : (nameOf(v) ?? v.replace(UNMATCHED, ""));
        const extracted = nameOf(v);
        return (
          <Tooltip title={matched ? (extracted && extracted !== label ? `Trong văn bản: “${extracted}”` : undefined) : "Chưa khớp với đơn vị nào trong cây tổ chức: hãy chọn đơn vị"}>
            <Tag
              color={matched ? "blue" : "orange"}
              closable={tag.closable}
              onClose={tag.onClose}
              onMouseDown={(e) => e.stopPropagation()}
              className="body-tag"
            >
              {label}
              {!matched && " (chưa khớp)"}
            </Tag>
          </Tooltip>
        );
      }}
      onChange={(next: string[]) => {
        const out: NamedBody[] = [];
        for (const v of next) {
          const unit = byId.get(v);
          if (unit) {
            const existing = props.value.find((b) => b.unitId === v);
            out.push(existing ?? { name: unit.name, unitId: unit.id });
          } else {
            const name = v.startsWith(UNMATCHED) ? v.slice(UNMATCHED.length) : v.trim();
            if (name && !out.some((b) => !b.unitId && b.name === name)) out.push({ name, unitId: null });
          }
        }
        props.onChange(out);
      }}
    />
  );
}
