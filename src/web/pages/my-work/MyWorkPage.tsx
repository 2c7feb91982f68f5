// "Việc của tôi": what the user's units owe (and what was passed to the user), overdue on
// top, then the soonest deadline; what they support below. For the office and leaders: the
// directives they follow or are in charge of.
import { Card, Flex, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { SheetRow } from "../../../domain/api/directives.ts";
import { formatDate, todayInVietnam } from "../../../domain/format.ts";
import { DateField } from "../../components/DateField.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError, Loading } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { directivePath, directivesApi } from "../directives/api.ts";
import "../directives/directives.css";
import { Ellipsis, ProgressText, StatusTag, TimelinessTag } from "../directives/widgets.tsx";

function WorkTable(props: { rows: SheetRow[]; empty: string; testId: string }) {
  return (
    <Table<SheetRow>
      rowKey="id"
      size="small"
      data-testid={props.testId}
      dataSource={props.rows}
      pagination={false}
      rowClassName={(r) => (r.timeliness === "overdue" ? "dir-row-overdue" : "")}
      locale={{ emptyText: props.empty }}
      columns={[
        {
          title: "Nhiệm vụ",
          key: "content",
          render: (_, r) => (
            <div>
              <Link to={directivePath(r.id)} className="dir-link">
                <Ellipsis text={r.content} lines={2} />
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.leadUnitName}
                {r.paperSymbol ? ` · mục ${r.ordinal}, ${r.paperSymbol}` : ""}
              </Typography.Text>
            </div>
          ),
        },
        { title: "Thời hạn", key: "deadline", width: 130, render: (_, r) => r.deadlineText },
        {
          title: "Tình trạng",
          key: "t",
          width: 230,
          render: (_, r) => (
            <Flex gap={4} wrap>
              <TimelinessTag timeliness={r.timeliness} daysLeft={r.daysLeft} />
              <StatusTag status={r.status} />
            </Flex>
          ),
        },
        { title: "Tiến độ", key: "p", width: 80, render: (_, r) => <ProgressText progress={r.progress} /> },
        { title: "Báo cáo gần nhất", key: "last", width: 130, render: (_, r) => (r.lastReportOn ? formatDate(r.lastReportOn) : "Chưa báo cáo") },
      ]}
    />
  );
}

export default function MyWorkPage() {
  const [asOf, setAsOf] = useState(todayInVietnam());
  const work = useLoad(() => directivesApi.myWork(asOf), [asOf]);
  return (
    <div>
      <PageHeader
        title="Việc của tôi"
        subtitle={`Nhiệm vụ đơn vị đang chủ trì, quá hạn lên đầu, hạn gần trước — tính đến ngày ${formatDate(asOf)}.`}
        extra={<DateField aria-label="Tính đến ngày" value={asOf} onChange={(v) => v && setAsOf(v)} />}
      />
      {work.error ? (
        <LoadError error={work.error} onRetry={work.reload} />
      ) : !work.data ? (
        <Loading />
      ) : (
        <>
          <Flex gap={24} style={{ marginBottom: 12 }} wrap>
            <Card size="small">
              <Statistic title="Quá hạn" value={work.data.counts.overdue} styles={{ content: { color: work.data.counts.overdue ? "#cf1322" : undefined } }} />
            </Card>
            <Card size="small">
              <Statistic title="Sắp đến hạn" value={work.data.counts.dueSoon} styles={{ content: { color: work.data.counts.dueSoon ? "#d46b08" : undefined } }} />
            </Card>
            <Card size="small">
              <Statistic title="Chờ Văn phòng xác nhận" value={work.data.counts.awaiting} />
            </Card>
            <Card size="small">
              <Statistic title="Tổng số đang thực hiện" value={work.data.counts.total} />
            </Card>
          </Flex>
          <Card size="small" title="Đơn vị chủ trì" style={{ marginBottom: 12 }}>
            <WorkTable rows={work.data.lead} empty="Không có nhiệm vụ nào đang phải thực hiện." testId="my-work-lead" />
          </Card>
          {work.data.partner.length > 0 && (
            <Card size="small" title="Đơn vị phối hợp">
              <WorkTable rows={work.data.partner} empty="" testId="my-work-partner" />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
