// The editable lists of the review screen: directives, facts, references and the paper's
// own metadata. Each item can be located in the text, corrected, removed; new ones added.
import { AimOutlined, DeleteOutlined, EditOutlined, LinkOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Input, Select, Space, Tag, Tooltip, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import type { PaperSummary } from "../../../domain/api/papers.ts";
import { formatChange, formatDate, formatNumber, formatPercent } from "../../../domain/format.ts";
import {
  type DirectiveItem,
  type FactItem,
  PAPER_KIND_LABELS,
  type PaperMeta,
  paperKindLabel,
  type ReferenceItem,
} from "../../../domain/papers.ts";
import type { UnitSlice } from "../../../domain/units.ts";
import { papersApi } from "./api.ts";
import { BodySelect, VnDateInput, VnNumberInput } from "./inputs.tsx";

const { Text } = Typography;

export const KIND_OPTIONS = Object.entries(PAPER_KIND_LABELS).map(([value, label]) => ({ value, label: `${label} (${value})` }));

export function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `k${Date.now()}${Math.random().toString(36).slice(2)}`;
}

interface ItemShell {
  id: string;
  selected: boolean;
  readOnly: boolean;
  onSelect: () => void;
  onRemove: () => void;
  located: boolean;
}

/** Scrolls the selected item of a list into view when the selection comes from the text. */
function useScrollIntoView(selected: boolean, tick: number) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [selected, tick]);
  return ref;
}

function ItemTools(props: ItemShell & { label: string }) {
  return (
    <Space size={2}>
      <Tooltip title={props.located ? "Xem trong văn bản" : "Mục này chưa gắn với vị trí nào trong văn bản"}>
        <Button size="small" type="text" icon={<AimOutlined />} disabled={!props.located} onClick={props.onSelect} aria-label={`Xem ${props.label} trong văn bản`} />
      </Tooltip>
      {!props.readOnly && (
        <Tooltip title="Xóa mục này">
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={props.onRemove} aria-label={`Xóa ${props.label}`} />
        </Tooltip>
      )}
    </Space>
  );
}

// ---------------------------------------------------------------------------
// Directives

export function DirectiveCard(props: ItemShell & { item: DirectiveItem; units: UnitSlice[]; tick: number; onChange: (d: DirectiveItem) => void }) {
  const d = props.item;
  const ref = useScrollIntoView(props.selected, props.tick);
  const set = (patch: Partial<DirectiveItem>) => props.onChange({ ...d, ...patch });
  return (
    <div ref={ref} id={`item-${props.id}`} className={`review-item review-directive${props.selected ? " is-selected" : ""}`} onClick={(e) => {
      if ((e.target as HTMLElement).closest("input,textarea,.ant-select,.ant-picker,button")) return;
      props.onSelect();
    }}>
      <Flex gap={8} align="start">
        <Input
          value={d.ordinal}
          onChange={(e) => set({ ordinal: e.target.value })}
          disabled={props.readOnly}
          style={{ width: 64 }}
          aria-label="Số thứ tự"
          placeholder="STT"
        />
        <Input.TextArea
          value={d.text}
          onChange={(e) => set({ text: e.target.value })}
          disabled={props.readOnly}
          autoSize={{ minRows: 2, maxRows: 8 }}
          aria-label="Nội dung nhiệm vụ"
          status={d.text.trim() ? undefined : "error"}
        />
        <ItemTools {...props} label="nhiệm vụ" />
      </Flex>
      <div className="review-grid">
        <Text type="secondary">Chủ trì</Text>
        <BodySelect value={d.leads} onChange={(leads) => set({ leads })} units={props.units} disabled={props.readOnly} aria-label="Cơ quan chủ trì" />
        <Text type="secondary">Phối hợp</Text>
        <BodySelect value={d.partners} onChange={(partners) => set({ partners })} units={props.units} disabled={props.readOnly} aria-label="Cơ quan phối hợp" />
        <Text type="secondary">Thời hạn</Text>
        <Flex gap={8} wrap>
          <VnDateInput value={d.deadline} onChange={(deadline) => set({ deadline })} disabled={props.readOnly} aria-label="Hạn hoàn thành" style={{ width: 150 }} />
          <Input
            value={d.deadlineText ?? ""}
            onChange={(e) => set({ deadlineText: e.target.value || null })}
            disabled={props.readOnly}
            placeholder="Cụm từ thời hạn trong văn bản"
            aria-label="Cụm từ thời hạn"
            style={{ flex: 1, minWidth: 160 }}
          />
        </Flex>
      </div>
    </div>
  );
}

