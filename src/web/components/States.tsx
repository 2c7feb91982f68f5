// What a screen shows while it waits, when it failed, and when there is nothing yet.
import { Alert, Button, Empty, Flex, Spin } from "antd";
import type { ReactNode } from "react";
import { errorMessage } from "../api/client.ts";

export function Loading(props: { label?: string }) {
  return (
    <Flex justify="center" align="center" style={{ padding: 48 }} role="status">
      <Spin description={props.label ?? "Đang tải…"} />
    </Flex>
  );
}

export function LoadError(props: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="Không tải được dữ liệu"
      description={errorMessage(props.error)}
      action={
        props.onRetry && (
          <Button size="small" onClick={props.onRetry}>
            Thử lại
          </Button>
        )
      }
    />
  );
}

export function EmptyState(props: { description: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.description}>
      {props.children}
    </Empty>
  );
}
