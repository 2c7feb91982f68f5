// The audit trail for administrators: every change in the province, newest first — who, what,
// on which object, before and after, why, from where — with filters, and a check that no
// entry has been altered since it was written (the hash chain).
import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, App, Button, DatePicker, Flex, Select, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import type { AuditCheck, AuditLogEntry } from "../../../domain/api/audit.ts";
import type { UserView } from "../../../domain/api/users.ts";
import { formatDateTime } from "../../../domain/format.ts";
import { errorMessage } from "../../api/client.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { usersApi } from "../users/api.ts";
import { type AuditFilter, auditApi, PAGE_SIZE } from "./api.ts";
import { ACTION_GROUPS, actionLabel, changedFields, fieldLabel, OBJECT_LABELS } from "./labels.ts";

const collator = new Intl.Collator("vi");

function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function Changes(props: { entry: AuditLogEntry }) {
  const rows = changedFields(props.entry.before, props.entry.after);
  if (!rows.length) return <Typography.Text type="secondary">Không có thay đổi dữ liệu kèm theo.</Typography.Text>;
  return (
    <table className="audit-changes">
      <thead>
        <tr>
          <th>Trường</th>
          <th>Trước</th>
          <th>Sau</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field}>
            <td title={r.field}>{fieldLabel(r.field)}</td>
            <td>{show(r.before)}</td>
            <td>{show(r.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function AuditPage() {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditLogEntry[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [users, setUsers] = useState<UserView[]>([]);
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    usersApi.list().then((r) => setUsers(r.users), () => setUsers([]));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    auditApi.list(filter, undefined, controller.signal).then(
      (r) => {
        setEntries(r.entries);
        setMore(r.entries.length === PAGE_SIZE);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [filter]);

  const loadMore = async () => {
    const last = entries.at(-1);
    if (!last) return;
    setLoading(true);
    try {
      const r = await auditApi.list(filter, last.seq);
      setEntries((e) => [...e, ...r.entries]);
      setMore(r.entries.length === PAGE_SIZE);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  const verify = async () => {
    setChecking(true);
    try {
      setCheck(await auditApi.verify());
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setChecking(false);
    }
  };

  const userOptions = useMemo(
    () => [...users].sort((a, b) => collator.compare(a.fullName, b.fullName)).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` })),
    [users],
  );

  const columns: ColumnsType<AuditLogEntry> = [
    { title: "Số", dataIndex: "seq", width: 70, align: "right" },
    { title: "Thời điểm", dataIndex: "at", width: 150, render: (at: string) => formatDateTime(at) },
    { title: "Người thực hiện", dataIndex: "actorName", width: 190, render: (name: string | null) => name ?? <Typography.Text type="secondary">Hệ thống</Typography.Text> },
    { title: "Thao tác", dataIndex: "action", render: (a: string) => actionLabel(a) },
    {
      title: "Đối tượng",
      dataIndex: "objectType",
      width: 200,
      render: (t: string, e) => (
        <span>
          <Tag style={{ marginInlineEnd: 4 }}>{OBJECT_LABELS[t] ?? t}</Tag>
          {e.objectId && (
            <Typography.Text type="secondary" copyable={{ text: e.objectId, tooltips: ["Chép mã", "Đã chép"] }} style={{ fontSize: 12 }}>
              {/* Ids are UUIDv7: their start is a timestamp shared by rows made together, their end tells them apart. */}
              {e.objectId.slice(-8)}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: "Lý do", dataIndex: "reason", render: (r: string | null) => r ?? "" },
    { title: "Địa chỉ IP", dataIndex: "ip", width: 130, render: (ip: string | null) => ip ?? "" },
  ];

  return (
    <div>
      <PageHeader
        title="Nhật ký thay đổi"
        subtitle="Mọi thay đổi dữ liệu của tỉnh, mới nhất trước: ai làm, làm gì, trên đối tượng nào, trước và sau, vì sao. Nhật ký chỉ được ghi thêm, không sửa, không xóa."
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={checking} onClick={() => void verify()}>
            Kiểm tra toàn vẹn
          </Button>
        }
      />
      {check && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          closable={{ onClose: () => setCheck(null) }}
          type={check.ok ? "success" : "error"}
          title={
            check.ok
              ? `Nhật ký toàn vẹn: ${check.rows.toLocaleString("vi-VN")} bản ghi, chuỗi mã băm khớp từ đầu đến cuối.`
              : `Nhật ký đã bị sửa đổi: bản ghi số ${check.seq} — ${check.problem}.`
          }
        />
      )}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="Loại thao tác"
          style={{ width: 230 }}
          options={ACTION_GROUPS}
          value={filter.action}
          onChange={(action?: string) => setFilter((f) => ({ ...f, action }))}
          aria-label="Lọc theo loại thao tác"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder="Người thực hiện"
          style={{ width: 280 }}
          options={userOptions}
          value={filter.actorId}
          onChange={(actorId?: string) => setFilter((f) => ({ ...f, actorId }))}
          aria-label="Lọc theo người thực hiện"
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          placeholder={["Từ ngày", "Đến ngày"]}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            setFilter((f) => ({ ...f, from: range?.[0]?.format("YYYY-MM-DD"), to: range?.[1]?.format("YYYY-MM-DD") }))
          }
          aria-label="Lọc theo ngày"
        />
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<AuditLogEntry>
        rowKey="seq"
        size="small"
        loading={loading}
        dataSource={entries}
        columns={columns}
        pagination={false}
        expandable={{ expandedRowRender: (e) => <Changes entry={e} />, rowExpandable: (e) => e.before !== null || e.after !== null }}
        locale={{ emptyText: "Không có thay đổi nào phù hợp." }}
        data-testid="audit-entries"
      />
      {more && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void loadMore()} loading={loading}>
            Xem các thay đổi trước đó
          </Button>
        </Flex>
      )}
    </div>
  );
}
