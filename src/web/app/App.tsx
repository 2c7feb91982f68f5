// The application shell: Vietnamese locale for Ant Design and dayjs, the theme, the
// signed-in user, and the router.
import { App as AntApp, ConfigProvider } from "antd";
import viVN from "antd/locale/vi_VN";
import { RouterProvider } from "react-router";
import { SessionProvider } from "../auth/session.tsx";
import { router } from "./router.tsx";
import { THEME } from "./theme.ts";

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={THEME}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