export function emptyDirective(ordinal = ""): DirectiveItem {
  return { key: newKey(), ordinal, text: "", leads: [], partners: [], deadline: null, deadlineText: null, span: null };
}

// ---------------------------------------------------------------------------
// Facts

export function FactRow(props: ItemShell & { item: FactItem; tick: number; onChange: (f: FactItem) => void }) {
  const f = props.item;
  const ref = useScrollIntoView(props.selected, props.tick);
  const [editing, setEditing] = useState(false);
  const set = (patch: Partial<FactItem>) => props.onChange({ ...f, ...patch });
  const open = editing || (!props.readOnly && !f.label);
  return (
    <div ref={ref} id={`item-${props.id}`} className={`review-item review-fact${props.selected ? " is-selected" : ""}`} onClick={(e) => {
      if ((e.target as HTMLElement).closest("input,textarea,.ant-select,.ant-picker,button")) return;
      props.onSelect();
    }}>
      <Flex gap={8} align="baseline" justify="space-between">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text strong>{f.label || "(chưa có tên chỉ số)"}</Text>
          {": "}
          <Text className="fact-value">{formatNumber(f.value, 6)}</Text> <Text>{f.unit}</Text>
          {f.planPercent !== null && <Tag className="fact-tag">đạt {formatPercent(f.planPercent)} KH</Tag>}
          {f.changePercent !== null && <Tag className="fact-tag">{formatChange(f.changePercent)} so cùng kỳ</Tag>}
          {f.period && <Text type="secondary"> · {f.period}</Text>}
        </div>
        <Space size={2}>
          {!props.readOnly && (
            <Tooltip title={open ? "Thu gọn" : "Sửa chỉ số"}>
              <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(!open)} aria-label="Sửa chỉ số" />
            </Tooltip>
          )}
          <ItemTools {...props} label="chỉ số" />
        </Space>
      </Flex>
      {open && (
        <div className="review-grid">
          <Text type="secondary">Tên chỉ số</Text>
          <Input value={f.label} onChange={(e) => set({ label: e.target.value })} aria-label="Tên chỉ số" status={f.label.trim() ? undefined : "error"} />
          <Text type="secondary">Giá trị</Text>
          <Flex gap={8}>
            <VnNumberInput value={f.value} onChange={(v) => set({ value: v ?? 0 })} aria-label="Giá trị" style={{ width: 140 }} />
            <Input value={f.unit} onChange={(e) => set({ unit: e.target.value })} placeholder="Đơn vị tính" aria-label="Đơn vị tính" style={{ width: 140 }} />
          </Flex>
          <Text type="secondary">% kế hoạch</Text>
          <Flex gap={8} align="center">
            <VnNumberInput value={f.planPercent} allowEmpty onChange={(v) => set({ planPercent: v })} suffix="%" aria-label="Phần trăm kế hoạch" style={{ width: 120 }} />
            <Text type="secondary">so cùng kỳ</Text>
            <VnNumberInput value={f.changePercent} allowEmpty onChange={(v) => set({ changePercent: v })} suffix="%" aria-label="Phần trăm so cùng kỳ" style={{ width: 120 }} />
          </Flex>
          <Text type="secondary">Kỳ</Text>
          <Input value={f.period ?? ""} onChange={(e) => set({ period: e.target.value || null })} placeholder="9 tháng năm 2024" aria-label="Kỳ số liệu" />
        </div>
      )}
    </div>
  );
}

