// One directive: what it is and where it comes from, its state and timeliness, and what the
// user may do now (start, report with attachments, ask for completion or an extension, decide,
// suspend, withdraw, pass a part down, urge); its reports, requests and decisions, deadlines,
// urgings and full history.
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Radio, Space, Table, Tabs, Tag, Timeline, Typography, Upload } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { DirectivePage as PageData, RequestView, SheetRow } from "../../../domain/api/directives.ts";
import { type Deadline, REQUEST_LABELS, type RequestKind, STATUS_LABELS, type DirectiveStatus } from "../../../domain/directives.ts";
import { formatBytes, formatDate, formatDateTime } from "../../../domain/format.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { EmptyState, LoadError, Loading } from "../../components/States.tsx";
import { UnitPicker } from "../../components/UnitPicker.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { DIRECTIVES_PATH, directivePath, directivesApi, urgingLetterUrl } from "./api.ts";
import { useSession } from "../../auth/session.tsx";
import { UrgeModal } from "./SheetPage.tsx";
import { DeadlineInput, Items, PersonSelect, ProgressText, StatusTag, TimelinessTag } from "./widgets.tsx";

const EVENT_LABELS: Record<string, string> = {
  created: "Giao nhiệm vụ",
  start: "Bắt đầu thực hiện",
  report: "Báo cáo tiến độ",
  report_edit: "Sửa báo cáo",
  request_completion: "Đề nghị xác nhận hoàn thành",
  recall_completion: "Rút lại đề nghị hoàn thành",
  confirm_completion: "Xác nhận hoàn thành",
  refuse_completion: "Không xác nhận hoàn thành",
  suspend: "Tạm hoãn",
  resume: "Tiếp tục thực hiện",
  withdraw: "Rút khỏi chương trình",
  request_extension: "Đề nghị gia hạn",
  request_suspension: "Đề nghị tạm hoãn",
  request_withdrawal: "Đề nghị rút khỏi chương trình",
  decision_extension: "Quyết định về đề nghị gia hạn",
  decision_suspension: "Quyết định về đề nghị tạm hoãn",
  decision_withdrawal: "Quyết định về đề nghị rút",
  recall_extension: "Rút lại đề nghị gia hạn",
  recall_suspension: "Rút lại đề nghị tạm hoãn",
  recall_withdrawal: "Rút lại đề nghị rút",
  edit: "Sửa nhiệm vụ",
  delegated: "Giao phần việc cho đơn vị, cán bộ",
  urging: "Đôn đốc bằng văn bản",
  reminder_before: "Nhắc hạn tự động",
  reminder_overdue: "Nhắc quá hạn tự động",
  reminder_escalation: "Báo cáo lãnh đạo phụ trách (quá hạn)",
};

/** The page of a directive on a day it existed (the screen asks for today, when every directive has its state). */
type Page = PageData & { directive: SheetRow };
const existed = (p: PageData): p is Page => p.directive !== null;

export default function DirectivePage() {
  const { id } = useParams();
  const page = useLoad(() => directivesApi.get(id!), [id]);
  if (page.error) return <LoadError error={page.error} onRetry={page.reload} />;
  if (!page.data) return <Loading />;
  if (!existed(page.data)) return <EmptyState description="Nhiệm vụ chưa được giao vào ngày này." />;
  return <DirectiveView page={page.data} onChanged={(p) => (p ? page.setData(p) : page.reload())} />;
}

