// Sign-in: user name and password; the server's Vietnamese answer when it fails
// (wrong credentials, account locked until a time, too many attempts from this machine).
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, type InputRef, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiError, errorMessage } from "../../api/client.ts";
import { HOME_PATH } from "../../app/paths.ts";
import { BRAND } from "../../app/theme.ts";
import { useSession } from "../../auth/session.tsx";
import { Loading } from "../../components/States.tsx";
import "./login.css";

interface Problem {
  type: "error" | "warning";
  title: string;
  text: string;
}

function problemOf(e: unknown): Problem {
  if (e instanceof ApiError) {
    if (e.code === "locked") return { type: "warning", title: "Tài khoản đang tạm khóa", text: e.message };
    if (e.code === "too_many_attempts") return { type: "warning", title: "Quá nhiều lần đăng nhập sai", text: e.message };
    if (e.code === "wrong_credentials") return { type: "error", title: "Không đăng nhập được", text: e.message };
  }
  return { type: "error", title: "Không đăng nhập được", text: errorMessage(e) };
}

export default function LoginPage() {
  const { me, login, endedMessage } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const usernameRef = useRef<InputRef>(null);
  const passwordRef = useRef<InputRef>(null);
  const from = (location.state as { from?: string } | null)?.from;

  useEffect(() => {
    if (me === null) usernameRef.current?.focus();
  }, [me]);

  if (me === undefined) return <Loading />;
  if (me && !busy) return <Navigate to={from ?? HOME_PATH} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(from && from !== "/dang-nhap" ? from : HOME_PATH, { replace: true });
    } catch (e) {
      setBusy(false);
      setProblem(problemOf(e));
      form.setFieldValue("password", "");
      // Wrong password: straight back to the password, ready to type again.
      setTimeout(() => passwordRef.current?.focus(), 0);
    }
  };

  return (
    <div className="login-page">
      <div className="login-box">
        <div className="login-brand" style={{ background: BRAND.banner }}>
          <div className="login-star" aria-hidden>
            ★
          </div>
          <div>
            <div className="login-product">dondoc</div>
            <div className="login-tagline" style={{ color: BRAND.gold }}>
              Theo dõi, đôn đốc thực hiện nhiệm vụ
            </div>
          </div>
        </div>
        <Card variant="borderless" className="login-card">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            Đăng nhập
          </Typography.Title>
          {endedMessage && !problem && <Alert type="info" showIcon title={endedMessage} style={{ marginBottom: 16 }} />}
          {problem && (
            <Alert
              type={problem.type}
              showIcon
              title={problem.title}
              description={problem.text}
              style={{ marginBottom: 16 }}
              role="alert"
              data-testid="login-error"
            />
          )}
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={busy} autoComplete="on">
            <Form.Item
              label="Tên đăng nhập"
              name="username"
              rules={[{ required: true, whitespace: true, message: "Hãy nhập tên đăng nhập." }]}
            >
              <Input ref={usernameRef} prefix={<UserOutlined />} autoComplete="username" size="large" autoCapitalize="none" spellCheck={false} />
            </Form.Item>
            <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: "Hãy nhập mật khẩu." }]}>
              <Input.Password ref={passwordRef} prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>
              Đăng nhập
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
            Quên mật khẩu hoặc tài khoản bị khóa: hãy liên hệ quản trị hệ thống của Văn phòng.
          </Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}