export function emptyFact(): FactItem {
  return { key: newKey(), label: "", value: 0, unit: "", planPercent: null, changePercent: null, period: null, text: "", span: null };
}

// ---------------------------------------------------------------------------
// References

function paperLabel(p: PaperSummary): string {
  return [paperKindLabel(p.kind), p.symbol ?? "(chưa có số)", p.issuedOn ? `ngày ${formatDate(p.issuedOn)}` : null, p.title ? `— ${p.title}` : null]
    .filter(Boolean)
    .join(" ");
}

function PaperLinkSelect(props: { value: string | null; linked: PaperSummary | undefined; onChange: (id: string | null) => void; disabled?: boolean; selfId: string; symbol: string | null }) {
  const [options, setOptions] = useState<PaperSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const search = async (q: string) => {
    setLoading(true);
    try {
      const res = await papersApi.list({ q, status: "active", limit: 20 });
      setOptions(res.papers.filter((p) => p.id !== props.selfId));
    } finally {
      setLoading(false);
    }
  };
  const all = useMemo(() => {
    const list = [...options];
    if (props.linked && !list.some((p) => p.id === props.linked!.id)) list.unshift(props.linked);
    return list;
  }, [options, props.linked]);
  return (
    <Select
      value={props.value ?? "none"}
      disabled={props.disabled}
      loading={loading}
      style={{ width: "100%" }}
      aria-label="Văn bản đã lưu"
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      onOpenChange={(open) => {
        if (open && !options.length) void search(props.symbol ?? "");
      }}
      options={[{ value: "none", label: "Không liên kết" }, ...all.map((p) => ({ value: p.id, label: paperLabel(p) }))]}
      onChange={(v: string) => props.onChange(v === "none" ? null : v)}
    />
  );
}

export function ReferenceRow(props: ItemShell & { item: ReferenceItem; tick: number; linked: PaperSummary | undefined; paperId: string; onChange: (r: ReferenceItem) => void }) {
  const r = props.item;
  const ref = useScrollIntoView(props.selected, props.tick);
  const [editing, setEditing] = useState(false);
  const set = (patch: Partial<ReferenceItem>) => props.onChange({ ...r, ...patch });
  const open = editing || (!props.readOnly && !r.symbol && !r.text);
  return (
    <div ref={ref} id={`item-${props.id}`} className={`review-item review-reference${props.selected ? " is-selected" : ""}`} onClick={(e) => {
      if ((e.target as HTMLElement).closest("input,textarea,.ant-select,.ant-picker,button,a")) return;
      props.onSelect();
    }}>
      <Flex gap={8} align="baseline" justify="space-between">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text strong>{paperKindLabel(r.kind)} {r.symbol ?? "(không số)"}</Text>
          {r.date && <Text> ngày {formatDate(r.date)}</Text>}
          {r.issuer && <Text type="secondary"> của {r.issuer}</Text>}
          <div>
            {props.linked ? (
              <Tag color="green" icon={<LinkOutlined />}>
                <a href={`/van-ban/${props.linked.id}`}>Đã có trong hệ thống: {paperLabel(props.linked)}</a>
              </Tag>
            ) : (
              <Tag>{r.linkManual ? "Không liên kết" : "Chưa có trong hệ thống"}</Tag>
            )}
          </div>
        </div>
        <Space size={2}>
          {!props.readOnly && (
            <Tooltip title={open ? "Thu gọn" : "Sửa văn bản dẫn chiếu"}>
              <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(!open)} aria-label="Sửa văn bản dẫn chiếu" />
            </Tooltip>
          )}
          <ItemTools {...props} label="văn bản dẫn chiếu" />
        </Space>
      </Flex>
      {open && (
        <div className="review-grid">
          <Text type="secondary">Số, ký hiệu</Text>
          <Flex gap={8}>
            <Input value={r.symbol ?? ""} onChange={(e) => set({ symbol: e.target.value || null })} placeholder="20-QC/TU" aria-label="Số, ký hiệu" style={{ width: 160 }} />
            <Select value={r.kind ?? undefined} onChange={(kind) => set({ kind: kind ?? null })} options={KIND_OPTIONS} allowClear placeholder="Loại" aria-label="Loại văn bản" style={{ flex: 1 }} />
          </Flex>
          <Text type="secondary">Ngày</Text>
          <VnDateInput value={r.date} onChange={(date) => set({ date })} aria-label="Ngày của văn bản dẫn chiếu" style={{ width: 150 }} />
          <Text type="secondary">Cơ quan ban hành</Text>
          <Input value={r.issuer ?? ""} onChange={(e) => set({ issuer: e.target.value || null })} aria-label="Cơ quan ban hành" />
          <Text type="secondary">Liên kết</Text>
          <PaperLinkSelect
            value={r.citedPaperId}
            linked={props.linked}
            selfId={props.paperId}
            symbol={r.symbol}
            onChange={(citedPaperId) => set({ citedPaperId, linkManual: true })}
          />
        </div>
      )}
    </div>
  );
}

