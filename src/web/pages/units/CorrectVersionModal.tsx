// Corrects a mistake in one version (a typo, a missing alias) without starting a new
// version. The version number read is sent back; if someone changed it meanwhile the
// server answers 409 with the current data, shown here so the user can redo the edit.
import { Alert, Descriptions, Form, Typography } from "antd";
import { useState } from "react";
import type { UnitDetail, VersionView } from "../../../domain/api/units.ts";
import { UNIT_KIND_LABELS, type UnitKind } from "../../../domain/units.ts";
import { ApiError } from "../../api/client.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { intervalText, unitsAsOf } from "../../components/units.ts";
import { unitsApi } from "./api.ts";
import { AliasesField, cleanAliases, KindField, NameField, ParentField, ShortNameField, textOrNull } from "./fields.tsx";

interface Values {
  name: string;
  shortName?: string | null;
  aliases?: string[];
  kind: UnitKind;
  parentId?: string | null;
}

interface Current {
  version: number;
  name: string;
  shortName: string | null;
  aliases: string[];
  kind: UnitKind;
  parentId: string | null;
  parentName?: string | null;
}

function valuesOf(v: Current): Values {
  return { name: v.name, shortName: v.shortName ?? "", aliases: v.aliases, kind: v.kind, parentId: v.parentId };
}

export function CorrectVersionModal(props: { version: VersionView | null; onClose(): void; onDone(detail: UnitDetail): void }) {
  const v = props.version;
  const [expected, setExpected] = useState<number | null>(null);
  const [conflict, setConflict] = useState<Current | null>(null);
  const open = v !== null;
  const version = expected ?? v?.version ?? 1;

  const close = () => {
    setExpected(null);
    setConflict(null);
    props.onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title={v ? `Sửa lỗi giai đoạn ${intervalText(v.validFrom, v.validTo)}` : ""}
      okText="Lưu sửa đổi"
      width={640}
      initialValues={v ? valuesOf(v) : undefined}
      onCancel={close}
      onSubmit={async (values) => {
        if (!v) return;
        const detail = await unitsApi.correct(v.unitId, v.validFrom, {
          version,
          name: values.name.trim(),
          shortName: textOrNull(values.shortName),
          aliases: cleanAliases(values.aliases),
          kind: values.kind,
          parentId: values.parentId ?? null,
        });
        setExpected(null);
        setConflict(null);
        props.onDone(detail);
      }}
      onError={async (e, form) => {
        if (!(e instanceof ApiError) || e.status !== 409 || !e.current) return;
        const current = e.current as Current;
        if (current.parentId && v) {
          const units = await unitsAsOf(v.validFrom).catch(() => []);
          current.parentName = units.find((u) => u.id === current.parentId)?.name ?? null;
        }
        setConflict(current);
        setExpected(current.version);
        form.setFieldsValue(valuesOf(current));
      }}
    >
      {v && (
        <>
          {!conflict && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
              Chỉ dùng để sửa lỗi nhập liệu của giai đoạn này. Nếu đơn vị thật sự đổi tên, đổi trực thuộc từ một ngày, hãy dùng “Ghi nhận
              thay đổi” để lịch sử giữ cả tên cũ và tên mới.
            </Typography.Paragraph>
          )}
          {conflict && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="Bản hiện tại (biểu mẫu đã được điền lại theo bản này; hãy sửa lại rồi lưu):"
              description={
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: "name", label: "Tên", children: conflict.name },
                    { key: "short", label: "Tên viết tắt", children: conflict.shortName ?? "—" },
                    { key: "aliases", label: "Tên khác", children: conflict.aliases.join("; ") || "—" },
                    { key: "kind", label: "Loại", children: UNIT_KIND_LABELS[conflict.kind] },
                    { key: "parent", label: "Trực thuộc", children: conflict.parentName ?? (conflict.parentId ? "(đơn vị khác)" : "—") },
                  ]}
                />
              }
            />
          )}
          <NameField autoFocus />
          <ShortNameField />
          <AliasesField />
          <KindField />
          <Form.Item noStyle>
            <ParentField asOf={v.validFrom} exclude={[v.unitId]} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
