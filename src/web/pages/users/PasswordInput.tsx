// A password box for an administrator: type one, or let the app make one up (then it is shown,
// so it can be handed to the person).
import { ThunderboltOutlined } from "@ant-design/icons";
import { Button, Input, Space } from "antd";
import { useState } from "react";
import { randomPassword } from "./api.ts";

export function PasswordInput(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Input.Password
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange?.(e.target.value)}
        autoComplete="new-password"
        visibilityToggle={{ visible, onVisibleChange: setVisible }}
      />
      <Button
        icon={<ThunderboltOutlined />}
        onClick={() => {
          props.onChange?.(randomPassword());
          setVisible(true);
        }}
      >
        Tạo ngẫu nhiên
      </Button>
    </Space.Compact>
  );
}

export const PASSWORD_RULES = [
  { required: true, message: "Hãy nhập mật khẩu." },
  { min: 8, message: "Mật khẩu phải có ít nhất 8 ký tự." },
  { max: 200, message: "Mật khẩu quá dài (tối đa 200 ký tự)." },
];
