// One unit is divided into new units from a date; it ends, or continues when new units are
// only carved out of it. The units under it may go to one of the new units.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Checkbox, Col, Form, Row, Select } from "antd";
import type { VersionView } from "../../../domain/api/units.ts";
import { todayInVietnam } from "../../../domain/format.ts";
import type { UnitKind } from "../../../domain/units.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { unitsApi } from "./api.ts";
import { CodeField, EffectiveField, KindField, NameField, NoteField, ParentField, textOrNull } from "./fields.tsx";

interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: string | null;
}

interface Values {
  effective: string;
  into: NewUnit[];
  endSource: boolean;
  childrenTo?: string | null;
  note?: string;
}

export function SplitModal(props: {
  open: boolean;
  unitId: string;
  current: VersionView;
  asOf: string;
  onClose(): void;
  onDone(createdIds: string[]): void;
}) {
  const { current } = props;
  const effective = props.asOf > current.validFrom ? props.asOf : todayInVietnam();
  const blank = (): Partial<NewUnit> => ({ kind: current.kind, parentId: current.parentId });
  return (
    <FormModal<Values>
      open={props.open}
      title={`Chia tách: ${current.name}`}
      okText="Chia tách"
      width={760}
      initialValues={{ effective, into: [blank() as NewUnit, blank() as NewUnit], endSource: true, childrenTo: null }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const r = await unitsApi.split({
          effective: v.effective,
          fromId: props.unitId,
          into: v.into.map((u) => ({ code: u.code.trim(), kind: u.kind, name: u.name.trim(), shortName: null, aliases: [], parentId: u.parentId ?? null })),
          endSource: v.endSource,
          childrenTo: v.endSource ? (v.childrenTo ?? null) : null,
          note: textOrNull(v.note),
        });
        props.onDone(r.created);
      }}
    >
      <EffectiveField />
      <Form.List name="into">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={`Đơn vị mới ${i + 1}`}
                style={{ marginBottom: 12 }}
                extra={
                  fields.length > 1 && (
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={`Bỏ đơn vị mới ${i + 1}`} />
                  )
                }
              >
                <Row gutter={12}>
                  <Col span={16}>
                    <NameField prefix={[f.name]} />
                  </Col>
                  <Col span={8}>
                    <CodeField prefix={[f.name]} />
                  </Col>
                  <Col span={12}>
                    <KindField prefix={[f.name]} />
                  </Col>
                  <Col span={12}>
                    <Form.Item noStyle dependencies={["effective"]}>
                      {({ getFieldValue }) => <ParentField prefix={[f.name]} asOf={getFieldValue("effective") ?? effective} exclude={[props.unitId]} />}
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add(blank())} style={{ marginBottom: 16 }}>
              Thêm đơn vị mới
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="endSource" valuePropName="checked">
        <Checkbox>{current.name} kết thúc hoạt động (bỏ chọn nếu chỉ tách một phần, đơn vị cũ vẫn tiếp tục)</Checkbox>
      </Form.Item>
      <Form.Item noStyle dependencies={["endSource", "into"]}>
        {({ getFieldValue }) =>
          getFieldValue("endSource") && (
            <Form.Item label="Các đơn vị trực thuộc chuyển về" name="childrenTo" extra="Bắt buộc khi đơn vị còn đơn vị trực thuộc.">
              <Select
                allowClear
                placeholder="Chọn một trong các đơn vị mới"
                options={((getFieldValue("into") as Partial<NewUnit>[] | undefined) ?? [])
                  .filter((u) => u?.code?.trim())
                  .map((u) => ({ value: u.code!.trim(), label: u.name ? `${u.name} (${u.code})` : u.code }))}
              />
            </Form.Item>
          )
        }
      </Form.Item>
      <NoteField />
    </FormModal>
  );
}
