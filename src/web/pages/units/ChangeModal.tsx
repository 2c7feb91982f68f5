// A change to one unit from a date: rename, move under another parent, edit its kind or
// other names, or end it (its units below move to another).
import { Alert, Form, Typography } from "antd";
import type { UnitDetail, VersionView } from "../../../domain/api/units.ts";
import type { ChangeBody } from "../../../domain/api/units-input.ts";
import { addDays, formatDate, todayInVietnam } from "../../../domain/format.ts";
import type { UnitKind } from "../../../domain/units.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { unitsApi } from "./api.ts";
import { AliasesField, cleanAliases, EffectiveField, KindField, NameField, NoteField, ParentField, ShortNameField, textOrNull } from "./fields.tsx";
import { ACTION_LABELS } from "./UnitActions.tsx";

export type ChangeKind = "rename" | "move" | "edit" | "abolish";

interface Values {
  effective: string;
  name?: string;
  shortName?: string | null;
  aliases?: string[];
  parentId?: string | null;
  unitKind?: UnitKind;
  moveChildrenTo?: string | null;
  note?: string;
}

function bodyOf(kind: ChangeKind, v: Values): ChangeBody {
  const note = textOrNull(v.note);
  switch (kind) {
    case "rename":
      return { kind, effective: v.effective, name: (v.name ?? "").trim(), shortName: textOrNull(v.shortName), aliases: cleanAliases(v.aliases), note };
    case "move":
      return { kind, effective: v.effective, parentId: v.parentId ?? null, note };
    case "edit":
      return { kind, effective: v.effective, unitKind: v.unitKind, shortName: textOrNull(v.shortName), aliases: cleanAliases(v.aliases), note };
    case "abolish":
      return { kind, effective: v.effective, moveChildrenTo: v.moveChildrenTo ?? null, note };
  }
}

export interface ChangeModalProps {
  kind: ChangeKind | null;
  unitId: string;
  /** The unit's latest version, to prefill the form. */
  current: VersionView;
  asOf: string;
  onClose(): void;
  onDone(detail: UnitDetail): void;
}

export function ChangeModal(props: ChangeModalProps) {
  const { kind, current } = props;
  // A change starts after the version it closes: default to the tree's date, else today.
  const effective = props.asOf > current.validFrom ? props.asOf : todayInVietnam();
  const initial: Values = {
    effective,
    name: current.name,
    shortName: current.shortName ?? "",
    aliases: current.aliases,
    parentId: current.parentId,
    unitKind: current.kind,
  };
  return (
    <FormModal<Values>
      open={kind !== null}
      title={kind ? `${ACTION_LABELS[kind]}: ${current.name}` : ""}
      okText={kind === "abolish" ? "Kết thúc hoạt động" : "Ghi nhận"}
      danger={kind === "abolish"}
      width={620}
      initialValues={initial}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        if (!kind) return;
        props.onDone(await unitsApi.change(props.unitId, bodyOf(kind, v)));
      }}
    >
      <EffectiveField
        extra={
          kind === "abolish"
            ? "Ngày đơn vị không còn hoạt động; ngày cuối cùng là ngày trước đó."
            : "Từ ngày này cây tổ chức dùng thông tin mới; trước đó vẫn giữ thông tin cũ."
        }
      />
      {kind === "rename" && (
        <>
          <NameField label="Tên mới" autoFocus />
          <ShortNameField />
          <AliasesField />
        </>
      )}
      {kind === "move" && (
        <Form.Item noStyle dependencies={["effective"]}>
          {({ getFieldValue }) => <ParentField label="Trực thuộc đơn vị (mới)" asOf={getFieldValue("effective") ?? effective} exclude={[props.unitId]} />}
        </Form.Item>
      )}
      {kind === "edit" && (
        <>
          <KindField name="unitKind" />
          <ShortNameField />
          <AliasesField />
        </>
      )}
      {kind === "abolish" && (
        <Form.Item noStyle dependencies={["effective"]}>
          {({ getFieldValue }) => {
            const day: string = getFieldValue("effective") ?? effective;
            return (
              <>
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={`${current.name} sẽ kết thúc hoạt động từ ngày ${formatDate(day)} (ngày cuối cùng là ${formatDate(addDays(day, -1))}).`}
                  description="Lịch sử của đơn vị vẫn được giữ; các văn bản, nhiệm vụ trước đó vẫn mang tên đơn vị như lúc ấy."
                />
                <ParentField
                  name="moveChildrenTo"
                  label="Chuyển các đơn vị trực thuộc về"
                  asOf={day}
                  exclude={[props.unitId]}
                  extra="Bắt buộc khi đơn vị còn đơn vị trực thuộc vào ngày này."
                />
              </>
            );
          }}
        </Form.Item>
      )}
      <NoteField />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Thay đổi được ghi vào nhật ký cùng tên người thực hiện.
      </Typography.Text>
    </FormModal>
  );
}
