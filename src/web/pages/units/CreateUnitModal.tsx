// A new unit, valid from a date, under a parent as the tree stood on that date.
import { Form } from "antd";
import type { UnitDetail } from "../../../domain/api/units.ts";
import type { UnitKind } from "../../../domain/units.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { unitsApi } from "./api.ts";
import { AliasesField, CodeField, cleanAliases, EffectiveField, KindField, NameField, ParentField, ShortNameField, textOrNull } from "./fields.tsx";

interface Values {
  validFrom: string;
  code: string;
  kind: UnitKind;
  name: string;
  shortName?: string;
  aliases?: string[];
  parentId?: string | null;
}

export function CreateUnitModal(props: { open: boolean; asOf: string; parentId: string | null; onClose(): void; onDone(detail: UnitDetail): void }) {
  return (
    <FormModal<Values>
      open={props.open}
      title="Thêm đơn vị"
      okText="Thêm đơn vị"
      width={620}
      initialValues={{ validFrom: props.asOf, parentId: props.parentId, aliases: [] }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const detail = await unitsApi.create({
          validFrom: v.validFrom,
          code: v.code.trim(),
          kind: v.kind,
          name: v.name.trim(),
          shortName: textOrNull(v.shortName),
          aliases: cleanAliases(v.aliases),
          parentId: v.parentId ?? null,
        });
        props.onDone(detail);
      }}
    >
      <EffectiveField name="validFrom" label="Hoạt động từ ngày" />
      <NameField autoFocus />
      <CodeField />
      <KindField />
      <ShortNameField />
      <AliasesField />
      <Form.Item noStyle dependencies={["validFrom"]}>
        {({ getFieldValue }) => <ParentField asOf={getFieldValue("validFrom") ?? props.asOf} extra="Danh sách đơn vị theo ngày hoạt động đã chọn." />}
      </Form.Item>
    </FormModal>
  );
}
