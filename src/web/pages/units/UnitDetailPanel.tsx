// One unit's history: the versions (names, parent, kind over time) and the changes it took
// part in (renames, merges, splits…), with the units on the other side of each change.
import { EditOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Flex, Space, Timeline, Typography } from "antd";
import type { UnitChangeView, UnitDetail, VersionView } from "../../../domain/api/units.ts";
import { addDays, formatDate } from "../../../domain/format.ts";
import { validOn } from "../../../domain/units.ts";
import { LoadError, Loading } from "../../components/States.tsx";
import { intervalText } from "../../components/units.ts";
import { ChangeTag, KindTag } from "./kinds.tsx";
import { type UnitAction, UnitActions } from "./UnitActions.tsx";

export interface UnitDetailPanelProps {
  detail: UnitDetail | undefined;
  loading: boolean;
  error: unknown;
  onRetry(): void;
  asOf: string;
  canWrite: boolean;
  onSelectUnit(id: string): void;
  onShowDate(iso: string): void;
  onAction(action: UnitAction, version?: VersionView): void;
}

function UnitLink(props: { id: string; name: string; onSelect(id: string): void }) {
  return (
    <button type="button" className="link-button" onClick={() => props.onSelect(props.id)}>
      {props.name}
    </button>
  );
}

function VersionList(props: { versions: VersionView[]; asOf: string; canWrite: boolean } & Pick<UnitDetailPanelProps, "onSelectUnit" | "onAction">) {
  // Latest first: the name in use now is what people look for.
  const rows = [...props.versions].reverse();
  return (
    <ol className="version-list" aria-label="Các giai đoạn hiệu lực">
      {rows.map((v) => {
        const current = validOn(props.asOf, v.validFrom, v.validTo);
        return (
          <li key={v.validFrom} className={current ? "version-item version-current" : "version-item"}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <Space size={6} wrap>
                <Typography.Text strong>{intervalText(v.validFrom, v.validTo)}</Typography.Text>
                <KindTag kind={v.kind} />
                {current && <Typography.Text type="secondary">(đang xem)</Typography.Text>}
              </Space>
              {props.canWrite && (
                <Button size="small" icon={<EditOutlined />} onClick={() => props.onAction("correct", v)} aria-label={`Sửa lỗi giai đoạn ${intervalText(v.validFrom, v.validTo)}`}>
                  Sửa lỗi
                </Button>
              )}
            </Flex>
            <div style={{ marginTop: 4 }}>
              {v.name}
              {v.shortName && <Typography.Text type="secondary"> ({v.shortName})</Typography.Text>}
            </div>
            <div>
              <Typography.Text type="secondary">Trực thuộc: </Typography.Text>
              {v.parentId ? <UnitLink id={v.parentId} name={v.parentName ?? "(không rõ)"} onSelect={props.onSelectUnit} /> : "—"}
            </div>
            {v.aliases.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }} ellipsis={{ rows: 1, expandable: true, symbol: "xem thêm" }}>
                Tên khác: {v.aliases.join("; ")}
              </Typography.Paragraph>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function ChangeSides(props: { change: UnitChangeView; onSelect(id: string): void }) {
  const side = (units: UnitChangeView["from"]) =>
    units.length ? (
      units.map((u, i) => (
        <span key={u.id}>
          {i > 0 && "; "}
          <UnitLink id={u.id} name={u.name} onSelect={props.onSelect} />
        </span>
      ))
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  const { change } = props;
  if (change.kind === "abolish") return <div>Kết thúc: {side(change.from)}</div>;
  if (change.kind === "rename" || change.kind === "edit" || change.kind === "move") {
    const before = change.from[0]?.name;
    const after = change.to[0]?.name;
    return <div>{before && after && before !== after ? `${before} → ${after}` : side(change.to.length ? change.to : change.from)}</div>;
  }
  return (
    <div>
      <div>Từ: {side(change.from)}</div>
      <div>Thành: {side(change.to)}</div>
    </div>
  );
}

function ChangesTimeline(props: { changes: UnitChangeView[] } & Pick<UnitDetailPanelProps, "onSelectUnit" | "onShowDate">) {
  if (!props.changes.length) return <Typography.Text type="secondary">Chưa ghi nhận thay đổi nào.</Typography.Text>;
  return (
    <Timeline
      items={[...props.changes].reverse().map((c) => ({
        key: c.id,
        content: (
          <div className="change-item">
            <Space size={4} wrap>
              <Typography.Text strong>{formatDate(c.effective)}</Typography.Text>
              <ChangeTag kind={c.kind} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                Xem cây:{" "}
                <button type="button" className="link-button" onClick={() => props.onShowDate(addDays(c.effective, -1))}>
                  trước ({formatDate(addDays(c.effective, -1))})
                </button>{" "}
                ·{" "}
                <button type="button" className="link-button" onClick={() => props.onShowDate(c.effective)}>
                  sau ({formatDate(c.effective)})
                </button>
              </Typography.Text>
            </Space>
            <ChangeSides change={c} onSelect={props.onSelectUnit} />
            {c.note && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: "xem thêm" }}>
                {c.note}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}

export function UnitDetailPanel(props: UnitDetailPanelProps) {
  if (props.error) return <LoadError error={props.error} onRetry={props.onRetry} />;
  if (!props.detail) return props.loading ? <Loading /> : null;
  const { unit, versions, changes } = props.detail;
  const onDate = versions.find((v) => validOn(props.asOf, v.validFrom, v.validTo));
  const shown = onDate ?? versions[versions.length - 1]!;
  const last = versions[versions.length - 1]!;
  const first = versions[0]!;
  const active = last.validTo === null;

  return (
    <Card
      size="small"
      title={
        <Flex vertical gap={2} style={{ padding: "8px 0", whiteSpace: "normal" }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="unit-title">
            {shown.name}
          </Typography.Title>
          <Space size={6} wrap>
            <KindTag kind={shown.kind} />
            <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
              Mã: {unit.code}
            </Typography.Text>
          </Space>
        </Flex>
      }
      extra={props.canWrite && active ? <UnitActions onAction={(a) => props.onAction(a)} /> : undefined}
      loading={props.loading && !props.detail}
    >
      {!onDate && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            props.asOf < first.validFrom
              ? `Vào ngày ${formatDate(props.asOf)} đơn vị này chưa được thành lập.`
              : `Vào ngày ${formatDate(props.asOf)} đơn vị này không còn hoạt động.`
          }
        />
      )}
      <Descriptions
        size="small"
        column={2}
        style={{ marginBottom: 12 }}
        items={[
          { key: "from", label: "Hoạt động từ", children: formatDate(first.validFrom) },
          {
            key: "status",
            label: "Tình trạng",
            children: active ? "Đang hoạt động" : `Kết thúc từ ${formatDate(last.validTo)} (ngày cuối ${formatDate(addDays(last.validTo!, -1))})`,
          },
        ]}
      />
      <Typography.Title level={5}>Các giai đoạn hiệu lực</Typography.Title>
      <VersionList versions={versions} asOf={props.asOf} canWrite={props.canWrite} onSelectUnit={props.onSelectUnit} onAction={props.onAction} />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        Các lần thay đổi
      </Typography.Title>
      <ChangesTimeline changes={changes} onSelectUnit={props.onSelectUnit} onShowDate={props.onShowDate} />
    </Card>
  );
}
