// The resolutions and programmes whose targets are followed: the congress resolution of the
// term, the yearly resolutions and work programmes. The office adds them; everyone opens them.
import { AuditOutlined, FileSearchOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, InputNumber, Radio, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { ResolutionView } from "../../../domain/api/targets.ts";
import { formatDate } from "../../../domain/format.ts";
import { RESOLUTION_KIND_LABELS, RESOLUTION_KINDS, type ResolutionKind } from "../../../domain/targets.ts";
import { useSession } from "../../auth/session.tsx";
import { DateField } from "../../components/DateField.tsx";
import { FormModal } from "../../components/FormModal.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { EmptyState, LoadError, Loading } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { targetsApi } from "./api.ts";
import { EXPLANATIONS_PATH, resolutionPath, VALUES_PATH } from "./widgets.tsx";

interface NewResolutionForm {
  kind: ResolutionKind;
  year?: number;
  termStart?: number;
  symbol?: string;
  title: string;
  issuedOn?: string | null;
  note?: string;
}

function NewResolutionModal(props: { open: boolean; onClose: () => void; onCreated: (r: ResolutionView) => void }) {
  const thisYear = new Date().getFullYear();
  return (
    <FormModal<NewResolutionForm>
      open={props.open}
      title="Thêm nghị quyết, chương trình có chỉ tiêu"
      okText="Thêm"
      initialValues={{ kind: "yearly_resolution", year: thisYear, termStart: 2025 }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const base = { symbol: v.symbol || null, title: v.title, issuedOn: v.issuedOn ?? null, note: v.note || null };
        // The form requires the year of a yearly resolution or programme.
        const r = await targetsApi.createResolution(v.kind === "congress" ? { kind: "congress", term: `${v.termStart}-${(v.termStart ?? 0) + 5}`, ...base } : { kind: v.kind, year: v.year!, ...base });
        props.onCreated(r);
      }}
    >
      {(form) => (
        <>
          <Form.Item name="kind" label="Loại văn bản" rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={RESOLUTION_KINDS.map((k) => ({ value: k, label: RESOLUTION_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {() =>
              form.getFieldValue("kind") === "congress" ? (
                <Form.Item name="termStart" label="Nhiệm kỳ (năm Đại hội)" extra="Nhiệm kỳ 2025 - 2030: chỉ tiêu cho các năm 2026 - 2030." rules={[{ required: true, message: "Hãy nhập năm Đại hội." }]}>
                  <InputNumber min={2000} max={2100} step={5} />
                </Form.Item>
              ) : (
                <Form.Item name="year" label="Năm" rules={[{ required: true, message: "Hãy nhập năm." }]}>
                  <InputNumber min={2000} max={2100} />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="symbol" label="Số, ký hiệu">
            <Input placeholder="Ví dụ: 15-NQ/TU" />
          </Form.Item>
          <Form.Item name="title" label="Trích yếu" rules={[{ required: true, message: "Hãy nhập trích yếu." }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
          <Form.Item name="issuedOn" label="Ngày ban hành">
            <DateField allowClear />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

export default function ResolutionsPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [archived, setArchived] = useState(false);
  const [adding, setAdding] = useState(false);
  const list = useLoad(() => targetsApi.resolutions(archived), [archived]);

  return (
    <div>
      <PageHeader
        title="Chỉ tiêu"
        subtitle="Chỉ tiêu của nghị quyết Đại hội, nghị quyết và chương trình công tác năm: kế hoạch, thực hiện, tình trạng và dự báo theo từng kỳ."
        extra={
          <>
            <Link to={VALUES_PATH}>
              <Button icon={<AuditOutlined />}>{can("targets.approve") ? "Số liệu chờ duyệt" : "Số liệu đã nhập"}</Button>
            </Link>
            <Link to={EXPLANATIONS_PATH}>
              <Button icon={<FileSearchOutlined />}>Yêu cầu giải trình</Button>
            </Link>
            {can("targets.manage") && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                Thêm nghị quyết, chương trình
              </Button>
            )}
          </>
        }
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.resolutions.length === 0 ? (
        <EmptyState description="Chưa có nghị quyết, chương trình nào có chỉ tiêu." />
      ) : (
        <Table<ResolutionView>
          rowKey="id"
          dataSource={list.data.resolutions}
          pagination={false}
          loading={list.loading}
          onRow={(r) => ({ onClick: () => navigate(resolutionPath(r.id)), style: { cursor: "pointer" } })}
          columns={[
            { title: "Loại", dataIndex: "kindLabel", width: 220, render: (v: string, r) => <Tag color={r.kind === "congress" ? "purple" : "blue"}>{v}</Tag> },
            {
              title: "Văn bản",
              render: (_, r) => (
                <div>
                  <Link to={resolutionPath(r.id)} onClick={(e) => e.stopPropagation()}>
                    {r.symbol ? `${r.symbol} — ` : ""}
                    {r.title}
                  </Link>
                  {r.archived && <Tag style={{ marginInlineStart: 8 }}>Đã lưu trữ</Tag>}
                  {r.note && (
                    <div>
                      <Typography.Text type="secondary">{r.note}</Typography.Text>
                    </div>
                  )}
                </div>
              ),
            },
            { title: "Phạm vi", dataIndex: "scopeLabel", width: 190 },
            { title: "Ngày ban hành", dataIndex: "issuedOn", width: 130, render: (d: string | null) => formatDate(d) },
            { title: "Số chỉ tiêu", dataIndex: "targetCount", width: 110, align: "right" },
          ]}
        />
      )}
      {can("targets.manage") && (
        <div style={{ marginTop: 12 }}>
          <Switch size="small" checked={archived} onChange={setArchived} /> <Typography.Text type="secondary">Hiện cả văn bản đã lưu trữ</Typography.Text>
        </div>
      )}
      <NewResolutionModal
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(r) => {
          setAdding(false);
          message.success("Đã thêm. Hãy thêm các chỉ tiêu.");
          navigate(resolutionPath(r.id));
        }}
      />
    </div>
  );
}
