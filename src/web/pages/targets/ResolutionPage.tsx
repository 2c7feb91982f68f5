// A resolution's targets for a chosen period: plan, actual, % of plan, change on the same period
// last year, status and forecast, with the summary line a report opens with
// ("18/22 chỉ tiêu đủ điều kiện đánh giá; 6/18 đạt tiến độ").
import { DownloadOutlined, EditOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Badge, Button, Card, Flex, Form, Input, Modal, Space, Table, Tag, Tooltip, Typography, Upload } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { ResolutionView, TableRow } from "../../../domain/api/targets.ts";
import { formatDate } from "../../../domain/format.ts";
import { STATUS_LABELS, type Status, statusLabel } from "../../../domain/targets.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import { useSession } from "../../auth/session.tsx";
import { DateField } from "../../components/DateField.tsx";
import { FormModal } from "../../components/FormModal.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError, Loading } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { targetsApi } from "./api.ts";
import { TargetFormModal } from "./TargetForm.tsx";
import { BasisTag, change, forecastNum, LikelihoodTag, num, PeriodSelect, percent, StatusTag, TARGETS_PATH, targetPath } from "./widgets.tsx";

const { Text } = Typography;

function SummaryCard(props: { summary: { total: number; assessable: number; onTrack: number; exceeded: number; met: number; behind: number; line: string; periodLabel: string }; final: boolean; filter: Status | null; onFilter: (s: Status | null) => void }) {
  const s = props.summary;
  const chip = (status: Status | null, label: string, count: number, color: string) => (
    <Tag.CheckableTag key={label} checked={props.filter === status} onChange={() => props.onFilter(props.filter === status ? null : status)}>
      <Badge color={color} text={`${label}: ${count}`} />
    </Tag.CheckableTag>
  );
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Text type="secondary">{s.periodLabel}</Text>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="targets-summary">
            {s.line}
          </Typography.Title>
        </div>
        <Space wrap size={4}>
          {chip(null, "Tất cả", s.total, "#8c8c8c")}
          {chip("exceeded", STATUS_LABELS.exceeded, s.exceeded, "green")}
          {chip("met", STATUS_LABELS.met, s.met, "blue")}
          {chip("behind", statusLabel("behind", { kind: props.final ? "year" : "month" }), s.behind, "red")}
          {chip("not_assessable", STATUS_LABELS.not_assessable, s.total - s.assessable, "#bfbfbf")}
        </Space>
      </Flex>
    </Card>
  );
}

function ImportModal(props: { open: boolean; resolutionId: string; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; list: string[] } | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await targetsApi.importValues(props.resolutionId, file);
      message.success(`Đã nhập ${r.created + r.updated} số liệu của ${r.targets} chỉ tiêu${r.skipped ? ` (bỏ qua ${r.skipped} dòng trống)` : ""}.`);
      props.onDone();
      props.onClose();
    } catch (e) {
      setProblem({ message: errorMessage(e), list: e instanceof ApiError ? e.problems : [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={props.open} title="Nhập số liệu từ Excel" footer={null} onCancel={props.onClose} destroyOnHidden width={640}>
      <Typography.Paragraph>
        Dùng tệp mẫu (nút "Tải tệp mẫu"): mỗi dòng một số liệu của một chỉ tiêu trong một kỳ. Tệp có lỗi sẽ không được nhập dòng nào; danh sách lỗi cho biết dòng cần sửa.
      </Typography.Paragraph>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problem.message}
          description={problem.list.length ? <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 240, overflow: "auto" }}>{problem.list.map((p, i) => <li key={i}>{p}</li>)}</ul> : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      <Upload.Dragger
        accept=".xlsx"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void upload(file as File);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <FileExcelOutlined />
        </p>
        <p className="ant-upload-text">{busy ? "Đang nhập…" : "Kéo tệp .xlsx vào đây hoặc bấm để chọn"}</p>
      </Upload.Dragger>
    </Modal>
  );
}

