// The leaders' dashboard: for a period and a cut-off day, the directives by outcome, the
// overdue work by lead unit (ranked), the month-by-month trend and the targets' "x/y"; every
// unit opens its own page. The period and the day live in the address, so a view can be shared.
import { FileWordOutlined } from "@ant-design/icons";
import { Button, Card, Col, Flex, Row, Select, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { DashboardData } from "../../../domain/api/dashboard.ts";
import { formatDate, formatNumber, viCollator } from "../../../domain/format.ts";
import { useSession } from "../../auth/session.tsx";
import { DateField } from "../../components/DateField.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError, Loading } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { loadDashboard, OUTCOME_COLORS, unitPath } from "./api.ts";
import { OutcomeChart, OverdueByUnitChart, TargetsChart, TrendChart } from "./charts.tsx";
import { ReportDialog } from "./ReportDialog.tsx";

const n = (v: number | null | undefined) => formatNumber(v ?? null);
const pct = (v: number | null | undefined) => (v === null || v === undefined ? "–" : `${formatNumber(v, 1)}%`);

function Figures(props: { data: DashboardData }) {
  const o = props.data.directives.outcomes;
  const t = props.data.targets.total;
  const items = [
    { key: "total", title: "Nhiệm vụ theo dõi", value: n(o.total), color: undefined },
    { key: "on-time", title: "Hoàn thành đúng hạn", value: n(o.done_on_time), color: OUTCOME_COLORS.done_on_time },
    { key: "late", title: "Hoàn thành trễ hạn", value: n(o.done_late), color: OUTCOME_COLORS.done_late },
    { key: "not-due", title: "Chưa đến hạn", value: n(o.not_due), color: OUTCOME_COLORS.not_due },
    { key: "overdue", title: "Quá hạn", value: n(o.overdue), color: OUTCOME_COLORS.overdue },
    { key: "share", title: "Tỷ lệ đúng hạn", value: pct(props.data.directives.onTimePercent), color: undefined },
    { key: "targets", title: "Chỉ tiêu đạt", value: `${n(t.onTrack)}/${n(t.assessable)}`, color: undefined },
  ];
  return (
    <Row gutter={[12, 12]} className="dashboard-figures">
      {items.map((x) => (
        <Col key={x.key} flex="1 1 120px">
          <Card size="small" data-testid={`figure-${x.key}`}>
            <Statistic title={x.title} value={x.value} styles={{ content: { color: x.color, fontSize: 24 } }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** No resolution sets targets for the period: say so, and offer the latest period with figures. */
function NoTargets(props: { latest: { code: string; label: string } | null; onShow: (code: string) => void }) {
  return (
    <Flex vertical gap={8} data-testid="no-targets">
      <Typography.Text type="secondary">Chưa có nghị quyết nào đặt chỉ tiêu cho kỳ này.</Typography.Text>
      {props.latest ? (
        <div>
          <Button size="small" onClick={() => props.onShow(props.latest!.code)}>
            Xem chỉ tiêu {props.latest.label.charAt(0).toLowerCase() + props.latest.label.slice(1)}
          </Button>
        </div>
      ) : (
        <Link to="/chi-tieu">Khai báo nghị quyết và chỉ tiêu</Link>
      )}
    </Flex>
  );
}

export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const period = params.get("ky") ?? undefined;
  const asOf = params.get("ngay") ?? undefined;
  const loaded = useLoad((signal) => loadDashboard(period, asOf, signal), [period, asOf]);
  const [reporting, setReporting] = useState(false);
  const data = loaded.data;

  const set = (next: { ky?: string; ngay?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.ky !== undefined) p.set("ky", next.ky);
    if (next.ngay !== undefined) {
      if (next.ngay) p.set("ngay", next.ngay);
      else p.delete("ngay");
    }
    setParams(p, { replace: true });
  };
  const open = (unitId: string) => data && navigate(unitPath(unitId, data.period.code, asOf));

  return (
    <div className="dashboard">
      <PageHeader
        title="Bảng điều hành"
        subtitle={data ? `${data.period.label} — số liệu đến hết ngày ${formatDate(data.asOf)}` : "Tình hình thực hiện nhiệm vụ và chỉ tiêu"}
        extra={
          <>
            <Select
              aria-label="Kỳ"
              showSearch
              optionFilterProp="label"
              style={{ width: 210 }}
              value={data?.period.code ?? period}
              onChange={(v) => set({ ky: v })}
              options={(data?.choices ?? []).map((c) => ({ value: c.code, label: c.label }))}
            />
            <DateField aria-label="Ngày cắt số liệu" value={asOf ?? data?.asOf ?? null} onChange={(d) => set({ ngay: d })} />
            {can("reports.generate") && (
              <Button type="primary" icon={<FileWordOutlined />} onClick={() => setReporting(true)} disabled={!data}>
                Soạn báo cáo
              </Button>
            )}
          </>
        }
      />
      {loaded.error !== null && loaded.error !== undefined ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <Flex vertical gap={12} style={{ opacity: loaded.loading ? 0.6 : 1, transition: "opacity .2s" }}>
          <Figures data={data} />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={9}>
              <Card size="small" title="Nhiệm vụ theo tình hình thực hiện">
                <OutcomeChart data={data} height={260} />
              </Card>
            </Col>
            <Col xs={24} lg={15}>
              <Card size="small" title="Nhiệm vụ quá hạn theo đơn vị chủ trì (xếp hạng)" extra={<Typography.Text type="secondary">Bấm vào một đơn vị để xem chi tiết</Typography.Text>}>
                <OverdueByUnitChart data={data} onOpen={open} height={260} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={14}>
              <Card size="small" title="Diễn biến theo tháng">
                <TrendChart data={data} height={260} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={`Chỉ tiêu — ${data.period.label}`}>
                {data.targets.resolutions.length ? (
                  <>
                    <TargetsChart data={data} />
                    {data.targets.resolutions.map((r) => (
                      <div key={r.id} data-testid="targets-line">
                        <Typography.Text strong>{r.symbol ? `Nghị quyết ${r.symbol}` : r.title}: </Typography.Text>
                        <Typography.Text>{r.line}</Typography.Text>
                      </div>
                    ))}
                  </>
                ) : (
                  <NoTargets latest={data.latestTargetPeriod} onShow={(code) => set({ ky: code })} />
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small" title="Kết quả theo đơn vị chủ trì">
            <Table
              size="small"
              rowKey="unitId"
              dataSource={data.units}
              pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
              locale={{ emptyText: "Không có nhiệm vụ nào trong kỳ." }}
              columns={[
                { title: "Hạng", dataIndex: "overdueRank", width: 64, align: "center", render: (v: number | null) => v ?? "" },
                {
                  title: "Đơn vị chủ trì",
                  dataIndex: "name",
                  sorter: (a, b) => viCollator.compare(a.name, b.name),
                  render: (name: string, u) => <Link to={unitPath(u.unitId, data.period.code, asOf)}>{name}</Link>,
                },
                { title: "Tổng số", dataIndex: "total", align: "right", width: 90, sorter: (a, b) => a.total - b.total, render: n },
                { title: "Đúng hạn", dataIndex: "done_on_time", align: "right", width: 90, render: n },
                { title: "Trễ hạn", dataIndex: "done_late", align: "right", width: 90, render: n },
                { title: "Chưa đến hạn", dataIndex: "not_due", align: "right", width: 110, render: n },
                {
                  title: "Quá hạn",
                  dataIndex: "overdue",
                  align: "right",
                  width: 90,
                  defaultSortOrder: "descend",
                  sorter: (a, b) => a.overdue - b.overdue,
                  render: (v: number) => (v ? <Tag color="red">{n(v)}</Tag> : "0"),
                },
                { title: "Tỷ lệ đúng hạn", dataIndex: "onTimePercent", align: "right", width: 120, sorter: (a, b) => (a.onTimePercent ?? -1) - (b.onTimePercent ?? -1), render: pct },
              ]}
            />
          </Card>
        </Flex>
      )}
      <ReportDialog open={reporting} onClose={() => setReporting(false)} period={data?.period.code} asOf={asOf} />
    </div>
  );
}
