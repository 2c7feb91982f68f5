// The office's inbox: requests from the units (completion, extension, suspension, withdrawal)
// waiting for a decision, oldest first; each opens the directive where the decision is taken.
import { Card, Tag, Typography } from "antd";
import { Link } from "react-router";
import { REQUEST_LABELS } from "../../../domain/directives.ts";
import { formatDate } from "../../../domain/format.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError, Loading } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { DIRECTIVES_PATH, directivePath, directivesApi } from "./api.ts";
import { Items } from "./widgets.tsx";

export default function RequestsPage() {
  const list = useLoad(() => directivesApi.requests(), []);
  return (
    <div>
      <PageHeader title="Đề nghị chờ quyết định" subtitle={<span><Link to={DIRECTIVES_PATH}>Bảng theo dõi</Link> · Đề nghị của các đơn vị, cũ nhất trước.</span>} />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <Card size="small">
          <Items
            items={list.data.requests}
            empty="Không có đề nghị nào đang chờ."
            render={(r) => ({
              key: r.id,
              title: (
                <span>
                  <Tag color="gold">{REQUEST_LABELS[r.kind]}</Tag>
                  <Link to={directivePath(r.directiveId)}>{r.content.slice(0, 160)}</Link>
                </span>
              ),
              description: (
                <Typography.Text type="secondary">
                  {r.leadUnitName} · gửi ngày {formatDate(r.requested_on)}
                  {r.reason ? ` · ${r.reason}` : ""}
                  {r.result ? ` · Kết quả: ${r.result}` : ""}
                </Typography.Text>
              ),
            })}
          />
        </Card>
      )}
    </div>
  );
}
