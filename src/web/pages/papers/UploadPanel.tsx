// Dropping papers in: each file is uploaded with a progress bar, then read and
// recognised by the server; the result links to the review screen.
import { CheckCircleTwoTone, InboxOutlined, LockOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Progress, Typography, Upload } from "antd";
import { useRef, useState } from "react";
import { Link } from "react-router";
import type { PaperUpload } from "../../../domain/api/papers.ts";
import { formatBytes, formatDate } from "../../../domain/format.ts";
import { paperKindLabel } from "../../../domain/papers.ts";
import { papersApi } from "./api.ts";
import { errorMessage } from "./errors.ts";
import { paperPath } from "./paths.ts";

const { Text } = Typography;
const ACCEPT = ".docx,.doc,.pdf,.txt";

interface UploadRow {
  id: number;
  file: File;
  progress: number;
  state: "uploading" | "reading" | "done" | "failed";
  result?: PaperUpload;
  error?: string;
}

let nextRow = 1;

export function UploadPanel(props: { onUploaded: () => void }) {
  const [rows, setRows] = useState<UploadRow[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const patch = (id: number, p: Partial<UploadRow>) => setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...p } : r)));

  const start = (file: File) => {
    const id = nextRow++;
    setRows((rs) => [{ id, file, progress: 0, state: "uploading" }, ...rs]);
    // One at a time: reading a paper takes the server a moment, and office machines share one line.
    queue.current = queue.current.then(async () => {
      try {
        const result = await papersApi.upload(file, (f) => {
          patch(id, { progress: Math.round(f * 100), state: f >= 1 ? "reading" : "uploading" });
        });
        patch(id, { state: "done", progress: 100, result });
        props.onUploaded();
      } catch (e) {
        patch(id, { state: "failed", error: errorMessage(e) });
      }
    });
  };

  return (
    <div>
      <Upload.Dragger
        multiple
        accept={ACCEPT}
        showUploadList={false}
        beforeUpload={(file) => {
          start(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">Kéo thả văn bản vào đây, hoặc bấm để chọn tệp</p>
        <p className="ant-upload-hint">Tệp .docx, .doc, .pdf hoặc .txt. Hệ thống đọc nội dung, nhận diện nhiệm vụ, chỉ số và văn bản dẫn chiếu để bạn rà soát.</p>
      </Upload.Dragger>
      {rows.length > 0 && (
        <div className="upload-list" aria-label="Các tệp đang tải lên">
          {rows.map((r) => (
            <div key={r.id} className="upload-row" data-state={r.state}>
              <Flex justify="space-between" align="center" gap={12} wrap>
                <Text strong ellipsis style={{ maxWidth: 420 }}>
                  {r.file.name}
                </Text>
                <Text type="secondary">{formatBytes(r.file.size)}</Text>
              </Flex>
              {(r.state === "uploading" || r.state === "reading") && (
                <>
                  <Progress percent={r.progress} status="active" size="small" aria-label={`Tiến độ tải lên ${r.file.name}`} />
                  <Text type="secondary">{r.state === "uploading" ? `Đang tải lên… ${r.progress}%` : "Đã tải lên; đang đọc và nhận diện nội dung…"}</Text>
                </>
              )}
              {r.state === "failed" && <Alert type="error" showIcon title={r.error} style={{ marginTop: 6 }} />}
              {r.state === "done" && r.result && (
                <Flex align="center" justify="space-between" gap={12} wrap style={{ marginTop: 6 }}>
                  <span>
                    {r.result.paper.classification !== "none" ? <LockOutlined style={{ color: "#cf1322" }} /> : <CheckCircleTwoTone twoToneColor="#52c41a" />}{" "}
                    <Text>
                      {paperKindLabel(r.result.paper.kind)} {r.result.paper.symbol ?? "(chưa có số)"}
                      {r.result.paper.issuedOn ? ` ngày ${formatDate(r.result.paper.issuedOn)}` : ""}
                    </Text>
                    {r.result.counts && r.result.paper.classification === "none" && (
                      <Text type="secondary">
                        {" "}
                        — {r.result.counts.directives} nhiệm vụ, {r.result.counts.facts} chỉ số, {r.result.counts.references} văn bản dẫn chiếu
                      </Text>
                    )}
                  </span>
                  <Link to={paperPath(r.result.paper.id)}>
                    <Button type="primary">{r.result.paper.classification !== "none" ? "Xem đăng ký" : "Rà soát"}</Button>
                  </Link>
                </Flex>
              )}
              {r.state === "done" &&
                r.result?.notices.map((n) => <Alert key={n} type="warning" showIcon title={n} style={{ marginTop: 6 }} />)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
