// "Tổ chức bộ máy": the organisation tree as of a date, a unit's history beside it, and for
// administrators the changes to the tree (new units, renames, moves, merges, splits, ends),
// import and export. The date and the selected unit live in the address, so a link or
// the Back button shows the same view.
import { DownloadOutlined, MergeCellsOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Card, Dropdown, Flex, Input, Space, Spin, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import type { UnitDetail, VersionView } from "../../../domain/api/units.ts";
import { formatDate, formatNumber, isIsoDate, todayInVietnam } from "../../../domain/format.ts";
import { errorMessage } from "../../api/client.ts";
import { useSession } from "../../auth/session.tsx";
import { DateField } from "../../components/DateField.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { EmptyState, LoadError, Loading } from "../../components/States.tsx";
import { useLoad } from "../../components/useLoad.ts";
import { unitsApi } from "./api.ts";
import { ChangeModal, type ChangeKind } from "./ChangeModal.tsx";
import { CorrectVersionModal } from "./CorrectVersionModal.tsx";
import { CreateUnitModal } from "./CreateUnitModal.tsx";
import { ImportModal } from "./ImportModal.tsx";
import { MergeModal } from "./MergeModal.tsx";
import { SplitModal } from "./SplitModal.tsx";
import type { UnitAction } from "./UnitActions.tsx";
import { UnitDetailPanel } from "./UnitDetailPanel.tsx";
import { UnitTree } from "./UnitTree.tsx";

/** 1 July 2025: districts abolished, bodies and provinces merged (two-level local government). */
const REORGANISATION = "2025-07-01";
const BEFORE_REORGANISATION = "2025-06-30";

type Dialog =
  | { type: "create" }
  | { type: "merge" }
  | { type: "import" }
  | { type: "split" }
  | { type: "change"; kind: ChangeKind }
  | { type: "correct"; version: VersionView }
  | null;

export default function UnitsPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const canWrite = can("units.write");
  const canExport = can("units.export");
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const asOfParam = params.get("ngay");
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : today;
  const selectedId = params.get("don-vi");
  const [search, setSearch] = useState("");
  const [matches, setMatches] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const tree = useLoad((signal) => unitsApi.asOf(asOf, signal), [asOf]);
  const detail = useLoad<UnitDetail | undefined>((signal) => (selectedId ? unitsApi.detail(selectedId, signal) : Promise.resolve(undefined)), [selectedId]);

  const setView = useCallback(
    (next: { asOf?: string; unitId?: string | null }) => {
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (next.asOf !== undefined) {
            if (next.asOf === today) p.delete("ngay");
            else p.set("ngay", next.asOf);
          }
          if (next.unitId !== undefined) {
            if (next.unitId) p.set("don-vi", next.unitId);
            else p.delete("don-vi");
          }
          return p;
        },
        { replace: false },
      );
    },
    [setParams, today],
  );

  const latest = detail.data?.versions[detail.data.versions.length - 1];
  const units = tree.data?.units;
  const onMatches = useCallback((n: number | null) => setMatches(n), []);

  const afterWrite = (d: UnitDetail | undefined, text: string) => {
    message.success(text);
    setDialog(null);
    tree.reload();
    if (d) {
      if (d.unit.id === selectedId) detail.setData(d);
      else setView({ unitId: d.unit.id });
    } else detail.reload();
  };

  const exportTree = async (format: "json" | "xlsx") => {
    try {
      const name = await unitsApi.export(format);
      message.success(`Đã tải về ${name}.`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  // While another date loads, the previous tree stays (dimmed) and the title names the date it shows.
  const shownDate = tree.data?.asOf ?? asOf;
  const summary = useMemo(
    () => (units ? `Cây tổ chức ngày ${formatDate(shownDate)}: ${formatNumber(units.length)} đơn vị` : `Cây tổ chức ngày ${formatDate(shownDate)}`),
    [units, shownDate],
  );

  return (
    <div>
      <PageHeader
        title="Tổ chức bộ máy"
        subtitle={summary}
        extra={
          <>
            {canWrite && (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ type: "create" })}>
                  Thêm đơn vị
                </Button>
                <Button icon={<MergeCellsOutlined />} onClick={() => setDialog({ type: "merge" })}>
                  Hợp nhất
                </Button>
                <Button icon={<UploadOutlined />} onClick={() => setDialog({ type: "import" })}>
                  Nhập từ tệp
                </Button>
              </>
            )}
            {canExport && (
              <Dropdown
                menu={{
                  items: [
                    { key: "xlsx", label: "Excel (.xlsx)" },
                    { key: "json", label: "JSON (dondoc)" },
                  ],
                  onClick: ({ key }) => void exportTree(key as "json" | "xlsx"),
                }}
              >
                <Button icon={<DownloadOutlined />}>Xuất ra tệp</Button>
              </Dropdown>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong>
            <label htmlFor="units-as-of">Xem vào ngày</label>
          </Typography.Text>
          <DateField id="units-as-of" value={asOf} onChange={(d) => d && setView({ asOf: d })} aria-label="Ngày xem cây tổ chức" />
          <Space.Compact>
            <Button onClick={() => setView({ asOf: today })} type={asOf === today ? "primary" : "default"}>
              Hôm nay
            </Button>
            <Button onClick={() => setView({ asOf: BEFORE_REORGANISATION })} type={asOf === BEFORE_REORGANISATION ? "primary" : "default"}>
              Trước sắp xếp ({formatDate(BEFORE_REORGANISATION)})
            </Button>
            <Button onClick={() => setView({ asOf: REORGANISATION })} type={asOf === REORGANISATION ? "primary" : "default"}>
              Từ {formatDate(REORGANISATION)}
            </Button>
          </Space.Compact>
          <div style={{ flex: 1 }} />
          <Input.Search
            allowClear
            placeholder="Tìm đơn vị (không cần gõ dấu)"
            aria-label="Tìm đơn vị"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 300 }}
          />
        </Flex>
      </Card>
      <Flex gap={16} align="flex-start">
        <Card
          size="small"
          title="Cây tổ chức"
          extra={
            matches !== null && (
              <Typography.Text type="secondary" aria-live="polite">
                {formatNumber(matches)} đơn vị phù hợp
              </Typography.Text>
            )
          }
          style={{ width: 480, flex: "none" }} styles={{ body: { padding: 8 } }}>
          <div className="units-tree-scroll">
            {tree.error ? (
              <LoadError error={tree.error} onRetry={tree.reload} />
            ) : !units ? (
              <Loading />
            ) : (
              <Spin spinning={tree.loading} delay={150}>
                <UnitTree units={units} search={search} selectedId={selectedId} onSelect={(id) => setView({ unitId: id })} onMatches={onMatches} />
              </Spin>
            )}
          </div>
        </Card>
        <div style={{ flex: 1, minWidth: 0 }}>
          {selectedId ? (
            <UnitDetailPanel
              detail={detail.data}
              loading={detail.loading}
              error={detail.error}
              onRetry={detail.reload}
              asOf={asOf}
              canWrite={canWrite}
              onSelectUnit={(id) => setView({ unitId: id })}
              onShowDate={(d) => setView({ asOf: d })}
              onAction={(action: UnitAction, version?: VersionView) => {
                if (action === "correct" && version) setDialog({ type: "correct", version });
                else if (action === "split") setDialog({ type: "split" });
                else if (action !== "correct") setDialog({ type: "change", kind: action });
              }}
            />
          ) : (
            <Card size="small">
              <EmptyState description="Chọn một đơn vị trên cây để xem các giai đoạn hiệu lực và các lần thay đổi." />
            </Card>
          )}
        </div>
      </Flex>

      {canWrite && (
        <>
          <CreateUnitModal
            open={dialog?.type === "create"}
            asOf={asOf}
            parentId={selectedId}
            onClose={() => setDialog(null)}
            onDone={(d) => afterWrite(d, "Đã thêm đơn vị.")}
          />
          <MergeModal
            open={dialog?.type === "merge"}
            asOf={asOf}
            selectedId={selectedId}
            onClose={() => setDialog(null)}
            onDone={(d) => afterWrite(d, "Đã ghi nhận việc hợp nhất.")}
          />
          <ImportModal
            open={dialog?.type === "import"}
            onClose={(imported) => {
              setDialog(null);
              if (imported) {
                tree.reload();
                detail.reload();
              }
            }}
          />
          <CorrectVersionModal
            version={dialog?.type === "correct" ? dialog.version : null}
            onClose={() => setDialog(null)}
            onDone={(d) => afterWrite(d, "Đã sửa giai đoạn hiệu lực.")}
          />
          {selectedId && latest && (
            <>
              <ChangeModal
                kind={dialog?.type === "change" ? dialog.kind : null}
                unitId={selectedId}
                current={latest}
                asOf={asOf}
                onClose={() => setDialog(null)}
                onDone={(d) => afterWrite(d, "Đã ghi nhận thay đổi.")}
              />
              <SplitModal
                open={dialog?.type === "split"}
                unitId={selectedId}
                current={latest}
                asOf={asOf}
                onClose={() => setDialog(null)}
                onDone={(ids) => afterWrite(undefined, `Đã chia tách thành ${ids.length} đơn vị mới.`)}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
