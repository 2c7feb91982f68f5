// The papers of the province: upload new ones (drag and drop), register classified
// ones without their content, find stored ones by number or title, open the review.
import { LockOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Collapse, DatePicker, Flex, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { formatDate } from "../../../domain/format.ts";
import type { PaperListRow } from "../../../domain/api/papers.ts";
import type { ListQuery } from "../../../domain/api/papers-input.ts";
import { CLASSIFICATIONS, PAPER_STATUS_LABELS, type PaperStatus, paperKindLabel, type SecrecyLevel } from "../../../domain/papers.ts";
import { useSession } from "../../auth/session.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { papersApi } from "./api.ts";
import { KIND_OPTIONS } from "./editors.tsx";
import { errorMessage } from "./errors.ts";
import { VnDateInput } from "./inputs.tsx";
import { paperPath } from "./paths.ts";
import { UploadPanel } from "./UploadPanel.tsx";
import "./papers.css";

const { Text } = Typography;

const STATUS_COLORS: Record<PaperStatus, string> = { review: "gold", confirmed: "green", archived: "default" };
const PAGE = 20;

function RegisterClassified(props: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [level, setLevel] = useState<SecrecyLevel>("Mật");
  const [symbol, setSymbol] = useState("");
  const [issuedOn, setIssuedOn] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [recipients, setRecipients] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await papersApi.register({ classification: level, symbol: symbol || null, issuedOn, title: title || null, recipients: recipients || null });
      message.success("Đã đăng ký văn bản mật.");
      setSymbol("");
      setIssuedOn(null);
      setTitle("");
      setRecipients("");
      props.onDone();
      props.onClose();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={props.open} title="Đăng ký văn bản mật" okText="Đăng ký" cancelText="Hủy" onOk={() => void submit()} confirmLoading={busy} onCancel={props.onClose} width={620}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="Nội dung văn bản Mật, Tối mật, Tuyệt mật không được lưu trên máy tính nối mạng. Chỉ đăng ký số, ngày, trích yếu và nơi nhận; không tải tệp lên."
      />
      <Form layout="vertical">
        <Form.Item label="Độ mật" required>
          <Radio.Group value={level} onChange={(e) => setLevel(e.target.value)} options={CLASSIFICATIONS.map((c) => ({ value: c, label: c }))} optionType="button" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item label="Số, ký hiệu" style={{ flex: 1 }}>
            <Input value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder="88-CV/TU" aria-label="Số, ký hiệu" />
          </Form.Item>
          <Form.Item label="Ngày ban hành">
            <VnDateInput value={issuedOn} onChange={setIssuedOn} style={{ width: 160 }} aria-label="Ngày ban hành" />
          </Form.Item>
        </Flex>
        <Form.Item label="Trích yếu">
          <Input.TextArea value={title} onChange={(e) => setTitle(e.target.value)} autoSize={{ minRows: 2, maxRows: 4 }} aria-label="Trích yếu" />
        </Form.Item>
        <Form.Item label="Nơi nhận" extra="Mỗi nơi nhận một dòng.">
          <Input.TextArea value={recipients} onChange={(e) => setRecipients(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} aria-label="Nơi nhận" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PapersPage() {
  const { can } = useSession();
  const canUpload = can("papers.upload");
  const [params, setParams] = useSearchParams();
  const [rows, setRows] = useState<PaperListRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const q = params.get("q") ?? "";
  const kind = params.get("kind") ?? undefined;
  const status = params.get("status") ?? "active";
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  const page = Number(params.get("page") ?? "1") || 1;

  const setParam = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === "") next.delete(k);
      else next.set(k, v);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };

  const load = useCallback(async () => {
    setLoading(true);
    try {
      // The status comes from the address bar as typed; the server refuses one it does not know.
      const listed = (status === "all" ? undefined : status) as ListQuery["status"];
      const res = await papersApi.list({ q, kind, status: listed, from, to, limit: PAGE, offset: (page - 1) * PAGE });
      setRows(res.papers);
      setTotal(res.total);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [q, kind, status, from, to, page]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="papers-page">
      <PageHeader
        title="Văn bản"
        subtitle="Kết luận, chương trình, báo cáo: tải lên để hệ thống nhận diện nhiệm vụ, chỉ số và văn bản dẫn chiếu, rồi rà soát và xác nhận."
        extra={
          canUpload && (
            <Button icon={<LockOutlined />} onClick={() => setRegistering(true)}>
              Đăng ký văn bản mật
            </Button>
          )
        }
      />

      {canUpload && (
        <Collapse
          defaultActiveKey={["upload"]}
          style={{ marginBottom: 16, background: "#fff" }}
          items={[{ key: "upload", label: <span><UploadOutlined /> Tải lên văn bản mới</span>, children: <UploadPanel onUploaded={() => void load()} /> }]}
        />
      )}

      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          defaultValue={q}
          allowClear
          placeholder="Tìm theo số, ký hiệu hoặc trích yếu"
          onSearch={(v) => setParam({ q: v })}
          style={{ width: 320 }}
          aria-label="Tìm văn bản"
        />
        <Select
          value={kind}
          allowClear
          placeholder="Loại văn bản"
          options={KIND_OPTIONS}
          onChange={(v) => setParam({ kind: v })}
          style={{ width: 190 }}
          aria-label="Lọc theo loại"
        />
        <Select
          value={status}
          onChange={(v) => setParam({ status: v })}
          style={{ width: 180 }}
          aria-label="Lọc theo trạng thái"
          options={[
            { value: "active", label: "Đang sử dụng" },
            { value: "review", label: PAPER_STATUS_LABELS.review },
            { value: "confirmed", label: PAPER_STATUS_LABELS.confirmed },
            { value: "archived", label: PAPER_STATUS_LABELS.archived },
            { value: "all", label: "Tất cả" },
          ]}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          placeholder={["Từ ngày", "Đến ngày"]}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            setParam({ from: range?.[0]?.format("YYYY-MM-DD"), to: range?.[1]?.format("YYYY-MM-DD") })
          }
          aria-label="Lọc theo ngày ban hành"
        />
      </Flex>

      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}

      <Table<PaperListRow>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: q || kind || from ? "Không có văn bản phù hợp." : "Chưa có văn bản nào. Hãy kéo thả văn bản vào ô phía trên." }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total,
          showSizeChanger: false,
          showTotal: (n) => `${n} văn bản`,
          onChange: (p) => setParam({ page: String(p) }),
        }}
        columns={[
          {
            title: "Số, ký hiệu",
            dataIndex: "symbol",
            width: 150,
            render: (_, p) => (
              <Space size={4}>
                <Link to={paperPath(p.id)}>{p.symbol ?? <Text type="secondary">(chưa có số)</Text>}</Link>
                {p.classification !== "none" && (
                  <Tag color="red" icon={<LockOutlined />}>
                    {p.classification}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: "Ngày", dataIndex: "issuedOn", width: 110, render: (d: string | null) => formatDate(d) },
          { title: "Loại", dataIndex: "kind", width: 120, render: (k: string | null) => paperKindLabel(k) },
          {
            title: "Trích yếu",
            dataIndex: "title",
            render: (_, p) => (
              <Link to={paperPath(p.id)}>
                <Text ellipsis={{ tooltip: p.title }} style={{ maxWidth: 460 }}>
                  {p.title ?? p.fileName ?? "(không có trích yếu)"}
                </Text>
              </Link>
            ),
          },
          {
            title: "Nhận diện",
            width: 270,
            render: (_, p) =>
              p.classification !== "none" ? (
                <Text type="secondary">Không lưu nội dung</Text>
              ) : (
                <Text type="secondary">
                  {p.counts.directives} nhiệm vụ · {p.counts.facts} chỉ số · {p.counts.references} dẫn chiếu
                </Text>
              ),
          },
          {
            title: "Trạng thái",
            dataIndex: "status",
            width: 130,
            render: (s: PaperStatus) => <Tag color={STATUS_COLORS[s]}>{PAPER_STATUS_LABELS[s]}</Tag>,
          },
        ]}
      />
      <RegisterClassified open={registering} onClose={() => setRegistering(false)} onDone={() => void load()} />
    </div>
  );
}
