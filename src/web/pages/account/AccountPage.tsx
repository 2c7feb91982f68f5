// The signed-in user's own account: who they are, and changing their password.
import { Alert, App, Button, Card, Descriptions, Form, Input } from "antd";
import { useState } from "react";
import { api, ApiError, errorMessage } from "../../api/client.ts";
import { useMe } from "../../auth/session.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function AccountPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    setDone(false);
    try {
      await api.post("/api/account/password", { currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      setDone(true);
      message.success("Đã đổi mật khẩu.");
    } catch (e) {
      if (e instanceof ApiError && e.code === "wrong_password") {
        form.setFields([{ name: "currentPassword", errors: [e.message] }]);
      } else if (e instanceof ApiError && e.code === "weak_password") {
        form.setFields([{ name: "newPassword", errors: [e.message] }]);
      } else {
        setProblem(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title="Tài khoản của tôi" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: "name", label: "Họ và tên", children: me.fullName },
            { key: "username", label: "Tên đăng nhập", children: me.username },
            { key: "email", label: "Thư điện tử", children: me.email ?? "—" },
            { key: "role", label: "Vai trò", children: me.roleLabel },
          ]}
        />
      </Card>
      <Card title="Đổi mật khẩu">
        {done && (
          <Alert
            type="success"
            showIcon
            title="Đã đổi mật khẩu"
            description="Các thiết bị khác đang đăng nhập bằng mật khẩu cũ đã được đăng xuất."
            style={{ marginBottom: 16 }}
          />
        )}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} disabled={busy} style={{ maxWidth: 420 }} requiredMark={false}>
          <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: "Hãy nhập mật khẩu hiện tại." }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="Mật khẩu mới"
            name="newPassword"
            extra="Ít nhất 8 ký tự, không chứa tên đăng nhập, không dễ đoán."
            rules={[{ required: true, message: "Hãy nhập mật khẩu mới." }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="Nhập lại mật khẩu mới"
            name="confirm"
            dependencies={["newPassword"]}
            rules={[
              { required: true, message: "Hãy nhập lại mật khẩu mới." },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue("newPassword") ? Promise.resolve() : Promise.reject(new Error("Hai lần nhập mật khẩu mới không khớp.")),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            Đổi mật khẩu
          </Button>
        </Form>
      </Card>
    </div>
  );
}
