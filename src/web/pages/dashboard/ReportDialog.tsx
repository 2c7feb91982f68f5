// Drafting a report from the browser: choose what (the work-results report of a period, or a
// conclusion notice from a paper's directives), the cut-off and the format; the server drafts it
// as a background job, this dialog shows its progress and offers the file when it is done.
import { DownloadOutlined, FileWordOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Form, Modal, Progress, Radio, Select, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import type { JobView } from "../../../domain/api/jobs.ts";
import type { ReportFormat, ReportKind } from "../../../domain/api/reports.ts";
import { formatDate } from "../../../domain/format.ts";
import { download, errorMessage } from "../../api/client.ts";
import { DateField } from "../../components/DateField.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { loadJob, loadReportOptions, startConclusion, startWorkResults } from "./api.ts";

/** What the dialog shows of a job: the server's answer, or a stand-in until the first one. */
type Job = Omit<JobView, "createdAt" | "finishedAt">;

export function ReportDialog(props: { open: boolean; onClose: () => void; period?: string; asOf?: string; onDone?: () => void }) {
  const options = useLoad((signal) => loadReportOptions(signal), []);
  const [kind, setKind] = useState<ReportKind>("work_results");
  const [period, setPeriod] = useState<string | undefined>(props.period);
  const [asOf, setAsOf] = useState<string | null>(props.asOf ?? null);
  const [format, setFormat] = useState<ReportFormat>("docx");
  const [paperId, setPaperId] = useState<string | undefined>(undefined);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const polling = useRef<AbortController | null>(null);

  useEffect(() => {
    if (props.open) {
      setPeriod(props.period);
      setAsOf(props.asOf ?? null);
    }
  }, [props.open, props.period, props.asOf]);
  useEffect(() => () => polling.current?.abort(), []);

  const reset = () => {
    polling.current?.abort();
    setJob(null);
    setError(null);
    setSaved(null);
  };

  const follow = async (jobId: string) => {
    const controller = new AbortController();
    polling.current = controller;
    for (;;) {
      const j = await loadJob(jobId, controller.signal);
      if (controller.signal.aborted) return;
      setJob(j);
      if (j.status === "done" || j.status === "failed") {
        if (j.status === "done") props.onDone?.();
        return;
      }
      await new Promise((r) => setTimeout(r, 600));
      if (controller.signal.aborted) return;
    }
  };

  const start = async () => {
    reset();
    setStarting(true);
    try {
      const started =
        kind === "work_results" ? await startWorkResults({ period: period!, asOf: asOf ?? undefined, format }) : await startConclusion({ paperId: paperId!, format: format === "xlsx" ? "docx" : format });
      setJob({ id: started.jobId, kind, status: "queued", progress: 0, message: "Đang chờ xử lý …", error: null, result: null, downloadUrl: null });
      await follow(started.jobId);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError")) setError(e);
    } finally {
      setStarting(false);
    }
  };

  const close = () => {
    reset();
    props.onClose();
  };

  const running = job !== null && (job.status === "queued" || job.status === "running");
  const periods = options.data?.periods ?? [];
  const papers = options.data?.papers ?? [];
  const ready = kind === "work_results" ? Boolean(period) : Boolean(paperId);

  return (
    <Modal
      open={props.open}
      title="Soạn báo cáo"
      onCancel={close}
      width={620}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close}>Đóng</Button>
          <Button type="primary" icon={<FileWordOutlined />} onClick={start} loading={starting || running} disabled={!ready}>
            Soạn báo cáo
          </Button>
        </Flex>
      }
    >
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label="Loại văn bản">
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button">
            <Radio.Button value="work_results">Báo cáo kết quả thực hiện nhiệm vụ</Radio.Button>
            <Radio.Button value="conclusion">Dự thảo thông báo kết luận</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {kind === "work_results" ? (
          <Flex gap={16} wrap>
            <Form.Item label="Kỳ báo cáo" htmlFor="report-period" style={{ minWidth: 240 }}>
              <Select id="report-period" value={period} onChange={setPeriod} options={periods.map((p) => ({ value: p.code, label: p.label }))} placeholder="Chọn kỳ" />
            </Form.Item>
            <Form.Item label="Số liệu đến hết ngày" htmlFor="report-asof" extra="Cùng ngày cắt số liệu cho cùng một báo cáo.">
              <DateField id="report-asof" value={asOf} onChange={setAsOf} aria-label="Số liệu đến hết ngày" placeholder={options.data ? formatDate(options.data.today) : undefined} />
            </Form.Item>
          </Flex>
        ) : (
          <Form.Item label="Văn bản có các nhiệm vụ (kết luận của cuộc họp)" htmlFor="report-paper">
            <Select
              id="report-paper"
              showSearch
              optionFilterProp="label"
              value={paperId}
              onChange={setPaperId}
              placeholder={papers.length ? "Chọn văn bản" : "Chưa có văn bản đã xác nhận có nhiệm vụ"}
              options={papers.map((p) => ({
                value: p.id,
                label: `${p.symbol ?? "(chưa có số)"}${p.issuedOn ? ` ngày ${formatDate(p.issuedOn)}` : ""} — ${p.title ?? ""} (${p.directives} nhiệm vụ)`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item label="Định dạng">
          <Radio.Group value={format} onChange={(e) => setFormat(e.target.value)}>
            <Radio value="docx">Word (.docx)</Radio>
            <Radio value="pdf">PDF</Radio>
            {kind === "work_results" && <Radio value="xlsx">Bảng số liệu Excel (.xlsx)</Radio>}
          </Radio.Group>
        </Form.Item>
      </Form>
      {job && (
        <div data-testid="report-job" aria-live="polite">
          <Progress
            percent={Math.round(job.progress * 100)}
            status={job.status === "failed" ? "exception" : job.status === "done" ? "success" : "active"}
            aria-label="Tiến độ soạn báo cáo"
          />
          <Typography.Text type="secondary">
            {job.status === "done" ? "Đã soạn xong." : job.status === "failed" ? "Không soạn được báo cáo." : (job.message ?? "Đang xử lý …")}
          </Typography.Text>
          {job.status === "failed" && <Alert style={{ marginTop: 8 }} type="error" showIcon title={job.error ?? "Đã xảy ra lỗi khi soạn báo cáo."} />}
          {job.status === "done" && job.downloadUrl && (
            <Flex align="center" gap={12} style={{ marginTop: 12 }}>
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                onClick={async () => {
                  try {
                    setSaved(await download(job.downloadUrl!, job.result?.name ?? "bao-cao.docx"));
                  } catch (e) {
                    setError(e);
                  }
                }}
              >
                Tải về
              </Button>
              <Typography.Text>{saved ? `Đã tải: ${saved}` : job.result?.name}</Typography.Text>
            </Flex>
          )}
        </div>
      )}
      {error !== null && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorMessage(error)} />}
    </Modal>
  );
}
