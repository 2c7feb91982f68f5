// Assigning a confirmed paper's directives: each item with the lead and supporting units the
// paper names (as the units that carry their work today), its deadline, the leader in charge;
// the office checks, corrects and assigns the items it picks. Items already tracked are marked.
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { PaperPlan } from "../../../domain/api/directives.ts";
import type { Deadline } from "../../../domain/directives.ts";
import { formatDate } from "../../../domain/format.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError, Loading } from "../../components/States.tsx";
import { UnitPicker } from "../../components/UnitPicker.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { assignPath, DIRECTIVES_PATH, directivePath, directivesApi } from "./api.ts";
import { DeadlineInput, Items, PersonSelect } from "./widgets.tsx";

export function PapersToAssignPage() {
  const papers = useLoad(() => directivesApi.papers(), []);
  return (
    <div>
      <PageHeader title="Giao nhiệm vụ từ văn bản" subtitle={<span><Link to={DIRECTIVES_PATH}>Bảng theo dõi</Link> · Chọn văn bản đã xác nhận để giao theo dõi các mục nhiệm vụ.</span>} />
      {papers.error ? (
        <LoadError error={papers.error} onRetry={papers.reload} />
      ) : !papers.data ? (
        <Loading />
      ) : (
        <Card size="small">
          <Items
            items={papers.data.papers}
            empty="Chưa có văn bản đã xác nhận có mục nhiệm vụ."
            render={(p) => ({
              key: p.id,
              title: (
                <Link to={assignPath(p.id)} data-testid="paper-to-assign">
                  <b>{p.symbol ?? "(chưa số)"}</b>
                  {p.issuedOn ? ` ngày ${formatDate(p.issuedOn)}` : ""} — {p.title ?? ""}
                </Link>
              ),
              actions: <Tag color={p.tracked < p.items ? "gold" : "green"}>{`Đã giao ${p.tracked}/${p.items} mục`}</Tag>,
            })}
          />
        </Card>
      )}
    </div>
  );
}

interface Choice {
  pick: boolean;
  leadUnitId: string | null;
  partnerUnitIds: string[];
  deadline: Deadline;
  leaderId: string | null;
}

export default function AssignPage() {
  const { paperId } = useParams();
  const plan = useLoad(() => directivesApi.plan(paperId!), [paperId]);
  if (plan.error) return <LoadError error={plan.error} onRetry={plan.reload} />;
  if (!plan.data) return <Loading />;
  return <AssignForm plan={plan.data} onAssigned={plan.reload} />;
}

