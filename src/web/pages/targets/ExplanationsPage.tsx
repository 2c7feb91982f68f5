// Explanation requests (yêu cầu giải trình): the office and leaders see every request; a unit
// sees those sent to it and answers them here.
import { Card, Segmented } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { ExplanationView } from "../../../domain/api/targets.ts";
import type { ExplanationStatus } from "../../../domain/targets.ts";
import { useSession } from "../../auth/session.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { EmptyState, LoadError, Loading } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { targetsApi } from "./api.ts";
import { AnswerModal, ExplanationItem } from "./TargetPage.tsx";
import { TARGETS_PATH } from "./widgets.tsx";

export default function ExplanationsPage() {
  const { can } = useSession();
  const [status, setStatus] = useState<ExplanationStatus | "all">("open");
  const [answering, setAnswering] = useState<ExplanationView | null>(null);
  const list = useLoad(() => targetsApi.explanations(status === "all" ? undefined : status), [status]);
  return (
    <div>
      <PageHeader
        title="Yêu cầu giải trình"
        subtitle={
          <span>
            <Link to={TARGETS_PATH}>Chỉ tiêu</Link> · {can("targets.explain") ? "Các yêu cầu Văn phòng gửi đơn vị về chỉ tiêu chưa đạt tiến độ." : "Yêu cầu gửi đơn vị chủ trì các chỉ tiêu chưa đạt tiến độ, và nội dung giải trình."}
          </span>
        }
        extra={
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as ExplanationStatus | "all")}
            options={[
              { value: "open", label: "Chờ giải trình" },
              { value: "answered", label: "Đã giải trình" },
              { value: "closed", label: "Đã kết thúc" },
              { value: "all", label: "Tất cả" },
            ]}
          />
        }
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <Card size="small">
          {list.data.explanations.length ? (
            list.data.explanations.map((e) => <ExplanationItem key={e.id} e={e} showTarget canClose={can("targets.request_explanation")} onAnswer={setAnswering} onChanged={list.reload} />)
          ) : (
            <EmptyState description="Không có yêu cầu giải trình." />
          )}
        </Card>
      )}
      <AnswerModal
        explanation={answering}
        onClose={() => setAnswering(null)}
        onSaved={() => {
          setAnswering(null);
          list.reload();
        }}
      />
    </div>
  );
}