export function emptyReference(): ReferenceItem {
  return { key: newKey(), symbol: null, kind: null, date: null, issuer: null, text: "", citedPaperId: null, linkManual: false, span: null };
}

// ---------------------------------------------------------------------------
// Metadata

export function MetaForm(props: { meta: PaperMeta; onChange: (m: PaperMeta) => void; readOnly: boolean; classified: boolean }) {
  const m = props.meta;
  const set = (patch: Partial<PaperMeta>) => props.onChange({ ...m, ...patch });
  return (
    <div className="review-grid review-meta">
      <Text type="secondary">Loại văn bản</Text>
      <Select value={m.kind ?? undefined} onChange={(kind) => set({ kind: kind ?? null })} options={KIND_OPTIONS} allowClear disabled={props.readOnly} aria-label="Loại văn bản" />
      <Text type="secondary">Số, ký hiệu</Text>
      <Input value={m.symbol ?? ""} onChange={(e) => set({ symbol: e.target.value || null })} disabled={props.readOnly} placeholder="1012-TB/TU" aria-label="Số, ký hiệu văn bản" />
      <Text type="secondary">Ngày ban hành</Text>
      <VnDateInput value={m.issuedOn} onChange={(issuedOn) => set({ issuedOn })} disabled={props.readOnly} aria-label="Ngày ban hành" style={{ width: 150 }} />
      <Text type="secondary">Trích yếu</Text>
      <Input.TextArea value={m.title ?? ""} onChange={(e) => set({ title: e.target.value || null })} disabled={props.readOnly} autoSize={{ minRows: 2, maxRows: 5 }} aria-label="Trích yếu" />
      {!props.classified && (
        <>
          <Text type="secondary">Cơ quan ban hành</Text>
          <Input value={m.issuer ?? ""} onChange={(e) => set({ issuer: e.target.value || null })} disabled={props.readOnly} aria-label="Cơ quan ban hành" />
          <Text type="secondary">Người ký</Text>
          <Flex gap={8}>
            <Input value={m.signerPosition ?? ""} onChange={(e) => set({ signerPosition: e.target.value || null })} disabled={props.readOnly} placeholder="Chức vụ" aria-label="Chức vụ người ký" />
            <Input value={m.signerName ?? ""} onChange={(e) => set({ signerName: e.target.value || null })} disabled={props.readOnly} placeholder="Họ và tên" aria-label="Họ tên người ký" />
          </Flex>
        </>
      )}
      <Text type="secondary">Nơi nhận</Text>
      <Input.TextArea
        value={m.recipients ?? ""}
        onChange={(e) => set({ recipients: e.target.value || null })}
        disabled={props.readOnly}
        autoSize={{ minRows: 3, maxRows: 10 }}
        placeholder="Mỗi nơi nhận một dòng"
        aria-label="Nơi nhận"
      />
    </div>
  );
}

export function AddButton(props: { label: string; onClick: () => void }) {
  return (
    <Button icon={<PlusOutlined />} onClick={props.onClick} block type="dashed">
      {props.label}
    </Button>
  );
}

export function EmptyList(props: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.text} />;
}
