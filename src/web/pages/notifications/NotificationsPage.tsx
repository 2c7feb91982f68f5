// In-app notices: reminders before and after deadlines, urgings, decisions, new assignments.
// (The app's banner has no slot for a bell yet: the notices live on this page.)
import { App, Badge, Button, Card, Segmented, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../../../domain/format.ts";
import { errorMessage } from "../../api/client.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { LoadError, Loading } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { directivesApi } from "../directives/api.ts";
import "../directives/directives.css";
import { Items } from "../directives/widgets.tsx";

export default function NotificationsPage() {
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(true);
  const list = useLoad(() => directivesApi.notices(unreadOnly), [unreadOnly]);
  const markAll = async () => {
    try {
      await directivesApi.readAll();
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <div>
      <PageHeader
        title="Thông báo"
        subtitle={list.data ? `${list.data.unread} thông báo chưa đọc.` : undefined}
        extra={
          <>
            <Segmented value={unreadOnly ? "unread" : "all"} onChange={(v) => setUnreadOnly(v === "unread")} options={[{ value: "unread", label: "Chưa đọc" }, { value: "all", label: "Tất cả" }]} />
            <Button onClick={() => void markAll()} disabled={!list.data?.unread}>
              Đánh dấu đã đọc tất cả
            </Button>
          </>
        }
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <Card size="small">
          <Items
            items={list.data.items}
            empty={unreadOnly ? "Không có thông báo chưa đọc." : "Chưa có thông báo."}
            testId="notices"
            render={(n) => ({
              key: n.id,
              title: (
                <span>
                  {!n.readAt && <Badge status="processing" />} {n.link ? <Link to={n.link} onClick={() => void directivesApi.readNotice(n.id).catch(() => {})}>{n.title}</Link> : n.title}
                </span>
              ),
              description: (
                <>
                  <div style={{ whiteSpace: "pre-wrap" }}>{n.body}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </>
              ),
              actions: n.readAt ? undefined : (
                <Button size="small" type="link" onClick={() => void directivesApi.readNotice(n.id).then(list.reload, (e) => message.error(errorMessage(e)))}>
                  Đã đọc
                </Button>
              ),
            })}
          />
        </Card>
      )}
    </div>
  );
}
