// What an administrator can do to the selected unit.
import { DownOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";

export type UnitAction = "rename" | "move" | "edit" | "abolish" | "split" | "correct";

export const ACTION_LABELS: Record<Exclude<UnitAction, "correct">, string> = {
  rename: "Đổi tên",
  move: "Chuyển trực thuộc",
  edit: "Sửa loại, tên viết tắt, tên khác",
  split: "Chia tách",
  abolish: "Giải thể, kết thúc hoạt động",
};

export function UnitActions(props: { onAction(action: UnitAction): void }) {
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "rename", label: ACTION_LABELS.rename },
          { key: "move", label: ACTION_LABELS.move },
          { key: "edit", label: ACTION_LABELS.edit },
          { key: "split", label: ACTION_LABELS.split },
          { type: "divider" },
          { key: "abolish", label: ACTION_LABELS.abolish, danger: true },
        ],
        onClick: ({ key }) => props.onAction(key as UnitAction),
      }}
    >
      <Button type="primary">
        Ghi nhận thay đổi <DownOutlined />
      </Button>
    </Dropdown>
  );
}
