// Figures waiting for the office's approval (office), or the figures a unit has entered (units):
// approve, return with a reason, or open the target.
import { CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, Segmented, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { ValueListRow } from "../../../domain/api/targets.ts";
import { formatDate } from "../../../domain/format.ts";
import { VALUE_BASIS_LABELS, type ValueBasis, type ValueStatus } from "../../../domain/targets.ts";
import { errorMessage } from "../../api/client.ts";
import { useSession } from "../../auth/session.tsx";
import { FormModal } from "../../components/FormModal.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { targetsApi } from "./api.ts";
import { num, resolutionPath, TARGETS_PATH, targetPath, ValueStatusTag } from "./widgets.tsx";

export default function ValuesPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const office = can("targets.approve");
  const [status, setStatus] = useState<ValueStatus | "all">(office ? "submitted" : "all");
  const [returning, setReturning] = useState<ValueListRow | null>(null);
  const list = useLoad(() => targetsApi.values({ status: status === "all" ? undefined : status }), [status]);

  const approve = async (v: ValueListRow) => {
    try {
      await targetsApi.approve(v.id, v.version);
      message.success(`Đã duyệt: ${v.target.name}, ${v.periodLabel}.`);
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div>
      <PageHeader
        title={office ? "Số liệu chờ duyệt" : "Số liệu đơn vị đã nhập"}
        subtitle={
          <span>
            <Link to={TARGETS_PATH}>Chỉ tiêu</Link> · {office ? "Số liệu các đơn vị gửi: duyệt để đưa vào đánh giá, hoặc trả lại kèm lý do." : "Số liệu các chỉ tiêu đơn vị phụ trách, và trạng thái duyệt."}
          </span>
        }
        extra={
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as ValueStatus | "all")}
            options={[
              { value: "submitted", label: "Chờ duyệt" },
              ...(office ? [] : [{ value: "draft", label: "Bản nháp" }]),
              { value: "approved", label: "Đã duyệt" },
              { value: "all", label: "Tất cả" },
            ]}
          />
        }
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<ValueListRow>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.values ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: status === "submitted" ? "Không có số liệu chờ duyệt." : "Không có số liệu." }}
          scroll={{ x: 1200 }}
          columns={[
            {
              title: "Chỉ tiêu",
              render: (_, v) => (
                <div>
                  <Link to={targetPath(v.target.id)}>
                    {v.target.code}. {v.target.name}
                  </Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <Link to={resolutionPath(v.resolution.id)}>{v.resolution.title}</Link> · {v.target.ownerName ?? "—"}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: "Kỳ", dataIndex: "periodLabel", width: 170 },
            { title: "Loại", dataIndex: "basis", width: 120, render: (b: ValueBasis) => VALUE_BASIS_LABELS[b] },
            { title: "Giá trị", dataIndex: "value", width: 140, align: "right", render: (x: number, v) => `${num(x)} ${v.target.unit}` },
            { title: "Nguồn", dataIndex: "source", render: (s: string | null, v) => (v.paper ? <span>{s}</span> : (s ?? "—")) },
            { title: "Đến ngày", dataIndex: "cutoffOn", width: 110, render: (d: string | null) => formatDate(d) },
            { title: "Trạng thái", dataIndex: "status", width: 130, render: (s: ValueStatus) => <ValueStatusTag status={s} /> },
            { title: "Người nhập", dataIndex: "enteredBy", width: 160 },
            ...(office
              ? [
                  {
                    title: "",
                    width: 190,
                    render: (_: unknown, v: ValueListRow) =>
                      v.status === "submitted" && (
                        <Space size={4}>
                          <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => void approve(v)}>
                            Duyệt
                          </Button>
                          <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setReturning(v)}>
                            Trả lại
                          </Button>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <FormModal<{ reason: string }>
        open={!!returning}
        title="Trả lại số liệu cho đơn vị"
        okText="Trả lại"
        danger
        onCancel={() => setReturning(null)}
        onSubmit={async (f) => {
          await targetsApi.returnValue(returning!.id, returning!.version, f.reason);
          setReturning(null);
          message.success("Đã trả lại số liệu.");
          list.reload();
        }}
      >
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, message: "Hãy ghi lý do trả lại." }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
