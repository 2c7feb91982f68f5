// Imports a tree file (.json in the "dondoc-units" format, or the Excel workbook the export
// writes). The server adds what is new and refuses the whole file when anything is wrong,
// listing every problem.
import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Modal, Progress, Typography, Upload } from "antd";
import { useRef, useState } from "react";
import type { ImportSummary } from "../../../domain/api/units.ts";
import { formatBytes, formatNumber } from "../../../domain/format.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import { unitsApi } from "./api.ts";

type State =
  | { step: "choose" }
  | { step: "sending"; fraction: number }
  | { step: "done"; summary: ImportSummary }
  | { step: "failed"; message: string; problems: string[] };

export function ImportModal(props: { open: boolean; onClose(imported: boolean): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: "choose" });
  const abort = useRef<AbortController | null>(null);

  const reset = () => {
    setFile(null);
    setState({ step: "choose" });
  };
  const close = () => {
    abort.current?.abort();
    const imported = state.step === "done";
    reset();
    props.onClose(imported);
  };

  const send = async () => {
    if (!file) return;
    abort.current = new AbortController();
    setState({ step: "sending", fraction: 0 });
    try {
      const summary = await unitsApi.import(file, (fraction) => setState({ step: "sending", fraction }), abort.current.signal);
      setState({ step: "done", summary });
    } catch (e) {
      if (e instanceof DOMException && e.name === "AbortError") return;
      const problems = e instanceof ApiError ? [...e.problems, ...e.fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message))] : [];
      const message = e instanceof ApiError && e.code === "invalid_input" ? "Tệp không đúng định dạng cây tổ chức của dondoc; chưa nhập gì." : errorMessage(e);
      setState({ step: "failed", message, problems });
    }
  };

  const footer =
    state.step === "done"
      ? [
          <Button key="close" type="primary" onClick={close}>
            Đóng
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={close}>
            {state.step === "sending" ? "Hủy tải lên" : "Đóng"}
          </Button>,
          <Button key="send" type="primary" disabled={!file || state.step === "sending"} loading={state.step === "sending"} onClick={() => void send()}>
            Nhập dữ liệu
          </Button>,
        ];

  return (
    <Modal open={props.open} title="Nhập cây tổ chức từ tệp" onCancel={close} footer={footer} width={620} destroyOnHidden mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">
        Tệp JSON (định dạng dondoc) hoặc Excel .xlsx có cùng cấu trúc như tệp xuất ra. Việc nhập chỉ thêm đơn vị, giai đoạn và thay đổi mới,
        không xóa gì; nếu tệp có lỗi thì không nhập phần nào.
      </Typography.Paragraph>
      {state.step !== "done" && (
        <Upload.Dragger
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={state.step === "sending"}
          beforeUpload={(f) => {
            setFile(f);
            setState({ step: "choose" });
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? `${file.name} (${formatBytes(file.size)})` : "Kéo tệp vào đây hoặc bấm để chọn tệp"}</p>
          <p className="ant-upload-hint">{file ? "Bấm để chọn tệp khác" : ".json hoặc .xlsx"}</p>
        </Upload.Dragger>
      )}
      {state.step === "sending" && (
        <div style={{ marginTop: 16 }}>
          <Progress percent={Math.round(state.fraction * 100)} status="active" />
          <Typography.Text type="secondary">{state.fraction < 1 ? "Đang tải tệp lên…" : "Đang kiểm tra và nhập dữ liệu…"}</Typography.Text>
        </div>
      )}
      {state.step === "failed" && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 16 }}
          title={state.message}
          description={
            state.problems.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 220, overflow: "auto" }} data-testid="import-problems">
                {state.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      {state.step === "done" && (
        <Alert
          type="success"
          showIcon
          title="Đã nhập xong"
          description={
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: "u", label: "Đơn vị mới", children: formatNumber(state.summary.unitsCreated) },
                { key: "v", label: "Giai đoạn hiệu lực mới", children: formatNumber(state.summary.versionsCreated) },
                { key: "c", label: "Giai đoạn được sửa", children: formatNumber(state.summary.versionsCorrected) },
                { key: "ch", label: "Thay đổi mới", children: formatNumber(state.summary.changesCreated) },
                { key: "s", label: "Không thay đổi", children: formatNumber(state.summary.unchanged) },
              ]}
            />
          }
        />
      )}
    </Modal>
  );
}
