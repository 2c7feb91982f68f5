// A date input in Vietnamese: shows and accepts dd/mm/yyyy (also d/m/yyyy and ddmmyyyy
// typed without separators), and hands the form an ISO string "yyyy-mm-dd".
import { DatePicker } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { CSSProperties } from "react";

const FORMATS = ["DD/MM/YYYY", "D/M/YYYY", "DDMMYYYY", "D-M-YYYY", "YYYY-MM-DD"];

export interface DateFieldProps {
  value?: string | null;
  onChange?: (iso: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Days outside [min, max] (ISO) cannot be picked. */
  min?: string;
  max?: string;
  style?: CSSProperties;
  id?: string;
  autoFocus?: boolean;
  "aria-label"?: string;
}

export function DateField(props: DateFieldProps) {
  const value = props.value ? dayjs(props.value, "YYYY-MM-DD", true) : null;
  return (
    <DatePicker
      id={props.id}
      value={value?.isValid() ? value : null}
      format={FORMATS}
      placeholder={props.placeholder ?? "dd/mm/yyyy"}
      allowClear={props.allowClear ?? false}
      disabled={props.disabled}
      autoFocus={props.autoFocus}
      aria-label={props["aria-label"]}
      style={{ width: 150, ...props.style }}
      disabledDate={(d: Dayjs) => {
        const iso = d.format("YYYY-MM-DD");
        return (props.min !== undefined && iso < props.min) || (props.max !== undefined && iso > props.max);
      }}
      onChange={(d: Dayjs | null) => props.onChange?.(d ? d.format("YYYY-MM-DD") : null)}
      // Enter confirms the typed date; it does not also submit the surrounding form.
      onKeyDown={(e) => {
        if (e.key === "Enter") e.preventDefault();
      }}
    />
  );
}