function DirectiveView(props: { page: Page; onChanged(p?: PageData): void }) {
  const { page, onChanged } = props;
  const d = page.directive;
  const a = page.allowed;
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<null | "report" | "edit" | "delegate" | "urge" | { request: RequestKind } | { decide: RequestView } | { status: "suspend" | "resume" | "withdraw" }>(null);
  const close = () => setDialog(null);
  const done = (p?: PageData, text?: string) => {
    if (text) message.success(text);
    close();
    onChanged(p);
  };
  /** A 409 shows what changed and reloads the page. */
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) onChanged();
  };
  const pending = page.requests.filter((r) => r.status === "pending");

  const start = async () => {
    try {
      done(await directivesApi.start(d.id, d.version), "Đã chuyển sang đang thực hiện.");
    } catch (e) {
      message.error(errorMessage(e));
      onError(e);
    }
  };
  const recall = (r: RequestView) =>
    modal.confirm({
      title: `Rút lại ${REQUEST_LABELS[r.kind].toLocaleLowerCase("vi")}?`,
      okText: "Rút lại",
      cancelText: "Không",
      onOk: async () => {
        try {
          done(await directivesApi.recall(d.id, r.id, d.version), "Đã rút lại đề nghị.");
        } catch (e) {
          message.error(errorMessage(e));
          onError(e);
        }
      },
    });

  return (
    <div>
      <PageHeader
        title={d.ordinal && d.paperSymbol ? `Nhiệm vụ mục ${d.ordinal} — ${d.paperSymbol}` : "Nhiệm vụ"}
        subtitle={
          <span>
            <Link to={DIRECTIVES_PATH}>Bảng theo dõi</Link> · tính đến ngày {formatDate(page.asOf)}
          </span>
        }
        extra={
          <>
            {a.start && (
              <Button type="primary" onClick={() => void start()}>
                Bắt đầu thực hiện
              </Button>
            )}
            {a.report && (
              <Button type="primary" onClick={() => setDialog("report")}>
                Báo cáo tiến độ
              </Button>
            )}
            {a.requests.map((k) => (
              <Button key={k} onClick={() => setDialog({ request: k })}>
                {REQUEST_LABELS[k]}
              </Button>
            ))}
            {a.delegate && <Button onClick={() => setDialog("delegate")}>Giao phần việc</Button>}
            {a.urge && <Button onClick={() => setDialog("urge")}>Đôn đốc</Button>}
            {a.edit && <Button onClick={() => setDialog("edit")}>Sửa</Button>}
            {a.status.map((s) => (
              <Button key={s} danger={s !== "resume"} onClick={() => setDialog({ status: s })}>
                {s === "suspend" ? "Tạm hoãn" : s === "resume" ? "Tiếp tục thực hiện" : "Rút khỏi chương trình"}
              </Button>
            ))}
          </>
        }
      />
      {a.decide &&
        pending.map((r) => (
          <Alert
            key={r.id}
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${r.kindLabel} — ${r.requestedByName ?? ""}, ngày ${formatDate(r.requestedOn)}`}
            description={<RequestText r={r} />}
            action={
              <Button type="primary" onClick={() => setDialog({ decide: r })} data-testid={`decide-${r.kind}`}>
                Quyết định
              </Button>
            }
          />
        ))}
      {!a.decide &&
        pending.map((r) => (
          <Alert
            key={r.id}
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${r.kindLabel} đang chờ quyết định (gửi ngày ${formatDate(r.requestedOn)})`}
            action={a.recall ? <Button onClick={() => recall(r)}>Rút lại</Button> : undefined}
          />
        ))}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
          <StatusTag status={d.status} />
          <TimelinessTag timeliness={d.timeliness} daysLeft={d.daysLeft} />
          <span>
            Tiến độ: <ProgressText progress={d.progress} />
          </span>
          {d.priority !== "normal" && <Tag color="gold">{d.priorityLabel}</Tag>}
        </Flex>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", fontSize: 15 }} data-testid="directive-content">
          {d.content}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label="Đơn vị chủ trì">{d.leadUnitName}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị phối hợp">{d.partnerUnitNames.join("; ") || "—"}</Descriptions.Item>
          <Descriptions.Item label="Thời hạn">
            {d.deadlineText}
            {page.deadlines.length > 1 && <Typography.Text type="secondary"> (đã điều chỉnh {page.deadlines.length - 1} lần)</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="Nguồn">
            {d.paperSymbol ? `Mục ${d.ordinal}, văn bản số ${d.paperSymbol}${d.paperIssuedOn ? ` ngày ${formatDate(d.paperIssuedOn)}` : ""}` : "Giao trực tiếp"}
          </Descriptions.Item>
          <Descriptions.Item label="Người theo dõi">{d.followerName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="Lãnh đạo phụ trách">{d.leaderName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="Sản phẩm dự kiến">{d.expectedProduct ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="Lĩnh vực">{d.classificationLabel}</Descriptions.Item>
          {page.assigneeName && <Descriptions.Item label="Cán bộ thực hiện">{page.assigneeName}</Descriptions.Item>}
          {page.parent && (
            <Descriptions.Item label="Là phần việc của">
              <Link to={directivePath(page.parent.id)}>{page.parent.leadUnitName}: {page.parent.content.slice(0, 100)}…</Link>
            </Descriptions.Item>
          )}
          {d.result && <Descriptions.Item label="Kết quả">{d.result}</Descriptions.Item>}
          {d.note && <Descriptions.Item label="Ghi chú">{d.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: "reports", label: `Báo cáo (${page.reports.length})`, children: <Reports page={page} /> },
            { key: "requests", label: `Đề nghị, quyết định (${page.requests.length})`, children: <Requests page={page} /> },
            { key: "deadlines", label: `Thời hạn (${page.deadlines.length})`, children: <Deadlines page={page} /> },
            { key: "urgings", label: `Đôn đốc (${page.urgings.length})`, children: <Urgings page={page} /> },
            ...(page.children.length ? [{ key: "parts", label: `Phần việc đã giao (${page.children.length})`, children: <Parts page={page} /> }] : []),
            { key: "history", label: "Lịch sử", children: <History page={page} /> },
          ]}
        />
      </Card>
      {dialog === "report" && <ReportModal page={page} onClose={close} onDone={(p) => done(p, "Đã gửi báo cáo tiến độ.")} />}
      {dialog && typeof dialog === "object" && "request" in dialog && (
        <RequestModal page={page} kind={dialog.request} onClose={close} onDone={(p) => done(p, "Đã gửi đề nghị.")} onError={onError} />
      )}
      {dialog && typeof dialog === "object" && "decide" in dialog && (
        <DecideModal page={page} request={dialog.decide} onClose={close} onDone={(p) => done(p, "Đã ghi nhận quyết định.")} onError={onError} />
      )}
      {dialog && typeof dialog === "object" && "status" in dialog && (
        <StatusModal page={page} action={dialog.status} onClose={close} onDone={(p) => done(p, "Đã cập nhật trạng thái.")} onError={onError} />
      )}
      {dialog === "edit" && <EditModal page={page} onClose={close} onDone={(p) => done(p, "Đã lưu.")} onError={onError} />}
      {dialog === "delegate" && <DelegateModal page={page} onClose={close} onDone={(p) => done(p, "Đã giao phần việc.")} />}
      <UrgeModal open={dialog === "urge"} ids={[d.id]} onClose={close} onDone={() => onChanged()} />
    </div>
  );
}

function RequestText(props: { r: RequestView }) {
  const r = props.r;
  return (
    <div>
      {r.result && <div>Kết quả: {r.result}</div>}
      {r.reason && <div>Lý do: {r.reason}</div>}
      {r.proposedDeadlineText && <div>Đề nghị gia hạn đến: {r.proposedDeadlineText}</div>}
    </div>
  );
}

function Reports(props: { page: Page }) {
  return (
    <Items
      items={props.page.reports}
      empty="Chưa có báo cáo tiến độ."
      testId="reports"
      render={(r) => ({
        key: r.id,
        title: (
          <Space wrap>
            <b>{r.unitName}</b>
            <Tag>{r.role === "lead" ? "Chủ trì" : "Phối hợp"}</Tag>
            <span>{r.progress}%</span>
            <Typography.Text type="secondary">
              {r.reportedByName ?? ""} · {formatDateTime(r.reportedAt)}
            </Typography.Text>
          </Space>
        ),
        description: (
          <div style={{ whiteSpace: "pre-wrap" }}>
            <div>{r.narrative}</div>
            {r.difficulties && <div>Khó khăn, vướng mắc: {r.difficulties}</div>}
            {r.proposals && <div>Đề xuất, kiến nghị: {r.proposals}</div>}
            {r.files.map((f) => (
              <div key={f.id}>
                📎{" "}
                <a href={f.url} target="_blank" rel="noreferrer">
                  {f.name}
                </a>{" "}
                <Typography.Text type="secondary">({formatBytes(f.size)})</Typography.Text>
              </div>
            ))}
          </div>
        ),
      })}
    />
  );
}

function Requests(props: { page: Page }) {
  return (
    <Table<RequestView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={props.page.requests}
      locale={{ emptyText: "Chưa có đề nghị nào." }}
      columns={[
        { title: "Đề nghị", key: "k", render: (_, r) => r.kindLabel },
        { title: "Người gửi, ngày", key: "by", render: (_, r) => `${r.requestedByName ?? ""}, ${formatDate(r.requestedOn)}` },
        { title: "Nội dung", key: "t", render: (_, r) => <RequestText r={r} /> },
        { title: "Trạng thái", key: "s", render: (_, r) => <Tag color={r.status === "approved" ? "green" : r.status === "refused" ? "red" : r.status === "pending" ? "gold" : "default"}>{r.statusLabel}</Tag> },
        {
          title: "Quyết định",
          key: "d",
          render: (_, r) =>
            r.decidedAt ? `${r.decidedByName ?? ""}, ${formatDateTime(r.decidedAt)}${r.decisionReason ? ` — ${r.decisionReason}` : ""}${r.approvedDeadlineText ? ` — hạn mới: ${r.approvedDeadlineText}` : ""}` : "",
        },
      ]}
    />
  );
}

function Deadlines(props: { page: Page }) {
  return (
    <Table
      size="small"
      rowKey="seq"
      pagination={false}
      dataSource={props.page.deadlines}
      columns={[
        { title: "Thời hạn", key: "t", render: (_: unknown, x: Page["deadlines"][number]) => x.text },
        { title: "Áp dụng từ ngày", key: "e", render: (_: unknown, x: Page["deadlines"][number]) => formatDate(x.effectiveOn) },
        { title: "Căn cứ", key: "r", render: (_: unknown, x: Page["deadlines"][number]) => (x.requestId ? `Chấp thuận đề nghị gia hạn${x.reason ? `: ${x.reason}` : ""}` : x.seq === 1 ? "Khi giao nhiệm vụ" : (x.reason ?? "")) },
        { title: "Người quyết định", key: "b", render: (_: unknown, x: Page["deadlines"][number]) => x.setByName ?? "" },
      ]}
    />
  );
}

function Urgings(props: { page: Page }) {
  const { can } = useSession();
  return (
    <Items
      items={props.page.urgings}
      empty="Chưa có văn bản đôn đốc."
      render={(u) => ({
        key: u.id,
        title: `${u.symbol ? `Số ${u.symbol}, ` : ""}ngày ${formatDate(u.issuedOn)} — ${u.issuedByName ?? ""}`,
        description: (
          <Space orientation="vertical" size={2}>
            <span style={{ whiteSpace: "pre-wrap" }}>{u.content}</span>
            {can("directives.urge") && (
              <span>
                Công văn: <a href={urgingLetterUrl(u.id, "docx")}>Word (.docx)</a> · <a href={urgingLetterUrl(u.id, "pdf")}>PDF</a>
              </span>
            )}
          </Space>
        ),
      })}
    />
  );
}

function Parts(props: { page: Page }) {
  return (
    <Items
      items={props.page.children}
      empty=""
      render={(c) => ({
        key: c.id,
        title: (
          <Link to={directivePath(c.id)}>
            {c.ordinal ? `${c.ordinal}. ` : ""}
            {c.leadUnitName}
            {c.assigneeName ? ` (${c.assigneeName})` : ""}: {c.content}
          </Link>
        ),
      })}
    />
  );
}

function History(props: { page: Page }) {
  const label = (s: DirectiveStatus | null) => (s ? STATUS_LABELS[s] : "");
  return (
    <Timeline
      items={[...props.page.history].reverse().map((e) => ({
        content: (
          <div data-testid="history-item">
            <b>{EVENT_LABELS[e.kind] ?? e.kind}</b>
            {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? ` (${label(e.fromStatus)} → ${label(e.toStatus)})` : ""}
            <Typography.Text type="secondary">
              {" "}
              — {e.actorName ?? ""}, {formatDateTime(e.at)}
            </Typography.Text>
            {e.reason && <div>Lý do: {e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}

// ---------------------------------------------------------------------------
// Dialogs

function ReportModal(props: { page: Page; onClose(): void; onDone(p: PageData): void }) {
  const [files, setFiles] = useState<File[]>([]);
  return (
    <FormModal<{ progress: number; narrative: string; difficulties?: string; proposals?: string }>
      open
      title={props.page.allowed.reportAs === "lead" ? "Báo cáo tiến độ (đơn vị chủ trì)" : "Báo cáo phần việc phối hợp"}
      okText="Gửi báo cáo"
      width={680}
      initialValues={{ progress: props.page.directive.progress ?? 0 }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const fields: Record<string, string> = { progress: String(v.progress), narrative: v.narrative };
        if (v.difficulties) fields.difficulties = v.difficulties;
        if (v.proposals) fields.proposals = v.proposals;
        props.onDone(await directivesApi.report(props.page.directive.id, fields, files));
      }}
    >
      <Form.Item name="progress" label="Tiến độ (%)" rules={[{ required: true, message: "Hãy nhập tiến độ." }]}>
        <InputNumber min={0} max={100} precision={0} suffix="%" aria-label="Tiến độ" />
      </Form.Item>
      <Form.Item name="narrative" label="Kết quả thực hiện" rules={[{ required: true, message: "Hãy nêu kết quả thực hiện." }]}>
        <Input.TextArea rows={4} aria-label="Kết quả thực hiện" />
      </Form.Item>
      <Form.Item name="difficulties" label="Khó khăn, vướng mắc">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="proposals" label="Đề xuất, kiến nghị">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label="Tệp đính kèm (.pdf, .docx, .doc, .xlsx, .jpg, .png; tối đa 20 MB mỗi tệp)">
        <Upload
          multiple
          accept=".pdf,.docx,.doc,.xlsx,.jpg,.jpeg,.png"
          fileList={files.map((f, i) => ({ uid: String(i), name: f.name, size: f.size }))}
          beforeUpload={(f) => (setFiles((x) => [...x, f]), false)}
          onRemove={(f) => setFiles((x) => x.filter((_, i) => String(i) !== f.uid))}
        >
          <Button>Chọn tệp</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}

function RequestModal(props: { page: Page; kind: RequestKind; onClose(): void; onDone(p: PageData): void; onError(e: unknown): void }) {
  const { kind } = props;
  return (
    <FormModal<{ reason?: string; result?: string; proposedDeadline?: Deadline }>
      open
      title={REQUEST_LABELS[kind]}
      okText="Gửi đề nghị"
      initialValues={{ proposedDeadline: { kind: "date", value: null } }}
      onCancel={props.onClose}
      onError={props.onError}
      onSubmit={async (v) => {
        props.onDone(
          await directivesApi.request(props.page.directive.id, {
            version: props.page.directive.version,
            kind,
            reason: v.reason || null,
            result: v.result || null,
            proposedDeadline: kind === "extension" ? v.proposedDeadline : null,
          }),
        );
      }}
    >
      {kind === "completion" ? (
        <Form.Item name="result" label="Kết quả thực hiện" rules={[{ required: true, message: "Hãy nêu kết quả thực hiện." }]}>
          <Input.TextArea rows={5} aria-label="Kết quả thực hiện" />
        </Form.Item>
      ) : (
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, message: "Hãy nêu lý do." }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      )}
      {kind === "extension" && (
        <Form.Item name="proposedDeadline" label="Đề nghị gia hạn đến">
          <DeadlineInput />
        </Form.Item>
      )}
    </FormModal>
  );
}

function DecideModal(props: { page: Page; request: RequestView; onClose(): void; onDone(p: PageData): void; onError(e: unknown): void }) {
  const r = props.request;
  const labels: Record<RequestKind, [string, string]> = {
    completion: ["Xác nhận hoàn thành", "Không xác nhận, trả lại để tiếp tục thực hiện"],
    extension: ["Chấp thuận gia hạn", "Không chấp thuận"],
    suspension: ["Chấp thuận tạm hoãn", "Không chấp thuận"],
    withdrawal: ["Chấp thuận rút khỏi chương trình", "Không chấp thuận"],
  };
  return (
    <FormModal<{ approve: boolean; reason?: string; deadline?: Deadline }>
      open
      title={`Quyết định: ${r.kindLabel.toLocaleLowerCase("vi")}`}
      okText="Ghi nhận quyết định"
      initialValues={{ approve: true, deadline: r.proposedDeadline ?? undefined }}
      onCancel={props.onClose}
      onError={props.onError}
      onSubmit={async (v) => {
        props.onDone(
          await directivesApi.decide(props.page.directive.id, r.id, {
            version: props.page.directive.version,
            approve: v.approve,
            reason: v.reason || null,
            deadline: v.approve && r.kind === "extension" ? (v.deadline ?? null) : null,
          }),
        );
      }}
    >
      {(form) => (
        <>
          <RequestText r={r} />
          <Form.Item name="approve" style={{ marginTop: 12 }}>
            <Radio.Group>
              <Space orientation="vertical">
                <Radio value={true}>{labels[r.kind][0]}</Radio>
                <Radio value={false}>{labels[r.kind][1]}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue("approve") === false ? (
                <Form.Item name="reason" label="Lý do" rules={[{ required: true, message: "Hãy ghi rõ lý do." }]}>
                  <Input.TextArea rows={3} aria-label="Lý do" />
                </Form.Item>
              ) : r.kind === "extension" ? (
                <Form.Item name="deadline" label="Thời hạn mới">
                  <DeadlineInput />
                </Form.Item>
              ) : null
            }
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function StatusModal(props: { page: Page; action: "suspend" | "resume" | "withdraw"; onClose(): void; onDone(p: PageData): void; onError(e: unknown): void }) {
  const title = { suspend: "Tạm hoãn nhiệm vụ", resume: "Tiếp tục thực hiện", withdraw: "Rút nhiệm vụ khỏi chương trình" }[props.action];
  return (
    <FormModal<{ reason?: string }>
      open
      title={title}
      okText="Xác nhận"
      danger={props.action !== "resume"}
      onCancel={props.onClose}
      onError={props.onError}
      onSubmit={async (v) => props.onDone(await directivesApi.status(props.page.directive.id, props.page.directive.version, props.action, v.reason || null))}
    >
      <Form.Item name="reason" label="Lý do" rules={props.action === "resume" ? [] : [{ required: true, message: "Hãy ghi rõ lý do." }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

function EditModal(props: { page: Page; onClose(): void; onDone(p: PageData): void; onError(e: unknown): void }) {
  const d = props.page.directive;
  const initial = { content: d.content, leadUnitId: d.leadUnitId, partnerUnitIds: d.partnerUnitIds, leaderId: d.leaderId, followerId: d.followerId, deadline: d.deadline, expectedProduct: d.expectedProduct, note: d.note };
  return (
    <FormModal<typeof initial & { reason?: string }>
      open
      title="Sửa nhiệm vụ"
      okText="Lưu"
      width={720}
      initialValues={initial}
      onCancel={props.onClose}
      onError={props.onError}
      onSubmit={async (v) => {
        const body: Record<string, unknown> = { version: d.version };
        for (const [k, value] of Object.entries(v)) if (JSON.stringify(value ?? null) !== JSON.stringify((initial as Record<string, unknown>)[k] ?? null)) body[k] = value ?? null;
        props.onDone(await directivesApi.edit(d.id, body as { version: number }));
      }}
    >
      <Form.Item name="content" label="Nội dung" rules={[{ required: true }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="leadUnitId" label="Đơn vị chủ trì">
        <UnitPicker allowClear={false} />
      </Form.Item>
      <Form.Item name="partnerUnitIds" label="Đơn vị phối hợp">
        <UnitPicker multiple />
      </Form.Item>
      <Form.Item name="deadline" label="Thời hạn">
        <DeadlineInput />
      </Form.Item>
      <Form.Item name="reason" label="Lý do điều chỉnh (bắt buộc khi đổi thời hạn)">
        <Input />
      </Form.Item>
      <Form.Item name="followerId" label="Người theo dõi">
        <PersonSelect role="office" />
      </Form.Item>
      <Form.Item name="leaderId" label="Lãnh đạo phụ trách">
        <PersonSelect role="leader" />
      </Form.Item>
      <Form.Item name="expectedProduct" label="Sản phẩm dự kiến">
        <Input />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

function DelegateModal(props: { page: Page; onClose(): void; onDone(p: PageData): void }) {
  const d = props.page.directive;
  return (
    <FormModal<{ content: string; leadUnitId?: string | null; deadline: Deadline; expectedProduct?: string }>
      open
      title="Giao phần việc cho đơn vị trực thuộc"
      okText="Giao"
      width={680}
      initialValues={{ deadline: d.deadline.kind === "date" ? d.deadline : { kind: "date", value: d.dueOn } }}
      onCancel={props.onClose}
      onSubmit={async (v) => props.onDone(await directivesApi.delegate(d.id, { ...v, leadUnitId: v.leadUnitId ?? null, expectedProduct: v.expectedProduct || null }))}
    >
      <Form.Item name="content" label="Nội dung phần việc" rules={[{ required: true, message: "Hãy nêu nội dung phần việc." }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="leadUnitId" label="Đơn vị trực thuộc nhận phần việc" rules={[{ required: true, message: "Hãy chọn đơn vị." }]}>
        <UnitPicker />
      </Form.Item>
      <Form.Item name="deadline" label={`Thời hạn (không sau ${d.deadlineText})`}>
        <DeadlineInput />
      </Form.Item>
      <Form.Item name="expectedProduct" label="Sản phẩm">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

