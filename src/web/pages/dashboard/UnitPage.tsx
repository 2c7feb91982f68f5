// One lead unit seen from the dashboard: its directives of the period with their outcome on
// the cut-off day (each opens its page in the follow-up section) and the targets it owns.
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Card, Flex, Table, Tag, Typography } from "antd";
import { Link, useParams, useSearchParams } from "react-router";
import type { Outcome } from "../../../domain/directives.ts";
import { formatDate, formatNumber } from "../../../domain/format.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError, Loading } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { targetPath } from "../targets/widgets.tsx";
import { DASHBOARD_PATH, directivePath, loadUnit, OUTCOME_LABELS, OUTCOME_TAGS, OUTCOMES, STATUS_LABELS, TARGET_STATUS_LABELS } from "./api.ts";

const n = (v: number | null | undefined) => formatNumber(v ?? null);

export default function UnitPage() {
  const { unitId } = useParams();
  const [params] = useSearchParams();
  const period = params.get("ky") ?? undefined;
  const asOf = params.get("ngay") ?? undefined;
  const loaded = useLoad((signal) => loadUnit(unitId!, period, asOf, signal), [unitId, period, asOf]);
  const back = `${DASHBOARD_PATH}${params.toString() ? `?${params.toString()}` : ""}`;
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const data = loaded.data;
  if (!data) return <Loading />;
  const counts = new Map<Outcome, number>();
  for (const d of data.directives) counts.set(d.outcome, (counts.get(d.outcome) ?? 0) + 1);
  const year = Number(data.period.code.slice(0, 4));
  return (
    <div>
      <Link to={back} data-testid="back-to-dashboard">
        <ArrowLeftOutlined /> Bảng điều hành
      </Link>
      <PageHeader title={data.unit.name} subtitle={`${data.period.label} — số liệu đến hết ngày ${formatDate(data.asOf)}`} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="unit-counts">
        <Tag>Tổng số: {n(data.directives.length)}</Tag>
        {OUTCOMES.filter((o) => counts.get(o)).map((o) => (
          <Tag key={o} color={OUTCOME_TAGS[o]}>
            {OUTCOME_LABELS[o]}: {n(counts.get(o))}
          </Tag>
        ))}
      </Flex>
      <Card size="small" title="Nhiệm vụ do đơn vị chủ trì" style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="id"
          dataSource={data.directives}
          pagination={{ pageSize: 15, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: "Đơn vị không chủ trì nhiệm vụ nào trong kỳ." }}
          columns={[
            { title: "TT", width: 50, align: "center", render: (_v, _r, i) => i + 1 },
            {
              title: "Nội dung nhiệm vụ",
              dataIndex: "content",
              render: (content: string, d) => (
                <Link to={directivePath(d.id)}>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, color: "inherit" }}>
                    {content}
                  </Typography.Paragraph>
                </Link>
              ),
            },
            {
              title: "Văn bản",
              width: 170,
              render: (_v, d) => (d.paper ? `${d.paper.symbol ?? ""}${d.paper.issuedOn ? ` (${formatDate(d.paper.issuedOn)})` : ""}${d.ordinal ? `, mục ${d.ordinal}` : ""}` : "Giao trực tiếp"),
            },
            { title: "Hạn", dataIndex: "dueOn", width: 100, align: "center", render: (v: string | null) => (v ? formatDate(v) : "Thường xuyên") },
            { title: "Trạng thái", dataIndex: "status", width: 150, render: (v: string) => STATUS_LABELS[v] ?? v },
            {
              title: "Tình hình",
              dataIndex: "outcome",
              width: 200,
              render: (o: Outcome, d) => (
                <Tag color={OUTCOME_TAGS[o]}>
                  {OUTCOME_LABELS[o]}
                  {d.daysLate ? ` ${n(d.daysLate)} ngày` : ""}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="Chỉ tiêu do đơn vị phụ trách">
        <Table
          size="small"
          rowKey="id"
          dataSource={data.targets}
          pagination={false}
          locale={{ emptyText: "Đơn vị không phụ trách chỉ tiêu nào trong kỳ." }}
          columns={[
            { title: "Chỉ tiêu", dataIndex: "name", render: (name: string, t) => <Link to={targetPath(t.id, year)}>{name}</Link> },
            { title: "Đơn vị tính", dataIndex: "unit", width: 110 },
            { title: "Kế hoạch", dataIndex: "plan", width: 110, align: "right", render: n },
            { title: "Thực hiện", dataIndex: "actual", width: 110, align: "right", render: n },
            { title: "% kế hoạch", dataIndex: "percentOfPlan", width: 110, align: "right", render: (v: number | null) => (v === null ? "–" : `${formatNumber(v, 1)}%`) },
            { title: "Đánh giá", dataIndex: "status", width: 190, render: (v: string) => TARGET_STATUS_LABELS[v] ?? v },
          ]}
        />
      </Card>
    </div>
  );
}
