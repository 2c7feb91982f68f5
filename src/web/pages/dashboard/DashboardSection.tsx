// The dashboard section (/dieu-hanh/…): the province's picture and a unit's page.
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/ErrorPages.tsx";
import { Loading } from "../../components/States.tsx";
import "./dashboard.css";

const DashboardPage = lazy(() => import("./DashboardPage.tsx"));
const UnitPage = lazy(() => import("./UnitPage.tsx"));

export default function DashboardSection() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="don-vi/:unitId" element={<UnitPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
