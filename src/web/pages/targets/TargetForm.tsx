// Adding or editing a target of the catalogue: what is measured, in which unit, in which
// direction, in which periods, who owns it, and its plans for each year (and the term).
import { Checkbox, Flex, Form, Input, Radio, Select, Switch, Typography } from "antd";
import type { ResolutionView, TargetCatalogue } from "../../../domain/api/targets.ts";
import type { NewTargetBody } from "../../../domain/api/targets-input.ts";
import type { WithinYearKind } from "../../../domain/periods.ts";
import { DIRECTION_LABELS, DIRECTIONS, TERM_BASES, TERM_BASIS_LABELS } from "../../../domain/targets.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { UnitPicker } from "../../components/UnitPicker.tsx";
import { targetsApi } from "./api.ts";
import { VnNumberInput } from "./widgets.tsx";

const KIND_OPTIONS = [
  { value: "month", label: "Tháng" },
  { value: "quarter", label: "Quý" },
  { value: "half", label: "6 tháng" },
  { value: "nine_months", label: "9 tháng" },
  { value: "year", label: "Năm", disabled: true },
];

/** The plan periods of a resolution: its year, or the term's years and the term. */
export function planPeriods(r: ResolutionView): { code: string; label: string }[] {
  if (r.kind === "congress" && r.term) {
    const [from, to] = r.term.split("-").map(Number) as [number, number];
    const years = [];
    for (let y = from + 1; y <= to; y++) years.push({ code: String(y), label: `Năm ${y}` });
    return [...years, { code: r.term, label: `Cả nhiệm kỳ ${from} - ${to}` }];
  }
  return [{ code: String(r.year), label: `Năm ${r.year}` }];
}

interface Values {
  code: string;
  name: string;
  unit: string;
  direction: NewTargetBody["direction"];
  threshold?: number | null;
  accumulates: boolean;
  termBasis: NonNullable<NewTargetBody["termBasis"]>;
  periodKinds: WithinYearKind[];
  ownerUnitId: string | null;
  note?: string | null;
  plans: Record<string, number | null>;
  reason?: string;
}

export function TargetFormModal(props: { open: boolean; resolution: ResolutionView; target?: TargetCatalogue; nextCode?: string; onClose: () => void; onSaved: () => void }) {
  const t = props.target;
  const periods = planPeriods(props.resolution);
  const initial: Partial<Values> = t
    ? {
        code: t.code,
        name: t.name,
        unit: t.unit,
        direction: t.direction,
        threshold: t.threshold,
        accumulates: t.accumulates,
        termBasis: t.termBasis,
        // The catalogue holds only the kinds the schema let in.
        periodKinds: [...new Set([...(t.periodKinds as WithinYearKind[]), "year" as const])],
        ownerUnitId: t.ownerUnitId,
        note: t.note,
        plans: Object.fromEntries(t.plans.map((p) => [p.period, p.value])),
      }
    : { code: props.nextCode, direction: "increase", accumulates: true, termBasis: "sum", periodKinds: ["half", "nine_months", "year"], ownerUnitId: null, plans: {} };

  return (
    <FormModal<Values>
      open={props.open}
      width={760}
      title={t ? `Sửa chỉ tiêu ${t.code}` : "Thêm chỉ tiêu"}
      okText={t ? "Lưu" : "Thêm"}
      initialValues={initial}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const plans = Object.entries(v.plans ?? {})
          .filter(([, value]) => value !== null && value !== undefined)
          .map(([period, value]) => ({ period, value: value as number }));
        const body = {
          code: v.code,
          name: v.name,
          unit: v.unit,
          direction: v.direction,
          threshold: v.direction === "threshold" ? (v.threshold ?? null) : null,
          accumulates: v.accumulates,
          termBasis: v.termBasis,
          periodKinds: [...new Set([...(v.periodKinds ?? []), "year" as const])],
          ownerUnitId: v.ownerUnitId ?? null,
          note: v.note || null,
          plans,
        };
        if (t) await targetsApi.updateTarget(t.id, { version: t.version, ...body, ...(v.reason ? { reason: v.reason } : {}) });
        else await targetsApi.createTarget(props.resolution.id, body);
        props.onSaved();
      }}
    >
      {(form) => (
        <>
          <Flex gap={12}>
            <Form.Item name="code" label="Mã / số thứ tự" rules={[{ required: true, message: "Hãy nhập mã." }]} style={{ width: 140 }}>
              <Input />
            </Form.Item>
            <Form.Item name="name" label="Tên chỉ tiêu" rules={[{ required: true, message: "Hãy nhập tên chỉ tiêu." }]} style={{ flex: 1 }}>
              <Input />
            </Form.Item>
            <Form.Item name="unit" label="Đơn vị tính" rules={[{ required: true, message: "Hãy nhập đơn vị tính." }]} style={{ width: 150 }}>
              <Input placeholder="tỷ đồng, %, người…" />
            </Form.Item>
          </Flex>
          <Form.Item name="direction" label="Chiều đánh giá">
            <Radio.Group optionType="button" options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.direction !== b.direction}>
            {() =>
              form.getFieldValue("direction") === "threshold" && (
                <Form.Item name="threshold" label="Ngưỡng phải đạt" rules={[{ required: true, message: "Hãy nhập ngưỡng." }]}>
                  <VnNumberInput />
                </Form.Item>
              )
            }
          </Form.Item>
          <Flex gap={24} wrap>
            <Form.Item name="accumulates" label="Số liệu cộng dồn theo kỳ" valuePropName="checked" extra="Bật với kim ngạch, thu ngân sách, số người…; tắt với tỷ lệ, tốc độ tăng, mức bình quân.">
              <Switch />
            </Form.Item>
            <Form.Item name="termBasis" label="Cách tính cả nhiệm kỳ">
              <Select style={{ width: 230 }} options={TERM_BASES.map((b) => ({ value: b, label: TERM_BASIS_LABELS[b] }))} />
            </Form.Item>
          </Flex>
          <Form.Item name="periodKinds" label="Các kỳ đánh giá">
            <Checkbox.Group options={KIND_OPTIONS} />
          </Form.Item>
          <Form.Item name="ownerUnitId" label="Đơn vị chủ trì (nhập số liệu)">
            <UnitPicker allowClear placeholder="Chọn đơn vị" style={{ width: "100%" }} />
          </Form.Item>
          <Typography.Text strong>Kế hoạch</Typography.Text>
          <Flex gap={12} wrap style={{ marginTop: 8 }}>
            {periods.map((p) => (
              <Form.Item key={p.code} name={["plans", p.code]} label={p.label}>
                <VnNumberInput style={{ width: 150 }} />
              </Form.Item>
            ))}
          </Flex>
          {t && (
            <Form.Item name="reason" label="Căn cứ điều chỉnh" extra="Không điều chỉnh giảm chỉ tiêu; nếu đã có quyết định điều chỉnh, ghi số và ngày văn bản.">
              <Input />
            </Form.Item>
          )}
          <Form.Item name="note" label="Ghi chú">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
