// Screens behind sign-in, and screens that need a permission.
import { Button, Result } from "antd";
import { type ReactNode, Suspense } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { useSession } from "../auth/session.tsx";
import { Loading } from "../components/States.tsx";
import { LOGIN_PATH } from "./paths.ts";

export function RequireSignIn(props: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <Loading label="Đang mở dondoc…" />;
  if (!me) {
    const from = location.pathname + location.search;
    return <Navigate to={LOGIN_PATH} replace state={{ from }} />;
  }
  return props.children;
}

export function RequireAction(props: { action: string; children: ReactNode }) {
  const { can } = useSession();
  if (!can(props.action)) {
    return (
      <Result
        status="403"
        title="Không có quyền truy cập"
        subTitle="Vai trò của bạn không được sử dụng mục này. Nếu cần, hãy liên hệ quản trị hệ thống."
        extra={
          <Link to="/">
            <Button type="primary">Về trang chủ</Button>
          </Link>
        }
      />
    );
  }
  return <Suspense fallback={<Loading />}>{props.children}</Suspense>;
}
