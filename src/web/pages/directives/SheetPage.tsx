// The office's tracking sheet (bảng theo dõi): every directive of the province as of a day,
// filtered by paper, unit, status, timeliness, deadline range and leader, sorted, the first
// 200 rows at once; export to Excel in the usual layout and import one; urge the selected.
import { DownloadOutlined, FileAddOutlined, NotificationOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Typography, Upload } from "antd";
import type { SortOrder } from "antd/es/table/interface";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { SheetRow } from "../../../domain/api/directives.ts";
import type { NewDirectiveBody, SheetQuery } from "../../../domain/api/directives-input.ts";
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, DIRECTIVE_STATUSES, PRIORITIES, PRIORITY_LABELS, STATUS_LABELS, TIMELINESS, TIMELINESS_LABELS } from "../../../domain/directives.ts";
import { formatDate, todayInVietnam } from "../../../domain/format.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import { useSession } from "../../auth/session.tsx";
import { DateField } from "../../components/DateField.tsx";
import { FormModal } from "../../components/FormModal.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError } from "../../components/States.tsx";
import { UnitPicker } from "../../components/UnitPicker.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { assignPath, directivePath, directivesApi, REQUESTS_PATH, STATS_PATH, urgingLetterUrl } from "./api.ts";
import { DeadlineInput, Ellipsis, PersonSelect, ProgressText, StatusTag, TimelinessTag } from "./widgets.tsx";

const PAGE = 200;

