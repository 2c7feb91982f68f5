import { Tag } from "antd";
import { UNIT_CHANGE_LABELS, UNIT_KIND_LABELS, UNIT_KINDS, type UnitChangeKind, type UnitKind } from "../../../domain/units.ts";

const KIND_COLORS: Record<UnitKind, string> = {
  province_committee: "red",
  standing_board: "volcano",
  party_organ: "gold",
  inspection_commission: "orange",
  party_delegation: "magenta",
  party_committee: "purple",
  state_body: "geekblue",
  department: "blue",
  front: "cyan",
  mass_organisation: "green",
  district: "lime",
  commune: "default",
  party_cell: "default",
};

/** The kind as a coloured tag; `compact` cuts a long label to one line (the whole label shows on hover). */
export function KindTag(props: { kind: UnitKind; compact?: boolean }) {
  const label = UNIT_KIND_LABELS[props.kind];
  return (
    <Tag color={KIND_COLORS[props.kind]} style={{ marginInlineEnd: 0 }} className={props.compact ? "kind-tag-compact" : undefined} title={label}>
      {label}
    </Tag>
  );
}

export const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));

const CHANGE_COLORS: Record<UnitChangeKind, string> = {
  create: "green",
  rename: "blue",
  move: "geekblue",
  merge: "purple",
  split: "magenta",
  abolish: "red",
  edit: "default",
};

export function ChangeTag(props: { kind: UnitChangeKind }) {
  return <Tag color={CHANGE_COLORS[props.kind]}>{UNIT_CHANGE_LABELS[props.kind]}</Tag>;
}
