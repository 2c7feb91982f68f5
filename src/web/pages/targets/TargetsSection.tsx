// The targets section (/chi-tieu/…): its screens and their addresses, mounted by the app's router
// under one entry so that the shared router only names the section.
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/ErrorPages.tsx";
import { Loading } from "../../components/States.tsx";
import "./targets.css";

const ResolutionsPage = lazy(() => import("./ResolutionsPage.tsx"));
const ResolutionPage = lazy(() => import("./ResolutionPage.tsx"));
const TargetPage = lazy(() => import("./TargetPage.tsx"));
const ValuesPage = lazy(() => import("./ValuesPage.tsx"));
const ExplanationsPage = lazy(() => import("./ExplanationsPage.tsx"));

export default function TargetsSection() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<ResolutionsPage />} />
        <Route path="nghi-quyet/:id" element={<ResolutionPage />} />
        <Route path="muc/:id" element={<TargetPage />} />
        <Route path="so-lieu" element={<ValuesPage />} />
        <Route path="giai-trinh" element={<ExplanationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
