// One target: its plan and rules, its history on a chart, its figures period by period with
// their source and paper, the entry form for the owner unit, the office's approval, figures
// from confirmed papers in one click, and the explanation requests.
import { CheckOutlined, EditOutlined, FileTextOutlined, LinkOutlined, PlusOutlined, RollbackOutlined, SendOutlined } from "@ant-design/icons";
import { App, Button, Card, Checkbox, Descriptions, Empty, Flex, Form, Input, Radio, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { AssessmentView, ExplanationView, TargetDetail, ValueView } from "../../../domain/api/targets.ts";
import { formatDate, formatDateTime, todayInVietnam } from "../../../domain/format.ts";
import { PERIOD_KIND_LABELS, type PeriodKind, periodLabel, periodsOfYear } from "../../../domain/periods.ts";
import { DIRECTION_LABELS, FORECAST_METHOD_LABELS, type ForecastMethod, TERM_BASIS_LABELS, VALUE_BASIS_LABELS, type ValueBasis } from "../../../domain/targets.ts";
import { errorMessage } from "../../api/client.ts";
import { useSession } from "../../auth/session.tsx";
import { DateField } from "../../components/DateField.tsx";
import { FormModal } from "../../components/FormModal.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError, Loading } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { paperPath } from "../papers/paths.ts";
import { targetsApi } from "./api.ts";
import { MonthChart, YearChart } from "./TargetChart.tsx";
import { TargetFormModal } from "./TargetForm.tsx";
import { change, forecastNum, LikelihoodTag, num, percent, resolutionPath, StatusTag, ValueStatusTag, VnNumberInput } from "./widgets.tsx";

const { Text, Paragraph } = Typography;

/** Periods a figure can be entered for: the target's kinds, in the resolution's years and the year before. */
function entryPeriods(d: TargetDetail): { value: string; label: string }[] {
  const years = d.chart.years.length ? d.chart.years : [new Date().getFullYear()];
  const out: { value: string; label: string }[] = [];
  for (const y of [...years].sort((a, b) => b - a)) {
    for (const p of periodsOfYear(y, d.target.periodKinds as PeriodKind[]).reverse()) out.push({ value: p.code, label: periodLabel(p) });
  }
  return out;
}

function ValueModal(props: { open: boolean; detail: TargetDetail; office: boolean; onClose: () => void; onSaved: () => void }) {
  const periods = entryPeriods(props.detail);
  return (
    <FormModal<{ period: string; basis: ValueBasis; value: number; source?: string; cutoffOn?: string | null; note?: string; submit: boolean }>
      open={props.open}
      title={`Nhập số liệu: ${props.detail.target.name}`}
      okText={props.office ? "Lưu (duyệt ngay)" : "Lưu"}
      width={620}
      initialValues={{ basis: "estimate", submit: true, period: periods[0]?.value }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        await targetsApi.enter(props.detail.target.id, {
          period: v.period,
          basis: v.basis,
          value: v.value,
          source: v.source || null,
          cutoffOn: v.cutoffOn ?? null,
          note: v.note || null,
          submit: v.submit,
        });
        props.onSaved();
      }}
    >
      <Flex gap={12} wrap>
        <Form.Item name="period" label="Kỳ" rules={[{ required: true, message: "Hãy chọn kỳ." }]}>
          <Select style={{ width: 240 }} options={periods} showSearch={{ optionFilterProp: "label" }} />
        </Form.Item>
        <Form.Item name="basis" label="Loại số liệu">
          <Radio.Group optionType="button" options={[{ value: "estimate", label: VALUE_BASIS_LABELS.estimate }, { value: "official", label: VALUE_BASIS_LABELS.official }]} />
        </Form.Item>
      </Flex>
      <Form.Item name="value" label={`Giá trị (${props.detail.target.unit})`} rules={[{ required: true, message: "Hãy nhập giá trị." }]} extra={props.detail.target.accumulates ? "Số liệu cộng dồn: ghi tổng của cả kỳ (6 tháng, 9 tháng: từ đầu năm)." : undefined}>
        <VnNumberInput />
      </Form.Item>
      <Form.Item name="source" label="Nguồn số liệu">
        <Input placeholder="Ví dụ: Báo cáo số 215/BC-STC ngày 25/9/2024" />
      </Form.Item>
      <Form.Item name="cutoffOn" label="Số liệu tính đến ngày">
        <DateField allowClear max={todayInVietnam()} />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      {!props.office && (
        <Form.Item name="submit" valuePropName="checked">
          <Checkbox>Gửi Văn phòng duyệt ngay (bỏ chọn để lưu bản nháp)</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}

function EditValueModal(props: { value: ValueView | null; office: boolean; unit: string; onClose: () => void; onSaved: () => void }) {
  const v = props.value;
  return (
    <FormModal<{ value: number; source?: string; cutoffOn?: string | null; note?: string; reason?: string; submit?: boolean }>
      open={!!v}
      title={v ? `Sửa số liệu ${v.periodLabel} (${VALUE_BASIS_LABELS[v.basis].toLowerCase()})` : ""}
      initialValues={v ? { value: v.value, source: v.source ?? "", cutoffOn: v.cutoffOn, note: v.note ?? "", submit: v.status !== "draft" } : {}}
      onCancel={props.onClose}
      onSubmit={async (f) => {
        if (!v) return;
        await targetsApi.editValue(v.id, {
          version: v.version,
          value: f.value,
          source: f.source || null,
          cutoffOn: f.cutoffOn ?? null,
          note: f.note || null,
          ...(props.office ? (f.reason ? { reason: f.reason } : {}) : { submit: !!f.submit }),
        });
        props.onSaved();
      }}
    >
      <Form.Item name="value" label={`Giá trị (${props.unit})`} rules={[{ required: true, message: "Hãy nhập giá trị." }]}>
        <VnNumberInput />
      </Form.Item>
      <Form.Item name="source" label="Nguồn số liệu">
        <Input />
      </Form.Item>
      <Form.Item name="cutoffOn" label="Số liệu tính đến ngày">
        <DateField allowClear />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      {props.office && v?.status === "approved" && (
        <Form.Item name="reason" label="Lý do điều chỉnh" rules={[{ required: true, message: "Điều chỉnh số liệu đã duyệt cần ghi lý do." }]}>
          <Input />
        </Form.Item>
      )}
      {!props.office && (
        <Form.Item name="submit" valuePropName="checked">
          <Checkbox>Gửi Văn phòng duyệt</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}

function ReturnModal(props: { value: ValueView | null; onClose: () => void; onSaved: () => void }) {
  return (
    <FormModal<{ reason: string }>
      open={!!props.value}
      title="Trả lại số liệu cho đơn vị"
      okText="Trả lại"
      danger
      onCancel={props.onClose}
      onSubmit={async (f) => {
        await targetsApi.returnValue(props.value!.id, props.value!.version, f.reason);
        props.onSaved();
      }}
    >
      <Form.Item name="reason" label="Lý do" rules={[{ required: true, message: "Hãy ghi lý do trả lại." }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}

function RequestModal(props: { open: boolean; detail: TargetDetail; period: string | undefined; onClose: () => void; onSaved: () => void }) {
  const options = props.detail.assessments.map((a) => ({ value: a.period, label: a.periodLabel })).reverse();
  return (
    <FormModal<{ period: string; message: string; dueOn?: string | null }>
      open={props.open}
      title={`Yêu cầu giải trình: ${props.detail.target.name}`}
      okText="Gửi yêu cầu"
      width={620}
      initialValues={{ period: props.period ?? options[0]?.value }}
      onCancel={props.onClose}
      onSubmit={async (f) => {
        await targetsApi.requestExplanation(props.detail.target.id, { period: f.period, message: f.message, dueOn: f.dueOn ?? null });
        props.onSaved();
      }}
    >
      <Paragraph type="secondary">Gửi tới: {props.detail.target.owner?.name ?? "(chưa có đơn vị chủ trì)"}</Paragraph>
      <Form.Item name="period" label="Kỳ" rules={[{ required: true }]}>
        <Select options={options} style={{ width: 240 }} showSearch={{ optionFilterProp: "label" }} />
      </Form.Item>
      <Form.Item name="message" label="Nội dung yêu cầu" rules={[{ required: true, message: "Hãy ghi nội dung." }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="Đề nghị giải trình nguyên nhân chưa đạt tiến độ và giải pháp thời gian tới." />
      </Form.Item>
      <Form.Item name="dueOn" label="Hạn trả lời">
        <DateField allowClear min={todayInVietnam()} />
      </Form.Item>
    </FormModal>
  );
}

export function AnswerModal(props: { explanation: ExplanationView | null; onClose: () => void; onSaved: () => void }) {
  const e = props.explanation;
  return (
    <FormModal<{ answer: string }>
      open={!!e}
      title="Trả lời yêu cầu giải trình"
      okText="Gửi giải trình"
      width={640}
      initialValues={{ answer: e?.answer ?? "" }}
      onCancel={props.onClose}
      onSubmit={async (f) => {
        await targetsApi.answer(e!.id, e!.version, f.answer);
        props.onSaved();
      }}
    >
      {e && <Paragraph>{e.message}</Paragraph>}
      <Form.Item name="answer" label="Nội dung giải trình" rules={[{ required: true, message: "Hãy ghi nội dung giải trình." }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
      </Form.Item>
    </FormModal>
  );
}

const EXPLANATION_STATUS: Record<ExplanationView["status"], { label: string; color: string }> = {
  open: { label: "Chờ giải trình", color: "orange" },
  answered: { label: "Đã giải trình", color: "blue" },
  closed: { label: "Đã kết thúc", color: "default" },
};

export function ExplanationItem(props: { e: ExplanationView; canClose: boolean; onAnswer: (e: ExplanationView) => void; onChanged: () => void; showTarget?: boolean }) {
  const { message } = App.useApp();
  const e = props.e;
  const close = async () => {
    try {
      await targetsApi.close(e.id, e.version);
      props.onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const actions = [
    ...(e.canAnswer ? [<Button key="a" size="small" type="primary" onClick={() => props.onAnswer(e)}>{e.answer ? "Sửa giải trình" : "Trả lời"}</Button>] : []),
    ...(props.canClose && e.status === "answered" ? [<Button key="c" size="small" onClick={() => void close()}>Ghi nhận, kết thúc</Button>] : []),
  ];
  return (
    <div className="targets-item">
      <Flex justify="space-between" align="flex-start" gap={12}>
        <Space wrap>
          <Tag color={EXPLANATION_STATUS[e.status].color}>{EXPLANATION_STATUS[e.status].label}</Tag>
          <span>{e.periodLabel}</span>
          {props.showTarget && (
            <Link to={`/chi-tieu/muc/${e.target.id}`}>
              {e.target.code}. {e.target.name}
            </Link>
          )}
          <Text type="secondary">→ {e.unit?.name ?? "—"}</Text>
        </Space>
        {actions.length > 0 && <Space>{actions}</Space>}
      </Flex>
      <Paragraph style={{ margin: "6px 0 4px" }}>{e.message}</Paragraph>
      <Text type="secondary" style={{ fontSize: 12 }}>
        {e.requestedBy ?? "Văn phòng"} gửi lúc {formatDateTime(e.requestedAt)}
        {e.dueOn ? ` · hạn trả lời ${formatDate(e.dueOn)}` : ""}
      </Text>
      {e.answer && (
        <Card size="small" style={{ marginTop: 8, background: "#f6ffed" }}>
          <Paragraph style={{ marginBottom: 4, whiteSpace: "pre-wrap" }}>{e.answer}</Paragraph>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {e.answeredBy} trả lời lúc {formatDateTime(e.answeredAt)}
          </Text>
        </Card>
      )}
    </div>
  );
}

function FactsCard(props: { detail: TargetDetail; onAttached: () => void }) {
  const { message, modal } = App.useApp();
  const facts = useLoad(() => targetsApi.facts(props.detail.target.id), [props.detail.target.id]);
  const attach = async (factId: string, unitMatches: boolean) => {
    const go = async (acceptUnit: boolean) => {
      try {
        await targetsApi.attachFact(props.detail.target.id, { factId, basis: "estimate", acceptUnit });
        message.success("Đã gắn số liệu của văn bản vào chỉ tiêu.");
        facts.reload();
        props.onAttached();
      } catch (e) {
        message.error(errorMessage(e));
      }
    };
    if (unitMatches) return go(false);
    modal.confirm({ title: "Đơn vị tính khác nhau", content: "Đơn vị tính của số liệu trong văn bản khác đơn vị tính của chỉ tiêu. Vẫn gắn?", okText: "Vẫn gắn", cancelText: "Hủy", onOk: () => go(true) });
  };
  if (facts.error || !facts.data || facts.data.facts.length === 0) return null;
  return (
    <Card size="small" title={<Space><FileTextOutlined />Số liệu trong văn bản đã xác nhận</Space>} style={{ marginTop: 16 }}>
      {facts.data.facts.map((f) => (
        <Flex key={f.id} className="targets-item" justify="space-between" align="flex-start" gap={12}>
          <div>
            <Space wrap>
              <strong>
                {num(f.value)} {f.unit}
              </strong>
              <span>{f.periodText ?? "(không rõ kỳ)"}</span>
              <Link to={paperPath(f.paper.id)}>
                {f.paper.symbol ?? "Văn bản"} {f.paper.issuedOn ? `ngày ${formatDate(f.paper.issuedOn)}` : ""}
              </Link>
            </Space>
            <div>
              <Text type="secondary">{f.text}</Text>
            </div>
          </div>
          {f.attached ? (
            <Tag color="green">Đã gắn</Tag>
          ) : (
            <Button size="small" icon={<LinkOutlined />} disabled={!f.period} onClick={() => void attach(f.id, f.unitMatches)}>
              Gắn vào chỉ tiêu
            </Button>
          )}
        </Flex>
      ))}
    </Card>
  );
}

export default function TargetPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const year = params.get("nam") ? Number(params.get("nam")) : undefined;
  const { can } = useSession();
  const { message } = App.useApp();
  const detail = useLoad((signal) => targetsApi.target(id, year, signal), [id, year]);
  const [view, setView] = useState<"month" | "year">("month");
  const [entering, setEntering] = useState(false);
  const [editingTarget, setEditingTarget] = useState(false);
  const [editingValue, setEditingValue] = useState<ValueView | null>(null);
  const [returning, setReturning] = useState<ValueView | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [answering, setAnswering] = useState<ExplanationView | null>(null);
  const office = can("targets.approve");

  const measured = useMemo(
    () => (detail.data?.assessments ?? []).filter((a) => a.reason !== "not_measured").slice().reverse(),
    [detail.data],
  );
  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const d = detail.data;
  const t = d.target;
  const reload = () => detail.reload();

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const valueColumns: ColumnsType<ValueView> = [
    { title: "Kỳ", dataIndex: "periodLabel", width: 170 },
    { title: "Loại", dataIndex: "basis", width: 120, render: (b: ValueBasis) => VALUE_BASIS_LABELS[b] },
    { title: `Giá trị (${t.unit})`, dataIndex: "value", width: 130, align: "right", render: (v: number) => num(v) },
    {
      title: "Trạng thái",
      dataIndex: "status",
      width: 170,
      render: (s: ValueView["status"], v) => (
        <div>
          <ValueStatusTag status={s} />
          {v.returnNote && (
            <div>
              <Text type="danger" style={{ fontSize: 12 }}>
                Trả lại: {v.returnNote}
              </Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: "Nguồn",
      render: (_, v) => (
        <div>
          {v.paper ? (
            <Link to={paperPath(v.paper.id)}>
              <LinkOutlined /> {v.source ?? v.paper.symbol}
            </Link>
          ) : (
            (v.source ?? "—")
          )}
          {v.cutoffOn && (
            <div>
              <Text type="secondary" style={{ fontSize: 12 }}>
                Số liệu đến ngày {formatDate(v.cutoffOn)}
              </Text>
            </div>
          )}
          {v.fact && (
            <div>
              <Text type="secondary" italic style={{ fontSize: 12 }}>
                “{v.fact.text}”
              </Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: "Người nhập / duyệt",
      width: 190,
      render: (_, v) => (
        <Text type="secondary" style={{ fontSize: 12 }}>
          {v.enteredBy ?? "—"}
          {v.approvedBy ? ` / ${v.approvedBy}` : ""}
          {v.approvedAt ? ` (${formatDate(v.approvedAt.slice(0, 10))})` : ""}
        </Text>
      ),
    },
    {
      title: "",
      width: 200,
      render: (_, v) => (
        <Space size={4} wrap>
          {((d.mine && v.status !== "approved") || (office && can("targets.enter"))) && (
            <Tooltip title="Sửa">
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditingValue(v)} aria-label="Sửa số liệu" />
            </Tooltip>
          )}
          {d.mine && !office && v.status === "draft" && (
            <Button size="small" icon={<SendOutlined />} onClick={() => void act(() => targetsApi.submit(v.id, v.version), "Đã gửi Văn phòng duyệt.")}>
              Gửi
            </Button>
          )}
          {office && v.status === "submitted" && (
            <>
              <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => void act(() => targetsApi.approve(v.id, v.version), "Đã duyệt số liệu.")}>
                Duyệt
              </Button>
              <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setReturning(v)}>
                Trả lại
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  const assessmentColumns: ColumnsType<AssessmentView> = [
    { title: "Kỳ", dataIndex: "periodLabel", width: 180 },
    { title: "Kế hoạch", dataIndex: "plan", align: "right", width: 110, render: (v: number | null) => num(v) },
    { title: "Thực hiện", dataIndex: "actual", align: "right", width: 110, render: (v: number | null) => num(v) },
    { title: "% kế hoạch", dataIndex: "percentOfPlan", align: "right", width: 100, render: (v: number | null) => percent(v) },
    { title: "So cùng kỳ", dataIndex: "change", align: "right", width: 120, render: (v: number | null, a) => change(v, a.changeKind) },
    { title: "Tình trạng", dataIndex: "status", width: 190, render: (s: AssessmentView["status"], a) => <StatusTag status={s} label={a.statusLabel} reason={a.reason === "no_value" ? "Chưa có số liệu được duyệt" : a.reason === "no_plan" ? "Chưa có kế hoạch" : null} /> },
    {
      title: "Dự báo cả năm",
      dataIndex: "forecastYear",
      align: "right",
      width: 170,
      render: (v: number | null, a) => (
        <Tooltip title={a.forecastYearMethod ? `Dự báo ${FORECAST_METHOD_LABELS[a.forecastYearMethod as ForecastMethod]}` : undefined}>
          <Space size={4}>
            {forecastNum(v, a.plan, a.actual)}
            <LikelihoodTag value={a.likelihoodYear} />
          </Space>
        </Tooltip>
      ),
    },
    ...(d.chart.termPlan !== null
      ? ([{ title: "Dự báo nhiệm kỳ", dataIndex: "forecastTerm", align: "right", width: 160, render: (v: number | null, a: AssessmentView) => <Space size={4}>{forecastNum(v, a.plan, a.actual)}<LikelihoodTag value={a.likelihoodTerm} /></Space> }] as ColumnsType<AssessmentView>)
      : []),
  ];

  return (
    <div>
      <PageHeader
        title={`${t.code}. ${t.name}`}
        subtitle={
          <span>
            <Link to={resolutionPath(d.resolution.id)}>{d.resolution.title}</Link> · {t.owner?.name ?? "Chưa có đơn vị chủ trì"}
            {t.archived && <Tag style={{ marginInlineStart: 8 }}>Đã lưu trữ</Tag>}
          </span>
        }
        extra={
          <>
            {d.mine && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntering(true)}>
                Nhập số liệu
              </Button>
            )}
            {can("targets.request_explanation") && <Button onClick={() => setRequesting(true)}>Yêu cầu giải trình</Button>}
            {can("targets.manage") && (
              <Button icon={<EditOutlined />} onClick={() => setEditingTarget(true)}>
                Sửa chỉ tiêu
              </Button>
            )}
          </>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Đơn vị tính">{t.unit}</Descriptions.Item>
        <Descriptions.Item label="Chiều đánh giá">
          {DIRECTION_LABELS[t.direction]}
          {t.direction === "threshold" && t.threshold !== null ? ` (ngưỡng ${num(t.threshold)})` : ""}
        </Descriptions.Item>
        <Descriptions.Item label="Số liệu">{t.accumulates ? "Cộng dồn theo kỳ" : "Mức, tỷ lệ (không cộng dồn)"}</Descriptions.Item>
        <Descriptions.Item label="Kỳ đánh giá">{t.periodKinds.map((k) => PERIOD_KIND_LABELS[k as PeriodKind]).join(", ")}</Descriptions.Item>
        <Descriptions.Item label="Cả nhiệm kỳ">{TERM_BASIS_LABELS[t.termBasis]}</Descriptions.Item>
        <Descriptions.Item label="Kế hoạch">{t.plans.length ? t.plans.map((p) => `${p.label}: ${num(p.value)}`).join("; ") : "—"}</Descriptions.Item>
      </Descriptions>

      <Card
        size="small"
        title="Diễn biến"
        extra={
          <Space>
            {view === "month" && (
              <Select
                size="small"
                aria-label="Năm"
                value={d.chart.year}
                style={{ width: 100 }}
                options={d.chart.years.map((y) => ({ value: y, label: `Năm ${y}` }))}
                onChange={(y) => setParams({ nam: String(y) })}
              />
            )}
            <Segmented
              size="small"
              value={view}
              onChange={(v) => setView(v as "month" | "year")}
              options={[
                { value: "month", label: "Theo tháng" },
                { value: "year", label: "Theo năm" },
              ]}
            />
          </Space>
        }
      >
        {view === "month" ? <MonthChart detail={d} /> : <YearChart detail={d} />}
      </Card>

      <Card size="small" title="Đánh giá theo kỳ" style={{ marginTop: 16 }}>
        <Table<AssessmentView> rowKey="period" size="small" dataSource={measured} columns={assessmentColumns} pagination={{ pageSize: 12, hideOnSinglePage: true }} scroll={{ x: 1000 }} />
      </Card>

      <Card size="small" title="Số liệu đã nhập" style={{ marginTop: 16 }}>
        {d.values.length ? (
          <Table<ValueView> rowKey="id" size="small" dataSource={d.values} columns={valueColumns} pagination={{ pageSize: 15, hideOnSinglePage: true }} scroll={{ x: 1100 }} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có số liệu." />
        )}
      </Card>

      {d.mine && <FactsCard detail={d} onAttached={reload} />}

      <Card size="small" title="Yêu cầu giải trình" style={{ marginTop: 16 }}>
        {d.explanations.length ? (
          d.explanations.map((e) => <ExplanationItem key={e.id} e={e} canClose={can("targets.request_explanation")} onAnswer={setAnswering} onChanged={reload} />)
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có yêu cầu giải trình." />
        )}
      </Card>

      <ValueModal
        open={entering}
        detail={d}
        office={office}
        onClose={() => setEntering(false)}
        onSaved={() => {
          setEntering(false);
          message.success(office ? "Đã lưu và duyệt số liệu." : "Đã lưu số liệu.");
          reload();
        }}
      />
      <EditValueModal
        value={editingValue}
        office={office}
        unit={t.unit}
        onClose={() => setEditingValue(null)}
        onSaved={() => {
          setEditingValue(null);
          message.success("Đã lưu.");
          reload();
        }}
      />
      <ReturnModal
        value={returning}
        onClose={() => setReturning(null)}
        onSaved={() => {
          setReturning(null);
          message.success("Đã trả lại số liệu cho đơn vị.");
          reload();
        }}
      />
      <RequestModal
        open={requesting}
        detail={d}
        period={measured.find((a) => a.status === "behind")?.period}
        onClose={() => setRequesting(false)}
        onSaved={() => {
          setRequesting(false);
          message.success("Đã gửi yêu cầu giải trình.");
          reload();
        }}
      />
      <AnswerModal
        explanation={answering}
        onClose={() => setAnswering(null)}
        onSaved={() => {
          setAnswering(null);
          message.success("Đã gửi giải trình.");
          reload();
        }}
      />
      <TargetFormModal
        open={editingTarget}
        resolution={d.resolution}
        target={t}
        onClose={() => setEditingTarget(false)}
        onSaved={() => {
          setEditingTarget(false);
          message.success("Đã lưu chỉ tiêu.");
          reload();
        }}
      />
    </div>
  );
}

