// The directives section (/nhiem-vu/…): the tracking sheet, a directive's page, assigning from a
// confirmed paper, statistics and the requests awaiting a decision — mounted by the app's router
// under one entry.
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/ErrorPages.tsx";
import { Loading } from "../../components/States.tsx";
import "./directives.css";

const SheetPage = lazy(() => import("./SheetPage.tsx"));
const DirectivePage = lazy(() => import("./DirectivePage.tsx"));
const AssignPage = lazy(() => import("./AssignPage.tsx"));
const PapersToAssignPage = lazy(() => import("./AssignPage.tsx").then((m) => ({ default: m.PapersToAssignPage })));
const StatsPage = lazy(() => import("./StatsPage.tsx"));
const RequestsPage = lazy(() => import("./RequestsPage.tsx"));

export default function DirectivesSection() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<SheetPage />} />
        <Route path="giao-tu-van-ban" element={<PapersToAssignPage />} />
        <Route path="giao-tu-van-ban/:paperId" element={<AssignPage />} />
        <Route path="thong-ke" element={<StatsPage />} />
        <Route path="de-nghi" element={<RequestsPage />} />
        <Route path=":id" element={<DirectivePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
