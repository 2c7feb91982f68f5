// Reports drafted so far, newest first, each downloadable again; and the dialog to draft one.
import { DownloadOutlined, FileWordOutlined } from "@ant-design/icons";
import { Button, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { formatBytes, formatDate, formatDateTime } from "../../../domain/format.ts";
import { download } from "../../api/client.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { loadReports } from "../dashboard/api.ts";
import { ReportDialog } from "../dashboard/ReportDialog.tsx";

const FORMAT_LABELS = { docx: "Word", pdf: "PDF", xlsx: "Excel" } as const;

export default function ReportsPage() {
  const list = useLoad((signal) => loadReports(signal), []);
  const [open, setOpen] = useState(false);
  return (
    <div>
      <PageHeader
        title="Báo cáo"
        subtitle="Báo cáo kết quả thực hiện nhiệm vụ (sơ kết 6, 9 tháng, tổng kết năm, quý) và dự thảo thông báo kết luận, soạn từ dữ liệu theo dõi theo thể thức văn bản của Đảng."
        extra={
          <Button type="primary" icon={<FileWordOutlined />} onClick={() => setOpen(true)}>
            Soạn báo cáo
          </Button>
        }
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={list.loading && !list.data}
          dataSource={list.data?.reports ?? []}
          locale={{ emptyText: "Chưa soạn báo cáo nào." }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: "Thời điểm soạn", dataIndex: "createdAt", width: 150, render: (v: string) => formatDateTime(v) },
            { title: "Loại", dataIndex: "kindLabel", width: 220 },
            { title: "Tên tệp", dataIndex: "fileName", render: (v: string, r) => <Typography.Text>{v ?? r.title}</Typography.Text> },
            { title: "Số liệu đến", dataIndex: "asOf", width: 110, render: (v: string | null) => (v ? formatDate(v) : "") },
            { title: "Định dạng", dataIndex: "format", width: 90, render: (v: keyof typeof FORMAT_LABELS) => <Tag>{FORMAT_LABELS[v]}</Tag> },
            { title: "Dung lượng", dataIndex: "size", width: 100, align: "right", render: (v: number | null) => (v ? formatBytes(v) : "") },
            { title: "Người soạn", dataIndex: "createdBy", width: 170 },
            {
              title: "",
              width: 110,
              render: (_v, r) => (
                <Button size="small" icon={<DownloadOutlined />} onClick={() => download(r.downloadUrl, r.fileName ?? "bao-cao")}>
                  Tải về
                </Button>
              ),
            },
          ]}
        />
      )}
      <ReportDialog open={open} onClose={() => setOpen(false)} onDone={list.reload} />
    </div>
  );
}
