import { Button, Result } from "antd";
import { Link, useRouteError } from "react-router";

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ này không có trong dondoc, hoặc đã được chuyển đi."
      extra={
        <Link to="/">
          <Button type="primary">Về trang chủ</Button>
        </Link>
      }
    />
  );
}

/** Shown when a screen fails to render, e.g. after an update replaced the files it needs. */
export function RouteErrorPage() {
  const error = useRouteError();
  const stale = error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Result
      status="error"
      title={stale ? "Phần mềm vừa được cập nhật" : "Đã xảy ra lỗi khi hiển thị trang"}
      subTitle={stale ? "Hãy tải lại trang để dùng phiên bản mới." : "Hãy tải lại trang. Nếu lỗi còn lặp lại, hãy báo quản trị hệ thống."}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          Tải lại trang
        </Button>
      }
    />
  );
}
