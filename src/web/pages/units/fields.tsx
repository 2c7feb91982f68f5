// Form fields shared by the unit dialogs.
import { Form, Input, Select } from "antd";
import type { NamePath } from "antd/es/form/interface";
import { DateField } from "../../components/DateField.tsx";
import { UnitPicker } from "../../components/UnitPicker.tsx";
import { KIND_OPTIONS } from "./kinds.tsx";

const CODE_PATTERN = /^[\p{L}\p{N}._-]+$/u;

/** Prefix for field names inside a Form.List row (e.g. [0] for the first new unit). */
type Prefix = (string | number)[];
const at = (prefix: Prefix, name: string): NamePath => [...prefix, name];

export function EffectiveField(props: { label?: string; extra?: string; name?: string }) {
  return (
    <Form.Item
      label={props.label ?? "Ngày có hiệu lực"}
      name={props.name ?? "effective"}
      extra={props.extra}
      rules={[{ required: true, message: "Hãy chọn ngày có hiệu lực." }]}
    >
      <DateField />
    </Form.Item>
  );
}

export function CodeField(props: { prefix?: Prefix; label?: string }) {
  return (
    <Form.Item
      label={props.label ?? "Mã đơn vị"}
      name={at(props.prefix ?? [], "code")}
      extra={props.prefix ? undefined : "Mã không đổi suốt đời đơn vị; chỉ gồm chữ, số và các dấu . _ - (ví dụ SO-TC)."}
      rules={[
        { required: true, whitespace: true, message: "Hãy nhập mã đơn vị." },
        { pattern: CODE_PATTERN, message: "Mã đơn vị chỉ gồm chữ, số và các dấu . _ -" },
        { max: 64, message: "Mã đơn vị tối đa 64 ký tự." },
      ]}
    >
      <Input autoComplete="off" spellCheck={false} />
    </Form.Item>
  );
}

export function NameField(props: { prefix?: Prefix; label?: string; autoFocus?: boolean }) {
  return (
    <Form.Item
      label={props.label ?? "Tên đầy đủ"}
      name={at(props.prefix ?? [], "name")}
      rules={[
        { required: true, whitespace: true, message: "Hãy nhập tên đơn vị." },
        { max: 300, message: "Tên đơn vị tối đa 300 ký tự." },
      ]}
    >
      <Input autoFocus={props.autoFocus} autoComplete="off" />
    </Form.Item>
  );
}

export function ShortNameField(props: { prefix?: Prefix }) {
  return (
    <Form.Item label="Tên viết tắt" name={at(props.prefix ?? [], "shortName")} rules={[{ max: 100, message: "Tên viết tắt tối đa 100 ký tự." }]}>
      <Input autoComplete="off" />
    </Form.Item>
  );
}

export function AliasesField(props: { prefix?: Prefix }) {
  return (
    <Form.Item
      label="Tên khác"
      name={at(props.prefix ?? [], "aliases")}
      extra="Các cách gọi khác trong văn bản (để nhận diện đơn vị). Gõ rồi nhấn Enter; có thể dán nhiều tên cách nhau bởi dấu ;"
    >
      <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[";"]} placeholder="Ví dụ: Sở Tài chính tỉnh; STC" />
    </Form.Item>
  );
}

export function KindField(props: { prefix?: Prefix; required?: boolean; name?: string }) {
  return (
    <Form.Item
      label="Loại đơn vị"
      name={at(props.prefix ?? [], props.name ?? "kind")}
      rules={props.required === false ? [] : [{ required: true, message: "Hãy chọn loại đơn vị." }]}
    >
      <Select options={KIND_OPTIONS} placeholder="Chọn loại" showSearch={{ optionFilterProp: "label" }} allowClear={props.required === false} />
    </Form.Item>
  );
}

export function ParentField(props: { prefix?: Prefix; asOf: string; exclude?: string[]; label?: string; name?: string; extra?: string }) {
  return (
    <Form.Item label={props.label ?? "Trực thuộc"} name={at(props.prefix ?? [], props.name ?? "parentId")} extra={props.extra}>
      <UnitPicker asOf={props.asOf} exclude={props.exclude} placeholder="Không trực thuộc đơn vị nào (cấp cao nhất)" />
    </Form.Item>
  );
}

export function NoteField() {
  return (
    <Form.Item label="Căn cứ, ghi chú" name="note" rules={[{ max: 2000, message: "Ghi chú tối đa 2.000 ký tự." }]}>
      <Input.TextArea rows={2} placeholder="Ví dụ: Quyết định số 123-QĐ/TU ngày 20/6/2025 của Ban Thường vụ Tỉnh ủy" />
    </Form.Item>
  );
}

/** Trims a text field; empty becomes null. */
export function textOrNull(s: string | null | undefined): string | null {
  const t = (s ?? "").trim();
  return t ? t : null;
}

export function cleanAliases(list: string[] | null | undefined): string[] {
  return [...new Set((list ?? []).map((a) => a.trim()).filter(Boolean))];
}
