// Small pieces every directives screen uses: status and timeliness tags, the deadline
// editor (kind + value), people pickers.
import { Empty, Input, InputNumber, Select, Space, Tag, Tooltip } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import {
  type Deadline,
  DEADLINE_KIND_LABELS,
  DEADLINE_KINDS,
  type DeadlineKind,
  type DirectiveStatus,
  STATUS_LABELS,
  type Timeliness,
  TIMELINESS_LABELS,
  timelinessPhrase,
} from "../../../domain/directives.ts";
import type { UserView } from "../../../domain/api/users.ts";
import { DateField } from "../../components/DateField.tsx";
import { directivesApi } from "./api.ts";

const STATUS_COLORS: Record<DirectiveStatus, string> = {
  not_started: "default",
  in_progress: "processing",
  awaiting_confirmation: "purple",
  done: "success",
  suspended: "warning",
  withdrawn: "default",
};

export function StatusTag(props: { status: DirectiveStatus }) {
  return (
    <Tag color={STATUS_COLORS[props.status]} data-status={props.status}>
      {STATUS_LABELS[props.status]}
    </Tag>
  );
}

const TIMELINESS_COLORS: Record<Timeliness, string> = {
  on_time: "green",
  due_soon: "orange",
  overdue: "red",
  no_deadline: "default",
  done_on_time: "green",
  done_late: "volcano",
  not_tracked: "default",
};

export function TimelinessTag(props: { timeliness: Timeliness; daysLeft?: number | null }) {
  return (
    <Tag color={TIMELINESS_COLORS[props.timeliness]} data-timeliness={props.timeliness}>
      {timelinessPhrase(props.timeliness, props.daysLeft ?? null)}
    </Tag>
  );
}

export function ProgressText(props: { progress: number | null }) {
  return props.progress === null ? <span className="muted">—</span> : <span>{props.progress}%</span>;
}

const ROMAN = ["I", "II", "III", "IV"];

/** Chooses a deadline: its kind, then a day, a month, a quarter or nothing. */
export function DeadlineInput(props: { value?: Deadline; onChange?: (d: Deadline) => void; id?: string }) {
  const value = props.value ?? { kind: "date", value: null };
  const set = (d: Deadline) => props.onChange?.(d);
  const [year, setYear] = useState<number>(() => Number((value.value ?? "").slice(0, 4)) || new Date().getFullYear());
  useEffect(() => {
    const y = Number((value.value ?? "").slice(0, 4));
    if (y) setYear(y);
  }, [value.value]);
  return (
    <Space wrap id={props.id}>
      <Select<DeadlineKind>
        aria-label="Loại thời hạn"
        style={{ width: 160 }}
        value={value.kind}
        options={DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }))}
        onChange={(kind) => set({ kind, value: null })}
      />
      {value.kind === "date" && <DateField aria-label="Ngày hết hạn" value={value.value} onChange={(v) => set({ kind: "date", value: v })} />}
      {value.kind === "month" && (
        <>
          <Select
            aria-label="Tháng"
            style={{ width: 110 }}
            placeholder="Tháng"
            value={value.value ? Number(value.value.slice(5)) : undefined}
            options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `Tháng ${i + 1}` }))}
            onChange={(m) => set({ kind: "month", value: `${year}-${String(m).padStart(2, "0")}` })}
          />
          <InputNumber aria-label="Năm" min={2000} max={2100} value={year} onChange={(y) => y && (setYear(y), value.value && set({ kind: "month", value: `${y}-${value.value.slice(5)}` }))} />
        </>
      )}
      {value.kind === "quarter" && (
        <>
          <Select
            aria-label="Quý"
            style={{ width: 100 }}
            placeholder="Quý"
            value={value.value ? Number(value.value.slice(6)) : undefined}
            options={ROMAN.map((r, i) => ({ value: i + 1, label: `Quý ${r}` }))}
            onChange={(q) => set({ kind: "quarter", value: `${year}-Q${q}` })}
          />
          <InputNumber aria-label="Năm" min={2000} max={2100} value={year} onChange={(y) => y && (setYear(y), value.value && set({ kind: "quarter", value: `${y}-${value.value.slice(5)}` }))} />
        </>
      )}
      {value.kind === "recurring" && (
        <Input aria-label="Chu kỳ báo cáo" placeholder="VD: báo cáo hằng tháng" style={{ width: 200 }} value={value.value ?? ""} onChange={(e) => set({ kind: "recurring", value: e.target.value || null })} />
      )}
    </Space>
  );
}

/** Users of a role (office staff to follow, leaders in charge), loaded once per role. */
const peopleCache = new Map<string, Promise<UserView[]>>();
export function usePeople(role: string): UserView[] {
  const [people, setPeople] = useState<UserView[]>([]);
  useEffect(() => {
    let p = peopleCache.get(role);
    if (!p) {
      p = directivesApi.people(role).then((r) => r.users);
      p.catch(() => peopleCache.delete(role));
      peopleCache.set(role, p);
    }
    let live = true;
    p.then((u) => live && setPeople(u)).catch(() => {});
    return () => {
      live = false;
    };
  }, [role]);
  return people;
}

export function PersonSelect(props: { role: string; value?: string | null; onChange?: (id: string | null) => void; placeholder?: string; id?: string; "aria-label"?: string }) {
  const people = usePeople(props.role);
  return (
    <Select
      id={props.id}
      aria-label={props["aria-label"]}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      style={{ minWidth: 220 }}
      placeholder={props.placeholder ?? "Chọn người"}
      value={props.value ?? undefined}
      options={people.map((p) => ({ value: p.id, label: p.fullName }))}
      onChange={(v) => props.onChange?.(v ?? null)}
    />
  );
}

export function Ellipsis(props: { text: string; lines?: number }) {
  return (
    <Tooltip title={props.text.length > 160 ? props.text : undefined} placement="topLeft">
      <span className="dir-clamp" style={{ WebkitLineClamp: props.lines ?? 3 }}>
        {props.text}
      </span>
    </Tooltip>
  );
}

export interface ItemView {
  key: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}

/** A plain list of titled entries (reports, urgings, notices …), or an empty state. */
export function Items<T>(props: { items: T[]; empty: ReactNode; render: (item: T) => ItemView; testId?: string }) {
  if (!props.items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} />;
  return (
    <div className="dir-items" data-testid={props.testId}>
      {props.items.map((item) => {
        const v = props.render(item);
        return (
          <div className="dir-item" key={v.key}>
            <div className="dir-item-main">
              <div className="dir-item-title">{v.title}</div>
              {v.description && <div className="dir-item-desc">{v.description}</div>}
            </div>
            {v.actions && <div className="dir-item-actions">{v.actions}</div>}
          </div>
        );
      })}
    </div>
  );
}