function useFilters(): [SheetQuery, (patch: Partial<SheetQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const f = Object.fromEntries(params.entries()) as Record<string, string>;
  const value: SheetQuery = {
    asOf: f.asOf,
    paperId: f.paperId,
    unitId: f.unitId,
    status: f.status,
    timeliness: f.timeliness,
    dueFrom: f.dueFrom,
    dueTo: f.dueTo,
    leaderId: f.leaderId,
    q: f.q,
    sort: (f.sort as SheetQuery["sort"]) ?? "due",
    order: (f.order as SheetQuery["order"]) ?? "asc",
    offset: f.offset ? Number(f.offset) : undefined,
  };
  const set = (patch: Partial<SheetQuery>) => {
    const next = { ...value, offset: undefined, ...patch };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
    setParams(p, { replace: true });
  };
  return [value, set];
}

export default function SheetPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [filters, setFilters] = useFilters();
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [urging, setUrging] = useState(false);
  const sheet = useLoad((signal) => directivesApi.sheet({ ...filters, limit: PAGE }, signal), [JSON.stringify(filters)]);
  const papers = useLoad(() => (can("directives.assign") ? directivesApi.papers() : Promise.resolve({ papers: [] })), []);
  const asOf = filters.asOf ?? todayInVietnam();

  const sortOrder = (key: string): SortOrder | undefined => (filters.sort === key ? (filters.order === "desc" ? "descend" : "ascend") : undefined);
  const columns = useMemo(
    () => [
      { title: "STT", key: "stt", width: 56, render: (_: unknown, _r: SheetRow, i: number) => (filters.offset ?? 0) + i + 1 },
      {
        title: "Nội dung",
        key: "ordinal",
        width: 360,
        sorter: true,
        sortOrder: sortOrder("ordinal"),
        render: (_: unknown, r: SheetRow) => (
          <div>
            <Link to={directivePath(r.id)} className="dir-link">
              <Ellipsis text={r.content} />
            </Link>
            {r.paperSymbol && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                Mục {r.ordinal} · {r.paperSymbol}
              </Typography.Text>
            )}
          </div>
        ),
      },
      {
        title: "Đơn vị chủ trì",
        key: "unit",
        width: 180,
        sorter: true,
        sortOrder: sortOrder("unit"),
        render: (_: unknown, r: SheetRow) => r.leadUnitName,
      },
      { title: "Đơn vị phối hợp", key: "partners", width: 170, render: (_: unknown, r: SheetRow) => r.partnerUnitNames.join("; ") },
      {
        title: "Thời hạn",
        key: "due",
        width: 120,
        sorter: true,
        sortOrder: sortOrder("due"),
        render: (_: unknown, r: SheetRow) => r.deadlineText,
      },
      {
        title: "Tiến độ",
        key: "status",
        width: 170,
        sorter: true,
        sortOrder: sortOrder("status"),
        render: (_: unknown, r: SheetRow) => (
          <Space orientation="vertical" size={2}>
            <span>
              <StatusTag status={r.status} /> <ProgressText progress={r.progress} />
            </span>
            <TimelinessTag timeliness={r.timeliness} daysLeft={r.daysLeft} />
          </Space>
        ),
      },
      { title: "Kết quả", key: "result", width: 220, render: (_: unknown, r: SheetRow) => <Ellipsis text={r.result ?? r.lastReport ?? ""} lines={3} /> },
      { title: "Lãnh đạo phụ trách", key: "leader", width: 140, render: (_: unknown, r: SheetRow) => r.leaderName ?? "" },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filters.sort, filters.order, filters.offset],
  );

  const exportXlsx = async () => {
    try {
      const name = await directivesApi.exportXlsx(filters);
      message.success(`Đã tải về ${name}.`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div>
      <PageHeader
        title="Bảng theo dõi nhiệm vụ"
        subtitle={`Tình hình thực hiện tính đến ngày ${formatDate(asOf)}.`}
        extra={
          <>
            {can("directives.assign") && (
              <>
                <Link to={assignPath()}>
                  <Button type="primary" icon={<FileAddOutlined />}>
                    Giao từ văn bản
                  </Button>
                </Link>
                <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  Giao nhiệm vụ
                </Button>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  Nhập Excel
                </Button>
              </>
            )}
            {can("directives.export") && (
              <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()}>
                Xuất Excel
              </Button>
            )}
            {can("directives.stats") && (
              <Link to={STATS_PATH}>
                <Button>Thống kê, xếp hạng</Button>
              </Link>
            )}
            {can("directives.decide") && (
              <Link to={REQUESTS_PATH}>
                <Button>Đề nghị chờ quyết định</Button>
              </Link>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <span>
            Tính đến ngày <DateField aria-label="Tính đến ngày" value={asOf} onChange={(v) => setFilters({ asOf: v && v !== todayInVietnam() ? v : undefined })} />
          </span>
          <Input.Search
            aria-label="Tìm theo nội dung"
            placeholder="Tìm theo nội dung"
            allowClear
            defaultValue={filters.q}
            style={{ width: 220 }}
            onSearch={(q) => setFilters({ q: q || undefined })}
          />
          {can("directives.assign") && (
            <Select
              aria-label="Văn bản"
              allowClear
              placeholder="Văn bản"
              style={{ width: 200 }}
              value={filters.paperId}
              showSearch={{ optionFilterProp: "label" }}
              options={(papers.data?.papers ?? []).map((p) => ({ value: p.id, label: `${p.symbol ?? "(chưa số)"} — ${p.title ?? ""}` }))}
              onChange={(v) => setFilters({ paperId: v })}
            />
          )}
          <UnitPicker aria-label="Đơn vị chủ trì" placeholder="Đơn vị chủ trì" value={filters.unitId ?? null} onChange={(v) => setFilters({ unitId: v ?? undefined })} style={{ width: 220 }} />
          <Select
            aria-label="Trạng thái"
            mode="multiple"
            allowClear
            placeholder="Trạng thái"
            style={{ minWidth: 170 }}
            value={filters.status ? filters.status.split(",") : []}
            options={DIRECTIVE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            onChange={(v: string[]) => setFilters({ status: v.join(",") || undefined })}
          />
          <Select
            aria-label="Tình trạng thời hạn"
            mode="multiple"
            allowClear
            placeholder="Thời hạn"
            style={{ minWidth: 170 }}
            value={filters.timeliness ? filters.timeliness.split(",") : []}
            options={TIMELINESS.map((t) => ({ value: t, label: TIMELINESS_LABELS[t] }))}
            onChange={(v: string[]) => setFilters({ timeliness: v.join(",") || undefined })}
          />
          <span>
            Hạn từ <DateField aria-label="Hạn từ ngày" allowClear value={filters.dueFrom} onChange={(v) => setFilters({ dueFrom: v ?? undefined })} /> đến{" "}
            <DateField aria-label="Hạn đến ngày" allowClear value={filters.dueTo} onChange={(v) => setFilters({ dueTo: v ?? undefined })} />
          </span>
          {can("users.read") && (
            <PersonSelect role="leader" aria-label="Lãnh đạo phụ trách" placeholder="Lãnh đạo phụ trách" value={filters.leaderId} onChange={(v) => setFilters({ leaderId: v ?? undefined })} />
          )}
        </Flex>
      </Card>
      {sheet.error ? (
        <LoadError error={sheet.error} onRetry={sheet.reload} />
      ) : (
        <Card size="small">
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Text data-testid="sheet-total">
              {sheet.data ? `${sheet.data.total.toLocaleString("vi-VN")} nhiệm vụ` : "Đang tải…"}
              {sheet.data && sheet.data.total > PAGE ? ` (hiển thị ${PAGE} dòng mỗi trang)` : ""}
            </Typography.Text>
            {can("directives.urge") && (
              <Button icon={<NotificationOutlined />} disabled={!selected.length} onClick={() => setUrging(true)}>
                Đôn đốc {selected.length ? `${selected.length} nhiệm vụ` : ""}
              </Button>
            )}
          </Flex>
          <Table<SheetRow>
            rowKey="id"
            size="small"
            scroll={{ x: 1380 }}
            loading={sheet.loading}
            dataSource={sheet.data?.rows ?? []}
            columns={columns}
            rowSelection={can("directives.urge") ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) } : undefined}
            rowClassName={(r) => (r.timeliness === "overdue" ? "dir-row-overdue" : "")}
            locale={{ emptyText: "Không có nhiệm vụ nào phù hợp." }}
            pagination={{
              current: Math.floor((filters.offset ?? 0) / PAGE) + 1,
              pageSize: PAGE,
              total: sheet.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (page) => setFilters({ ...filters, offset: (page - 1) * PAGE || undefined }),
            }}
            onChange={(_p, _f, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              if (!s?.columnKey || !s.order) return setFilters({ sort: "due", order: "asc" });
              setFilters({ sort: s.columnKey as SheetQuery["sort"], order: s.order === "descend" ? "desc" : "asc" });
            }}
          />
        </Card>
      )}
      <CreateDirectiveModal open={creating} onClose={() => setCreating(false)} onCreated={sheet.reload} />
      <ImportModal open={importing} onClose={() => setImporting(false)} onImported={sheet.reload} />
      <UrgeModal
        open={urging}
        ids={selected}
        onClose={() => setUrging(false)}
        onDone={() => {
          setSelected([]);
          sheet.reload();
        }}
      />
    </div>
  );
}

function CreateDirectiveModal(props: { open: boolean; onClose(): void; onCreated(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<NewDirectiveBody>
      open={props.open}
      title="Giao nhiệm vụ (nhập tay)"
      okText="Giao nhiệm vụ"
      width={720}
      initialValues={{ deadline: { kind: "date", value: null }, priority: "normal", classification: "other", partnerUnitIds: [] }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        await directivesApi.create(v);
        message.success("Đã giao nhiệm vụ.");
        props.onClose();
        props.onCreated();
      }}
    >
      <Form.Item name="content" label="Nội dung nhiệm vụ" rules={[{ required: true, message: "Hãy nhập nội dung nhiệm vụ." }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="leadUnitId" label="Đơn vị chủ trì" rules={[{ required: true, message: "Hãy chọn đơn vị chủ trì." }]}>
        <UnitPicker />
      </Form.Item>
      <Form.Item name="partnerUnitIds" label="Đơn vị phối hợp">
        <UnitPicker multiple />
      </Form.Item>
      <Form.Item name="deadline" label="Thời hạn" rules={[{ validator: async (_r, d) => (d?.kind === "date" && !d.value ? Promise.reject(new Error("Hãy chọn ngày hết hạn.")) : undefined) }]}>
        <DeadlineInput />
      </Form.Item>
      <Form.Item name="leaderId" label="Lãnh đạo phụ trách">
        <PersonSelect role="leader" />
      </Form.Item>
      <Form.Item name="expectedProduct" label="Sản phẩm dự kiến">
        <Input />
      </Form.Item>
      <Space>
        <Form.Item name="priority" label="Mức độ">
          <Select style={{ width: 160 }} options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))} />
        </Form.Item>
        <Form.Item name="classification" label="Lĩnh vực">
          <Select style={{ width: 260 }} options={CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label="Ghi chú">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

function ImportModal(props: { open: boolean; onClose(): void; onImported(): void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ message: string; list: string[] } | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setProblems(null);
    try {
      const r = await directivesApi.importXlsx(file, () => {});
      message.success(`Đã giao ${r.created} nhiệm vụ${r.skipped ? `; bỏ qua ${r.skipped} dòng đã có` : ""}.`);
      props.onClose();
      props.onImported();
    } catch (e) {
      setProblems({ message: errorMessage(e), list: e instanceof ApiError ? e.problems : [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={props.open} title="Nhập nhiệm vụ từ Excel" onCancel={props.onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph>
        Tệp .xlsx theo mẫu bảng theo dõi: các cột <b>STT, Nội dung, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn, Tiến độ, Kết quả, Ghi chú</b>. Thời hạn ghi dạng 31/12/2026, tháng 12/2026,
        quý IV/2026 hoặc "thường xuyên". Tệp có lỗi sẽ không được nhập dòng nào.
      </Typography.Paragraph>
      {problems && <Alert type="error" showIcon title={problems.message} description={problems.list.length ? <ul>{problems.list.map((p) => <li key={p}>{p}</li>)}</ul> : undefined} style={{ marginBottom: 12 }} />}
      <Upload.Dragger accept=".xlsx" showUploadList={false} disabled={busy} beforeUpload={(f) => (void upload(f), false)}>
        <p>{busy ? "Đang nhập…" : "Kéo tệp Excel vào đây hoặc bấm để chọn tệp"}</p>
      </Upload.Dragger>
    </Modal>
  );
}

export function UrgeModal(props: { open: boolean; ids: string[]; onClose(): void; onDone(): void }) {
  const { modal } = App.useApp();
  return (
    <FormModal<{ content: string; symbol?: string }>
      open={props.open}
      title={`Đôn đốc ${props.ids.length} nhiệm vụ`}
      okText="Ban hành đôn đốc"
      initialValues={{
        content:
          "Qua theo dõi, một số nhiệm vụ Thường trực Tỉnh ủy, Ban Thường vụ Tỉnh ủy giao đã quá hạn hoặc sắp đến hạn nhưng chưa hoàn thành. " +
          "Văn phòng Tỉnh ủy đề nghị các cơ quan, đơn vị khẩn trương tổ chức thực hiện, báo cáo kết quả đúng thời hạn.",
      }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const r = await directivesApi.urge({ directiveIds: props.ids, content: v.content, symbol: v.symbol || null });
        modal.success({
          title: "Đã ghi nhận đôn đốc",
          content: (
            <Space orientation="vertical">
              <span>
                Đã thông báo cho đơn vị chủ trì của {r.directives} nhiệm vụ; đã gửi {r.mails} thư.
              </span>
              <span>
                Công văn đôn đốc đã soạn sẵn: <a href={urgingLetterUrl(r.id, "docx")}>tải Word (.docx)</a> · <a href={urgingLetterUrl(r.id, "pdf")}>tải PDF</a>
              </span>
            </Space>
          ),
        });
        props.onClose();
        props.onDone();
      }}
    >
      <Form.Item name="symbol" label="Số văn bản đôn đốc (nếu có)">
        <Input placeholder="VD: 2315-CV/VPTU" />
      </Form.Item>
      <Form.Item
        name="content"
        label="Nội dung đôn đốc"
        extra="Gửi kèm thông báo, thư điện tử và mở đầu công văn đôn đốc; danh sách nhiệm vụ được thêm vào công văn."
        rules={[{ required: true, message: "Hãy nhập nội dung đôn đốc." }]}
      >
        <Input.TextArea rows={5} />
      </Form.Item>
    </FormModal>
  );
}