function AssignForm(props: { plan: PaperPlan; onAssigned(): void }) {
  const { plan } = props;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [leader, setLeader] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const c: Record<string, Choice> = {};
    for (const i of plan.items) {
      if (i.trackedDirectiveId) continue;
      c[i.paperDirectiveId] = { pick: true, leadUnitId: i.proposed.leadUnitId, partnerUnitIds: i.proposed.partnerUnitIds, deadline: i.proposed.deadline, leaderId: null };
    }
    setChoices(c);
  }, [plan]);
  const set = (id: string, patch: Partial<Choice>) => setChoices((c) => ({ ...c, [id]: { ...c[id]!, ...patch } }));
  const picked = plan.items.filter((i) => choices[i.paperDirectiveId]?.pick);

  const assign = async () => {
    setProblem(null);
    const missing = picked.filter((i) => !choices[i.paperDirectiveId]!.leadUnitId);
    if (missing.length) {
      setProblem(`Hãy chọn đơn vị chủ trì cho mục ${missing.map((i) => i.ordinal).join(", ")}.`);
      return;
    }
    setBusy(true);
    try {
      const r = await directivesApi.assignFromPaper(
        plan.paper.id,
        picked.map((i) => {
          const c = choices[i.paperDirectiveId]!;
          // Every picked item has its lead unit (checked above).
          return { paperDirectiveId: i.paperDirectiveId, leadUnitId: c.leadUnitId!, partnerUnitIds: c.partnerUnitIds, deadline: c.deadline, leaderId: c.leaderId ?? leader };
        }),
      );
      message.success(`Đã giao theo dõi ${r.created} nhiệm vụ.`);
      navigate(`${DIRECTIVES_PATH}?paperId=${plan.paper.id}&sort=ordinal`);
    } catch (e) {
      setProblem(errorMessage(e) + (e instanceof ApiError && e.fields.length ? ` (${e.fields.map((f) => f.message).join("; ")})` : ""));
      props.onAssigned();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <PageHeader
        title={`Giao nhiệm vụ theo văn bản số ${plan.paper.symbol ?? ""}`}
        subtitle={
          <span>
            <Link to={assignPath()}>Các văn bản</Link> · {plan.paper.title}
            {plan.paper.issuedOn ? ` (ngày ${formatDate(plan.paper.issuedOn)})` : ""}
          </span>
        }
        extra={
          <Space>
            <span>Lãnh đạo phụ trách (chung):</span>
            <PersonSelect role="leader" aria-label="Lãnh đạo phụ trách chung" value={leader} onChange={setLeader} />
            <Button type="primary" loading={busy} disabled={!picked.length || !plan.assignable} onClick={() => void assign()} data-testid="assign-button">
              Giao {picked.length} nhiệm vụ
            </Button>
          </Space>
        }
      />
      {!plan.assignable && <Alert type="warning" showIcon title="Văn bản chưa được xác nhận; hãy rà soát và xác nhận văn bản trước khi giao nhiệm vụ." style={{ marginBottom: 12 }} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {!plan.items.length ? (
        <Empty description="Văn bản không có mục nhiệm vụ." />
      ) : (
        <Card size="small">
          <Table
            rowKey="paperDirectiveId"
            size="small"
            pagination={false}
            dataSource={plan.items}
            columns={[
              {
                title: "Giao",
                key: "pick",
                width: 56,
                render: (_: unknown, i: PaperPlan["items"][number]) =>
                  i.trackedDirectiveId ? (
                    <Link to={directivePath(i.trackedDirectiveId)}>
                      <Tag color="green">Đã giao</Tag>
                    </Link>
                  ) : (
                    <Checkbox aria-label={`Giao mục ${i.ordinal}`} checked={choices[i.paperDirectiveId]?.pick ?? false} onChange={(e) => set(i.paperDirectiveId, { pick: e.target.checked })} />
                  ),
              },
              {
                title: "Mục, nội dung",
                key: "text",
                render: (_: unknown, i: PaperPlan["items"][number]) => (
                  <div>
                    <Typography.Paragraph style={{ marginBottom: 4 }} ellipsis={{ rows: 4, expandable: true, symbol: "xem thêm" }}>
                      <b>{i.ordinal}.</b> {i.text}
                    </Typography.Paragraph>
                    {i.notes.map((n) => (
                      <div key={n}>
                        <Typography.Text type="warning" style={{ fontSize: 12 }}>
                          {n}
                        </Typography.Text>
                      </div>
                    ))}
                  </div>
                ),
              },
              {
                title: "Chủ trì, phối hợp",
                key: "units",
                width: 300,
                render: (_: unknown, i: PaperPlan["items"][number]) => {
                  const c = choices[i.paperDirectiveId];
                  if (!c) return <span>{i.leads.map((b) => b.name).join("; ")}</span>;
                  return (
                    <Flex vertical gap={6}>
                      <UnitPicker aria-label={`Đơn vị chủ trì mục ${i.ordinal}`} placeholder="Đơn vị chủ trì" value={c.leadUnitId} onChange={(v) => set(i.paperDirectiveId, { leadUnitId: v })} style={{ width: 280 }} />
                      <UnitPicker multiple aria-label={`Đơn vị phối hợp mục ${i.ordinal}`} placeholder="Đơn vị phối hợp" value={c.partnerUnitIds} onChange={(v) => set(i.paperDirectiveId, { partnerUnitIds: v })} style={{ width: 280 }} />
                    </Flex>
                  );
                },
              },
              {
                title: "Thời hạn",
                key: "deadline",
                width: 280,
                render: (_: unknown, i: PaperPlan["items"][number]) => {
                  const c = choices[i.paperDirectiveId];
                  return (
                    <div>
                      {i.deadlineText && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          Văn bản: “{i.deadlineText}”
                        </Typography.Text>
                      )}
                      {c && <DeadlineInput value={c.deadline} onChange={(d) => set(i.paperDirectiveId, { deadline: d })} />}
                    </div>
                  );
                },
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
