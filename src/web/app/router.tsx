// Every screen and its address. Pages load on demand, so the sign-in page is quick.
// A new feature adds its route here (inside the signed-in layout) and its entry in sections.ts.
import { lazy } from "react";
import { createBrowserRouter } from "react-router";
import { RequireAction, RequireSignIn } from "./guards.tsx";
import { AppLayout } from "./AppLayout.tsx";
import { NotFoundPage, RouteErrorPage } from "./ErrorPages.tsx";
import { ACCOUNT_PATH, LOGIN_PATH } from "./paths.ts";

const LoginPage = lazy(() => import("../pages/login/LoginPage.tsx"));
const HomePage = lazy(() => import("../pages/home/HomePage.tsx"));
const UnitsPage = lazy(() => import("../pages/units/UnitsPage.tsx"));
const UsersPage = lazy(() => import("../pages/users/UsersPage.tsx"));
const AccountPage = lazy(() => import("../pages/account/AccountPage.tsx"));
const TargetsSection = lazy(() => import("../pages/targets/TargetsSection.tsx"));
const DirectivesSection = lazy(() => import("../pages/directives/DirectivesSection.tsx"));
const MyWorkPage = lazy(() => import("../pages/my-work/MyWorkPage.tsx"));
const AuditPage = lazy(() => import("../pages/audit/AuditPage.tsx"));
const NotificationsPage = lazy(() => import("../pages/notifications/NotificationsPage.tsx"));
const DashboardSection = lazy(() => import("../pages/dashboard/DashboardSection.tsx"));
const ReportsPage = lazy(() => import("../pages/reports/ReportsPage.tsx"));
const PapersPage = lazy(() => import("../pages/papers/PapersPage.tsx"));
const PaperReviewPage = lazy(() => import("../pages/papers/ReviewPage.tsx"));

export const router = createBrowserRouter([
  { path: LOGIN_PATH, element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: "/",
    element: (
      <RequireSignIn>
        <AppLayout />
      </RequireSignIn>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: "to-chuc",
        element: (
          <RequireAction action="units.read">
            <UnitsPage />
          </RequireAction>
        ),
      },
      {
        path: "nguoi-dung",
        element: (
          <RequireAction action="users.read">
            <UsersPage />
          </RequireAction>
        ),
      },
      {
        path: "van-ban",
        element: (
          <RequireAction action="papers.read">
            <PapersPage />
          </RequireAction>
        ),
      },
      {
        path: "van-ban/:id",
        element: (
          <RequireAction action="papers.read">
            <PaperReviewPage />
          </RequireAction>
        ),
      },
      {
        path: "chi-tieu/*",
        element: (
          <RequireAction action="targets.read">
            <TargetsSection />
          </RequireAction>
        ),
      },
      {
        path: "dieu-hanh/*",
        element: (
          <RequireAction action="dashboard.read">
            <DashboardSection />
          </RequireAction>
        ),
      },
      {
        path: "bao-cao",
        element: (
          <RequireAction action="reports.generate">
            <ReportsPage />
          </RequireAction>
        ),
      },
      {
        path: "nhiem-vu/*",
        element: (
          <RequireAction action="directives.read">
            <DirectivesSection />
          </RequireAction>
        ),
      },
      {
        path: "viec-cua-toi",
        element: (
          <RequireAction action="directives.mine">
            <MyWorkPage />
          </RequireAction>
        ),
      },
      {
        path: "nhat-ky",
        element: (
          <RequireAction action="audit.read">
            <AuditPage />
          </RequireAction>
        ),
      },
      {
        path: "thong-bao",
        element: (
          <RequireAction action="notifications.read">
            <NotificationsPage />
          </RequireAction>
        ),
      },
      { path: ACCOUNT_PATH.slice(1), element: <AccountPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