function EditResolutionModal(props: { open: boolean; resolution: ResolutionView; onClose: () => void; onSaved: () => void }) {
  const r = props.resolution;
  return (
    <FormModal<{ symbol?: string; title: string; issuedOn?: string | null; note?: string }>
      open={props.open}
      title="Sửa thông tin văn bản"
      initialValues={{ symbol: r.symbol ?? "", title: r.title, issuedOn: r.issuedOn, note: r.note ?? "" }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        await targetsApi.updateResolution(r.id, { version: r.version, symbol: v.symbol || null, title: v.title, issuedOn: v.issuedOn ?? null, note: v.note || null });
        props.onSaved();
      }}
    >
      <Form.Item name="symbol" label="Số, ký hiệu">
        <Input />
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
    </FormModal>
  );
}

export default function ResolutionPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const [filter, setFilter] = useState<Status | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState(false);
  const detail = useLoad((signal) => targetsApi.resolution(id, signal), [id]);
  const period = params.get("ky") ?? detail.data?.defaultPeriod;
  const table = useLoad((signal) => (period ? targetsApi.table(id, period, signal) : Promise.resolve(undefined)), [id, period]);

  const rows = useMemo(() => (table.data?.rows ?? []).filter((r) => !filter || r.status === filter), [table.data, filter]);
  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data || !period) return <Loading />;
  const { resolution, periods } = detail.data;
  const congress = resolution.kind === "congress";
  const isTerm = periods.find((p) => p.code === period)?.kind === "term";
  const year = Number(period.slice(0, 4));
  const canEnter = can("targets.enter");
  // The office may enter any figure: "my targets" only means something to a unit.
  const office = can("targets.approve");

  const columns: ColumnsType<TableRow> = [
    { title: "Mã", dataIndex: "code", width: 48, fixed: "left" },
    {
      title: "Chỉ tiêu",
      dataIndex: "name",
      fixed: "left",
      width: 270,
      render: (name: string, r) => (
        <div>
          <Link to={targetPath(r.id, isTerm ? undefined : year)}>{name}</Link>
          {r.mine && !office && (
            <Tag color="cyan" style={{ marginInlineStart: 6 }}>
              đơn vị tôi
            </Tag>
          )}
          <div>
            <Text type="secondary" style={{ fontSize: 12 }}>
              {r.owner?.name ?? "Chưa có đơn vị chủ trì"}
            </Text>
          </div>
        </div>
      ),
    },
    { title: "Đơn vị tính", dataIndex: "unit", width: 90 },
    { title: isTerm ? "Kế hoạch nhiệm kỳ" : "Kế hoạch", dataIndex: "plan", width: 95, align: "right", render: (v: number | null) => num(v) },
    {
      title: "Thực hiện",
      dataIndex: "actual",
      width: 135,
      align: "right",
      render: (v: number | null, r) => (
        <Space size={2} orientation="vertical" align="end">
          <span>
            {num(v)} {v !== null && <BasisTag basis={r.actualBasis} />}
          </span>
          {r.pending > 0 && (
            <Tooltip title="Số liệu đơn vị đã gửi, chờ Văn phòng duyệt">
              <Badge status="processing" text={<Text type="secondary" style={{ fontSize: 12 }}>{r.pending} chờ duyệt</Text>} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: "% kế hoạch",
      dataIndex: "percentOfPlan",
      width: 90,
      align: "right",
      render: (v: number | null, r) =>
        r.expectedShare !== null && r.expectedShare < 1 && v !== null ? (
          <Tooltip title={`Tiến độ kỳ này cần khoảng ${percent(r.expectedShare * 100)} kế hoạch năm (${r.shareMethod === "seasonal" ? "theo diễn biến các năm trước" : "chia đều theo tháng"})`}>
            <span>{percent(v)}</span>
          </Tooltip>
        ) : (
          percent(v)
        ),
    },
    { title: "So cùng kỳ", dataIndex: "change", width: 110, align: "right", render: (v: number | null, r) => change(v, r.changeKind) },
    {
      title: "Tình trạng",
      dataIndex: "status",
      width: 150,
      render: (s: Status, r) => (
        <Space size={4} wrap>
          <StatusTag status={s} reason={r.reasonLabel} label={r.statusLabel} />
          {r.openExplanations > 0 && (
            <Tooltip title="Đang có yêu cầu giải trình">
              <Tag color="orange">giải trình</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    ...(!isTerm
      ? ([
          { title: "Dự báo cả năm", dataIndex: "forecastYear", width: 100, align: "right", render: (v: number | null, r) => forecastNum(v, r.plan, r.actual) },
          { title: "Khả năng (năm)", dataIndex: "likelihoodYear", width: 105, render: (v: TableRow["likelihoodYear"]) => <LikelihoodTag value={v} /> },
        ] as ColumnsType<TableRow>)
      : []),
    ...(congress || rows.some((r) => r.forecastTerm !== null)
      ? ([
          { title: "Dự báo nhiệm kỳ", dataIndex: "forecastTerm", width: 120, align: "right", render: (v: number | null, r) => forecastNum(v, r.plan, r.actual) },
          { title: "Khả năng (nhiệm kỳ)", dataIndex: "likelihoodTerm", width: 130, render: (v: TableRow["likelihoodTerm"]) => <LikelihoodTag value={v} /> },
        ] as ColumnsType<TableRow>)
      : []),
  ];

  const archive = () =>
    modal.confirm({
      title: resolution.archived ? "Khôi phục văn bản này?" : "Lưu trữ văn bản này?",
      content: resolution.archived ? undefined : "Văn bản lưu trữ không hiện trong danh sách và không nhận số liệu mới; dữ liệu vẫn được giữ.",
      okText: resolution.archived ? "Khôi phục" : "Lưu trữ",
      cancelText: "Hủy",
      onOk: async () => {
        try {
          await targetsApi.updateResolution(resolution.id, { version: resolution.version, archived: !resolution.archived });
          detail.reload();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  return (
    <div>
      <PageHeader
        title={resolution.title}
        subtitle={
          <span>
            <Link to={TARGETS_PATH}>Chỉ tiêu</Link> · {resolution.kindLabel} · {resolution.scopeLabel}
            {resolution.symbol ? ` · Số ${resolution.symbol}` : ""}
            {resolution.issuedOn ? ` · ngày ${formatDate(resolution.issuedOn)}` : ""}
            {resolution.archived && <Tag style={{ marginInlineStart: 8 }}>Đã lưu trữ</Tag>}
          </span>
        }
        extra={
          <>
            <PeriodSelect
              periods={periods}
              value={period}
              onChange={(code) => {
                setFilter(null);
                setParams({ ky: code });
              }}
            />
            <Button icon={<DownloadOutlined />} onClick={() => targetsApi.exportTable(id, period).catch((e) => message.error(errorMessage(e)))}>
              Xuất Excel
            </Button>
            {canEnter && (
              <>
                <Button icon={<FileExcelOutlined />} onClick={() => targetsApi.template(id).catch((e) => message.error(errorMessage(e)))}>
                  Tải tệp mẫu
                </Button>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  Nhập từ Excel
                </Button>
              </>
            )}
            {can("targets.manage") && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  Sửa
                </Button>
                <Button onClick={archive}>{resolution.archived ? "Khôi phục" : "Lưu trữ"}</Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  Thêm chỉ tiêu
                </Button>
              </>
            )}
          </>
        }
      />
      {table.error ? (
        <LoadError error={table.error} onRetry={table.reload} />
      ) : !table.data ? (
        <Loading />
      ) : (
        <>
          <SummaryCard summary={table.data.summary} final={isTerm || !period.includes("-")} filter={filter} onFilter={setFilter} />
          <Table<TableRow>
            rowKey="id"
            size="middle"
            dataSource={rows}
            columns={columns}
            pagination={false}
            loading={table.loading}
            scroll={{ x: 1200 }}
            rowClassName={(r) => (r.mine && !office ? "targets-row-mine" : "")}
          />
          {resolution.note && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {resolution.note}
            </Typography.Paragraph>
          )}
        </>
      )}
      <TargetFormModal
        open={adding}
        resolution={resolution}
        nextCode={String(detail.data.targets.length + 1)}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          message.success("Đã thêm chỉ tiêu.");
          detail.reload();
          table.reload();
        }}
      />
      <ImportModal open={importing} resolutionId={id} onClose={() => setImporting(false)} onDone={table.reload} />
      <EditResolutionModal
        open={editing}
        resolution={resolution}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          detail.reload();
        }}
      />
    </div>
  );
}
