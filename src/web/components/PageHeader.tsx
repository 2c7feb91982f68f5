// The top of every screen: its title, a sentence on what it is for, and its main actions.
import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

export function PageHeader(props: { title: string; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap className="page-header">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        {props.subtitle && <Typography.Text type="secondary">{props.subtitle}</Typography.Text>}
      </div>
      {props.extra && (
        <Flex gap={8} wrap>
          {props.extra}
        </Flex>
      )}
    </Flex>
  );
}
