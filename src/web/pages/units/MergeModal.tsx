// Several units become one from a date: either an existing unit takes the others in
// (optionally under a new name), or a new unit is founded from all of them.
import { Checkbox, Form, Radio } from "antd";
import type { UnitDetail } from "../../../domain/api/units.ts";
import { addDays, todayInVietnam } from "../../../domain/format.ts";
import type { UnitKind } from "../../../domain/units.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { UnitPicker } from "../../components/UnitPicker.tsx";
import { unitsApi } from "./api.ts";
import { CodeField, EffectiveField, KindField, NameField, NoteField, ParentField, ShortNameField, textOrNull } from "./fields.tsx";

interface Values {
  effective: string;
  fromIds: string[];
  mode: "existing" | "create";
  existingId?: string;
  renameTarget?: boolean;
  name?: string;
  shortName?: string;
  code?: string;
  kind?: UnitKind;
  parentId?: string | null;
  note?: string;
}

export function MergeModal(props: { open: boolean; asOf: string; selectedId: string | null; onClose(): void; onDone(detail: UnitDetail): void }) {
  const effective = props.asOf < todayInVietnam() ? props.asOf : todayInVietnam();
  return (
    <FormModal<Values>
      open={props.open}
      title="Hợp nhất, sáp nhập đơn vị"
      okText="Hợp nhất"
      width={680}
      initialValues={{ effective, fromIds: props.selectedId ? [props.selectedId] : [], mode: "existing", renameTarget: false }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const target =
          v.mode === "existing"
            ? {
                existingId: v.existingId!,
                ...(v.renameTarget ? { rename: { name: (v.name ?? "").trim(), shortName: textOrNull(v.shortName), aliases: [] as string[] } } : {}),
              }
            : {
                create: {
                  code: (v.code ?? "").trim(),
                  kind: v.kind!,
                  name: (v.name ?? "").trim(),
                  shortName: textOrNull(v.shortName),
                  aliases: [],
                  parentId: v.parentId ?? null,
                },
              };
        const fromIds = v.mode === "existing" ? [...new Set([...v.fromIds, v.existingId!])] : v.fromIds;
        props.onDone(await unitsApi.merge({ effective: v.effective, fromIds, target, note: textOrNull(v.note) }));
      }}
    >
      {(form) => (
        <>
          <EffectiveField extra="Từ ngày này các đơn vị được hợp nhất không còn hoạt động riêng." />
          <Form.Item noStyle dependencies={["effective"]}>
            {({ getFieldValue }) => {
              const day: string = getFieldValue("effective") ?? effective;
              return (
                <Form.Item
                  label="Các đơn vị được hợp nhất"
                  name="fromIds"
                  extra="Theo cây tổ chức ngày trước ngày hiệu lực."
                  rules={[{ required: true, type: "array", min: 1, message: "Hãy chọn các đơn vị được hợp nhất." }]}
                >
                  <UnitPicker multiple asOf={addDays(day, -1)} placeholder="Chọn các đơn vị" />
                </Form.Item>
              );
            }}
          </Form.Item>
          <Form.Item label="Đơn vị sau hợp nhất" name="mode" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: "existing", label: "Một đơn vị có sẵn tiếp nhận các đơn vị còn lại" },
                { value: "create", label: "Thành lập đơn vị mới" },
              ]}
              onChange={() => form.setFieldsValue({ name: undefined })}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={["mode", "effective", "renameTarget"]}>
            {({ getFieldValue }) => {
              const day: string = getFieldValue("effective") ?? effective;
              if (getFieldValue("mode") === "existing") {
                return (
                  <>
                    <Form.Item label="Đơn vị tiếp nhận" name="existingId" rules={[{ required: true, message: "Hãy chọn đơn vị tiếp nhận." }]}>
                      <UnitPicker asOf={addDays(day, -1)} />
                    </Form.Item>
                    <Form.Item name="renameTarget" valuePropName="checked">
                      <Checkbox>Đơn vị tiếp nhận đổi tên từ ngày hiệu lực</Checkbox>
                    </Form.Item>
                    {getFieldValue("renameTarget") && (
                      <>
                        <NameField label="Tên mới" />
                        <ShortNameField />
                      </>
                    )}
                  </>
                );
              }
              return (
                <>
                  <NameField label="Tên đơn vị mới" />
                  <CodeField />
                  <KindField />
                  <ShortNameField />
                  <ParentField asOf={day} />
                </>
              );
            }}
          </Form.Item>
          <NoteField />
        </>
      )}
    </FormModal>
  );
}
