// Per-unit statistics and ranking as of a cut-off day: total, done on time, done late, not yet
// due, overdue, % on time (among the directives whose outcome is known by then).
import { Card, Flex, Select, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { UnitStats } from "../../../domain/api/directives.ts";
import { formatDate, formatPercent, todayInVietnam } from "../../../domain/format.ts";
import { useSession } from "../../auth/session.tsx";
import { DateField } from "../../components/DateField.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { DIRECTIVES_PATH, directivesApi } from "./api.ts";

export default function StatsPage() {
  const { can } = useSession();
  const [asOf, setAsOf] = useState(todayInVietnam());
  const [paperId, setPaperId] = useState<string | undefined>();
  const [dueFrom, setDueFrom] = useState<string | undefined>();
  const [dueTo, setDueTo] = useState<string | undefined>();
  const stats = useLoad(() => directivesApi.stats({ asOf, paperId, dueFrom, dueTo }), [asOf, paperId, dueFrom, dueTo]);
  const papers = useLoad(() => (can("directives.assign") ? directivesApi.papers() : Promise.resolve({ papers: [] })), []);
  const t = stats.data?.totals;
  const n = (v: number) => v.toLocaleString("vi-VN");
  return (
    <div>
      <PageHeader title="Thống kê, xếp hạng theo đơn vị" subtitle={<span><Link to={DIRECTIVES_PATH}>Bảng theo dõi</Link> · Kết quả thực hiện nhiệm vụ của các đơn vị chủ trì tính đến ngày {formatDate(asOf)}.</span>} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <span>
            Tính đến ngày <DateField aria-label="Tính đến ngày" value={asOf} onChange={(v) => v && setAsOf(v)} />
          </span>
          {can("directives.assign") && (
            <Select
              aria-label="Văn bản"
              allowClear
              placeholder="Mọi văn bản"
              style={{ width: 240 }}
              value={paperId}
              options={(papers.data?.papers ?? []).map((p) => ({ value: p.id, label: `${p.symbol ?? ""} — ${p.title ?? ""}` }))}
              onChange={setPaperId}
            />
          )}
          <span>
            Hạn từ <DateField aria-label="Hạn từ ngày" allowClear value={dueFrom} onChange={(v) => setDueFrom(v ?? undefined)} /> đến{" "}
            <DateField aria-label="Hạn đến ngày" allowClear value={dueTo} onChange={(v) => setDueTo(v ?? undefined)} />
          </span>
        </Flex>
      </Card>
      {stats.error ? (
        <LoadError error={stats.error} onRetry={stats.reload} />
      ) : (
        <Card size="small">
          {t && (
            <Typography.Paragraph data-testid="stats-totals">
              Tổng số {n(t.total)} nhiệm vụ: hoàn thành đúng hạn {n(t.doneOnTime)}, hoàn thành quá hạn {n(t.doneLate)}, chưa đến hạn {n(t.notYetDue)}, quá hạn {n(t.overdue)}; tỷ lệ đúng hạn{" "}
              {t.onTimePercent === null ? "chưa đánh giá" : formatPercent(t.onTimePercent, 1)}.
            </Typography.Paragraph>
          )}
          <Table<UnitStats>
            rowKey="unitId"
            size="small"
            loading={stats.loading}
            dataSource={stats.data ? [...stats.data.units].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)) : []}
            pagination={false}
            columns={[
              { title: "Xếp hạng", key: "rank", width: 90, render: (_, u) => u.rank ?? "—" },
              { title: "Đơn vị chủ trì", key: "unit", render: (_, u) => <Link to={`${DIRECTIVES_PATH}?unitId=${u.unitId}&asOf=${asOf}`}>{u.unitName}</Link> },
              { title: "Tổng số", key: "total", align: "right", render: (_, u) => n(u.total) },
              { title: "Hoàn thành đúng hạn", key: "ot", align: "right", render: (_, u) => n(u.doneOnTime) },
              { title: "Hoàn thành quá hạn", key: "late", align: "right", render: (_, u) => n(u.doneLate) },
              { title: "Chưa đến hạn", key: "nyd", align: "right", render: (_, u) => n(u.notYetDue) },
              { title: "Quá hạn", key: "od", align: "right", render: (_, u) => <span style={{ color: u.overdue ? "#cf1322" : undefined }}>{n(u.overdue)}</span> },
              { title: "Tỷ lệ đúng hạn", key: "pct", align: "right", render: (_, u) => (u.onTimePercent === null ? "—" : formatPercent(u.onTimePercent, 1)) },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
