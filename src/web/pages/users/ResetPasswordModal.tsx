import { Form, Typography } from "antd";
import type { UserView } from "../../../domain/api/users.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { usersApi } from "./api.ts";
import { PASSWORD_RULES, PasswordInput } from "./PasswordInput.tsx";

export function ResetPasswordModal(props: { user: UserView | null; onClose(): void; onDone(): void }) {
  const u = props.user;
  return (
    <FormModal<{ newPassword: string }>
      open={u !== null}
      title={u ? `Đặt lại mật khẩu: ${u.fullName}` : ""}
      okText="Đặt lại mật khẩu"
      onCancel={props.onClose}
      onSubmit={async (v) => {
        if (!u) return;
        await usersApi.resetPassword(u.id, v.newPassword);
        props.onDone();
      }}
    >
      <Typography.Paragraph type="secondary">
        Tài khoản được mở khóa và mọi phiên đăng nhập của người này kết thúc. Hãy báo mật khẩu mới cho họ qua kênh an toàn.
      </Typography.Paragraph>
      <Form.Item label="Mật khẩu mới" name="newPassword" rules={PASSWORD_RULES}>
        <PasswordInput />
      </Form.Item>
    </FormModal>
  );
}
