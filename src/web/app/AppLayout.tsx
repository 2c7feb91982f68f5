// The frame around every signed-in screen: the banner with the province and the user,
// the menu of the sections this user may open, and the screen itself.
import { HomeOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { App, Button, Dropdown, Flex, Layout, Menu, Typography } from "antd";
import { Suspense, useMemo } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { errorMessage } from "../api/client.ts";
import { useMe, useSession } from "../auth/session.tsx";
import { Loading } from "../components/States.tsx";
import { ACCOUNT_PATH, HOME_PATH, LOGIN_PATH } from "./paths.ts";
import { visibleSections } from "./sections.ts";
import { BRAND } from "./theme.ts";

export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const sections = useMemo(() => visibleSections(me.permissions), [me.permissions]);
  const selected =
    location.pathname === HOME_PATH ? "home" : (sections.find((s) => location.pathname.startsWith(s.path))?.key ?? "");

  const items = [
    { key: "home", icon: <HomeOutlined />, label: <Link to={HOME_PATH}>Trang chủ</Link> },
    ...sections.map((s) => ({ key: s.key, icon: <s.icon />, label: <Link to={s.path}>{s.label}</Link> })),
  ];

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", gap: 16, position: "sticky", top: 0, zIndex: 10 }}>
        <Link to={HOME_PATH} style={{ color: BRAND.bannerText, display: "flex", alignItems: "baseline", gap: 10 }} aria-label="dondoc — trang chủ">
          <span style={{ fontSize: 20, fontWeight: 700, letterSpacing: 0.3 }}>dondoc</span>
          <span style={{ color: BRAND.gold, fontSize: 13 }}>Theo dõi, đôn đốc thực hiện nhiệm vụ</span>
        </Link>
        <span style={{ color: BRAND.bannerText, opacity: 0.5 }}>|</span>
        <span style={{ color: BRAND.bannerText, fontWeight: 600, fontSize: 15 }} data-testid="province-name">
          {me.provinceName}
        </span>
        <div style={{ flex: 1 }} />
        <UserMenu />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} breakpoint="lg" collapsedWidth={56} theme="light" style={{ borderRight: "1px solid #eceef1" }}>
          <nav aria-label="Danh mục chức năng">
            <Menu mode="inline" selectedKeys={[selected]} items={items} style={{ borderInlineEnd: "none", paddingTop: 8 }} />
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content">
          <main>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function UserMenu() {
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const signOut = async () => {
    try {
      await logout();
    } catch (e) {
      message.error(errorMessage(e));
    }
    navigate(LOGIN_PATH, { replace: true });
  };

  return (
    <Flex align="center" gap={12}>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: [
            { key: "account", icon: <KeyOutlined />, label: "Đổi mật khẩu", onClick: () => navigate(ACCOUNT_PATH) },
            { type: "divider" },
            { key: "logout", icon: <LogoutOutlined />, label: "Đăng xuất", onClick: () => void signOut() },
          ],
        }}
      >
        <button type="button" className="user-button" aria-label={`Tài khoản: ${me.fullName}, ${me.roleLabel}`} data-testid="user-menu">
          <UserOutlined />
          <span style={{ display: "flex", flexDirection: "column", lineHeight: 1.25, textAlign: "left" }}>
            <Typography.Text strong style={{ color: "inherit" }}>
              {me.fullName}
            </Typography.Text>
            <span style={{ fontSize: 12, opacity: 0.85 }}>{me.roleLabel}</span>
          </span>
        </button>
      </Dropdown>
      <Button icon={<LogoutOutlined />} onClick={() => void signOut()} ghost>
        Đăng xuất
      </Button>
    </Flex>
  );
}
