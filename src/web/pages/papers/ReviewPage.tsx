// The review screen: the paper's text with what was found highlighted on one side, the
// editable lists on the other. The office corrects directives, bodies, deadlines, facts,
// references and the paper's metadata, saves a draft, and confirms.
import { ArrowLeftOutlined, CheckOutlined, DownloadOutlined, EditOutlined, InboxOutlined, LockOutlined, MoreOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Badge, Button, Checkbox, Descriptions, Dropdown, Flex, Input, Modal, Radio, Result, Space, Spin, Splitter, Tabs, Tag, Tooltip, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { PaperDetail } from "../../../domain/api/papers.ts";
import { formatDate, formatDateTime } from "../../../domain/format.ts";
import {
  CLASSIFICATIONS,
  type DirectiveItem,
  type FactItem,
  PAPER_STATUS_LABELS,
  type PaperItems,
  type PaperMeta,
  type ReferenceItem,
  type SecrecyLevel,
  paperKindLabel,
} from "../../../domain/papers.ts";
import { parseVietnameseNumberLoose, guessOrdinal, guessSymbol } from "./guess.ts";
import { type MarkKind, MARK_LABELS, itemId, marksOf } from "./highlight.ts";
import type { UnitSlice } from "../../../domain/units.ts";
import { unitsAsOf } from "../../components/units.ts";
import { useSession } from "../../auth/session.tsx";
import { papersApi } from "./api.ts";
import { AddButton, DirectiveCard, EmptyList, emptyDirective, emptyFact, emptyReference, FactRow, MetaForm, ReferenceRow } from "./editors.tsx";
import { PaperText, type TextSelection } from "./PaperText.tsx";
import { PAPERS_PATH } from "./paths.ts";
import { errorMessage, errorStatus, errorDetails } from "./errors.ts";
import "./papers.css";

const { Title, Text } = Typography;

type TabKey = "directives" | "facts" | "references" | "meta";

const TAB_OF: Record<string, TabKey> = { directive: "directives", fact: "facts", reference: "references" };

function metaOf(d: PaperDetail): PaperMeta {
  return {
    kind: d.kind,
    symbol: d.symbol,
    issuedOn: d.issuedOn,
    title: d.title,
    issuer: d.issuer,
    signerName: d.signerName,
    signerPosition: d.signerPosition,
    recipients: d.recipients,
  };
}

function problemsOf(items: PaperItems): string[] {
  const out: string[] = [];
  const emptyDirectives = items.directives.filter((d) => !d.text.trim()).length;
  if (emptyDirectives) out.push(`${emptyDirectives} nhiệm vụ chưa có nội dung`);
  const emptyFacts = items.facts.filter((f) => !f.label.trim()).length;
  if (emptyFacts) out.push(`${emptyFacts} chỉ số chưa có tên`);
  return out;
}

export default function ReviewPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { can } = useSession();
  const [detail, setDetail] = useState<PaperDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [meta, setMeta] = useState<PaperMeta | null>(null);
  const [items, setItems] = useState<PaperItems>({ directives: [], facts: [], references: [] });
  const [dirty, setDirty] = useState(false);
  const [units, setUnits] = useState<UnitSlice[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [tab, setTab] = useState<TabKey>("directives");
  const [hidden, setHidden] = useState<Set<MarkKind>>(new Set());
  const [busy, setBusy] = useState<null | "save" | "confirm" | "other">(null);
  const [conflict, setConflict] = useState<PaperDetail | null>(null);
  const [correcting, setCorrecting] = useState(false);

  const adopt = useCallback((d: PaperDetail) => {
    setDetail(d);
    setMeta(metaOf(d));
    setItems(d.items);
    setDirty(false);
  }, []);

  const load = useCallback(async () => {
    try {
      adopt(await papersApi.get(id));
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [id, adopt]);

  useEffect(() => {
    void load();
  }, [load]);

  const asOf = detail?.unitsAsOf;
  useEffect(() => {
    if (!asOf) return;
    unitsAsOf(asOf).then(
      (u) => setUnits([...u].sort((a, b) => a.name.localeCompare(b.name, "vi"))),
      () => setUnits([]),
    );
  }, [asOf]);

  // Leaving with unsaved corrections asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const unitNames = useMemo(() => {
    const m = new Map(units.map((u) => [u.id, [u.name, u.shortName ?? "", ...u.aliases].filter(Boolean)]));
    return (unitId: string) => m.get(unitId) ?? [];
  }, [units]);

  const marks = useMemo(() => (detail?.text ? marksOf(detail.text, items, unitNames) : []), [detail?.text, items, unitNames]);

  const canReview = can("papers.review");
  const readOnly = !detail || detail.status !== "review" || !canReview;
  const classified = detail ? detail.classification !== "none" : false;

  const update = (next: PaperItems) => {
    setItems(next);
    setDirty(true);
  };
  const setMetaDirty = (m: PaperMeta) => {
    setMeta(m);
    setDirty(true);
  };

  const select = (item: string, fromText: boolean) => {
    setSelected(item);
    setTick((t) => t + 1);
    const list = item.split(":")[0]!;
    if (fromText && TAB_OF[list]) setTab(TAB_OF[list]!);
  };

  const replaceDirective = (i: number, d: DirectiveItem) => update({ ...items, directives: items.directives.map((x, j) => (j === i ? d : x)) });
  const replaceFact = (i: number, f: FactItem) => update({ ...items, facts: items.facts.map((x, j) => (j === i ? f : x)) });
  const replaceReference = (i: number, r: ReferenceItem) => update({ ...items, references: items.references.map((x, j) => (j === i ? r : x)) });

  const addFromSelection = (list: "directive" | "fact" | "reference", s: TextSelection) => {
    const span = { start: s.start, end: s.end };
    const text = s.text.replace(/\s+/g, " ").trim();
    if (list === "directive") {
      const ordinal = guessOrdinal(text);
      const d: DirectiveItem = { ...emptyDirective(ordinal ?? ""), text: text.replace(/^\s*([IVXLC]+|\d+(\.\d+)*)[.)]\s*/, ""), span };
      // Keep document order: insert by position.
      const at = items.directives.findIndex((x) => x.span && x.span.start > span.start);
      const next = [...items.directives];
      next.splice(at < 0 ? next.length : at, 0, d);
      update({ ...items, directives: next });
      select(itemId("directive", d.key), true);
    } else if (list === "fact") {
      const value = parseVietnameseNumberLoose(text);
      const f: FactItem = { ...emptyFact(), value: value ?? 0, text, span };
      const at = items.facts.findIndex((x) => x.span && x.span.start > span.start);
      const next = [...items.facts];
      next.splice(at < 0 ? next.length : at, 0, f);
      update({ ...items, facts: next });
      select(itemId("fact", f.key), true);
    } else {
      const r: ReferenceItem = { ...emptyReference(), symbol: guessSymbol(text), text, span };
      const at = items.references.findIndex((x) => x.span && x.span.start > span.start);
      const next = [...items.references];
      next.splice(at < 0 ? next.length : at, 0, r);
      update({ ...items, references: next });
      select(itemId("reference", r.key), true);
    }
  };

  const placeSelected = (s: TextSelection) => {
    if (!selected) return;
    const [list, key] = selected.split(":") as [string, string];
    const span = { start: s.start, end: s.end };
    if (list === "directive") update({ ...items, directives: items.directives.map((x) => (x.key === key ? { ...x, span } : x)) });
    if (list === "fact") update({ ...items, facts: items.facts.map((x) => (x.key === key ? { ...x, span } : x)) });
    if (list === "reference") update({ ...items, references: items.references.map((x) => (x.key === key ? { ...x, span } : x)) });
  };

  const onConflict = (e: unknown): boolean => {
    if (errorStatus(e) !== 409) return false;
    const current = (errorDetails(e) as { current?: PaperDetail } | null)?.current;
    if (current) setConflict(current);
    else message.error(errorMessage(e));
    return true;
  };

  const save = async (): Promise<PaperDetail | null> => {
    if (!detail || !meta) return null;
    setBusy("save");
    try {
      const saved = await papersApi.saveReview(detail.id, detail.version, meta, items);
      adopt(saved);
      message.success("Đã lưu bản rà soát.");
      return saved;
    } catch (e) {
      if (!onConflict(e)) message.error(errorMessage(e));
      return null;
    } finally {
      setBusy(null);
    }
  };

  const confirm = () => {
    if (!detail) return;
    const problems = problemsOf(items);
    if (problems.length) {
      message.error(`Chưa xác nhận được: ${problems.join("; ")}.`);
      return;
    }
    modal.confirm({
      title: "Xác nhận kết quả rà soát?",
      content: classified
        ? "Văn bản mật được đăng ký với số, ngày, trích yếu và nơi nhận."
        : `Sẽ ghi ${items.directives.length} nhiệm vụ, ${items.facts.length} chỉ số và ${items.references.length} văn bản dẫn chiếu. Sau khi xác nhận, kết quả không sửa được nữa; các nhiệm vụ được chuyển sang theo dõi, đôn đốc.`,
      okText: "Xác nhận",
      cancelText: "Xem lại",
      onOk: async () => {
        let version = detail.version;
        if (dirty) {
          const saved = await save();
          if (!saved) return;
          version = saved.version;
        }
        setBusy("confirm");
        try {
          adopt(await papersApi.confirm(detail.id, version));
          message.success("Đã xác nhận văn bản.");
        } catch (e) {
          if (!onConflict(e)) message.error(errorMessage(e));
        } finally {
          setBusy(null);
        }
      },
    });
  };

  // Ctrl+S saves the draft.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        if (!readOnly && dirty && !busy) void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const archive = () => {
    if (!detail) return;
    modal.confirm({
      title: "Đưa văn bản vào lưu trữ?",
      content: "Văn bản không bị xóa; có thể đưa ra khỏi lưu trữ khi cần.",
      okText: "Lưu trữ",
      cancelText: "Hủy",
      onOk: async () => {
        try {
          adopt(await papersApi.archive(detail.id, detail.version, null));
        } catch (e) {
          if (!onConflict(e)) message.error(errorMessage(e));
        }
      },
    });
  };

  const restore = async () => {
    if (!detail) return;
    try {
      adopt(await papersApi.restore(detail.id, detail.version));
    } catch (e) {
      if (!onConflict(e)) message.error(errorMessage(e));
    }
  };

  const classify = () => {
    if (!detail) return;
    let level: SecrecyLevel = "Mật";
    modal.confirm({
      title: "Đánh dấu là văn bản mật?",
      content: (
        <Space orientation="vertical">
          <Text>Tệp gốc, nội dung và kết quả nhận diện sẽ bị xóa khỏi hệ thống; chỉ giữ số, ngày, trích yếu và nơi nhận. Không hoàn tác được.</Text>
          <Radio.Group defaultValue="Mật" onChange={(e) => (level = e.target.value)} options={CLASSIFICATIONS.map((c) => ({ value: c, label: c }))} />
        </Space>
      ),
      okText: "Xóa nội dung và đăng ký mật",
      okButtonProps: { danger: true },
      cancelText: "Hủy",
      onOk: async () => {
        try {
          adopt(await papersApi.classify(detail.id, detail.version, level));
          message.success("Đã chuyển thành văn bản mật; nội dung đã được xóa.");
        } catch (e) {
          if (!onConflict(e)) message.error(errorMessage(e));
        }
      },
    });
  };

  if (loadError) {
    return <Result status="warning" title="Không mở được văn bản" subTitle={loadError} extra={<Link to={PAPERS_PATH}>Về danh sách văn bản</Link>} />;
  }
  if (!detail || !meta) return <Spin size="large" className="review-loading" />;

  const linkedById = new Map(detail.linkedPapers.map((p) => [p.id, p]));
  const counts: Record<MarkKind, number> = { directive: 0, body: 0, deadline: 0, fact: 0, reference: 0 };
  for (const m of marks) counts[m.kind]++;
  const heading = [paperKindLabel(meta.kind), meta.symbol ? `số ${meta.symbol}` : "(chưa có số)", meta.issuedOn ? `ngày ${formatDate(meta.issuedOn)}` : null].filter(Boolean).join(" ");

  const moreActions = [
    ...(detail.hasFile
      ? [{ key: "file", icon: <DownloadOutlined />, label: <a href={papersApi.fileUrl(detail.id)}>Tải tệp gốc ({detail.fileName})</a> }]
      : []),
    ...(canReview && detail.status === "review" && !classified
      ? [{ key: "classify", icon: <LockOutlined />, label: "Đánh dấu là văn bản mật…", onClick: classify }]
      : []),
    ...(canReview && detail.status !== "review"
      ? [{ key: "correct", icon: <EditOutlined />, label: "Sửa thông tin văn bản…", onClick: () => setCorrecting(true) }]
      : []),
    ...(canReview && detail.status !== "archived" ? [{ key: "archive", icon: <InboxOutlined />, label: "Đưa vào lưu trữ…", onClick: archive }] : []),
    ...(canReview && detail.status === "archived" ? [{ key: "restore", icon: <InboxOutlined />, label: "Đưa ra khỏi lưu trữ", onClick: () => void restore() }] : []),
  ];

  const shell = (key: string) => ({
    id: key,
    selected: selected === key,
    readOnly,
    onSelect: () => select(key, false),
  });

  const tabs = [
    {
      key: "directives",
      label: (
        <span>
          Nhiệm vụ <Badge count={items.directives.length} showZero color="#d48806" />
        </span>
      ),
      children: (
        <div className="review-list">
          {items.directives.length === 0 && <EmptyList text="Không tìm thấy nhiệm vụ nào. Chọn một đoạn trong văn bản để thêm, hoặc thêm bằng tay." />}
          {items.directives.map((d, i) => (
            <DirectiveCard
              key={d.key}
              {...shell(itemId("directive", d.key))}
              located={!!d.span}
              item={d}
              units={units}
              tick={tick}
              onChange={(x) => replaceDirective(i, x)}
              onRemove={() => update({ ...items, directives: items.directives.filter((_, j) => j !== i) })}
            />
          ))}
          {!readOnly && (
            <AddButton
              label="Thêm nhiệm vụ"
              onClick={() => {
                const d = emptyDirective(String(items.directives.length + 1));
                update({ ...items, directives: [...items.directives, d] });
                select(itemId("directive", d.key), false);
              }}
            />
          )}
        </div>
      ),
    },
    {
      key: "facts",
      label: (
        <span>
          Chỉ số <Badge count={items.facts.length} showZero color="#389e0d" overflowCount={999} />
        </span>
      ),
      children: (
        <div className="review-list">
          {items.facts.length === 0 && <EmptyList text="Không tìm thấy chỉ số nào." />}
          {items.facts.map((f, i) => (
            <FactRow
              key={f.key}
              {...shell(itemId("fact", f.key))}
              located={!!f.span}
              item={f}
              tick={tick}
              onChange={(x) => replaceFact(i, x)}
              onRemove={() => update({ ...items, facts: items.facts.filter((_, j) => j !== i) })}
            />
          ))}
          {!readOnly && (
            <AddButton
              label="Thêm chỉ số"
              onClick={() => {
                const f = emptyFact();
                update({ ...items, facts: [...items.facts, f] });
                select(itemId("fact", f.key), false);
              }}
            />
          )}
        </div>
      ),
    },
    {
      key: "references",
      label: (
        <span>
          Văn bản dẫn chiếu <Badge count={items.references.length} showZero color="#722ed1" />
        </span>
      ),
      children: (
        <div className="review-list">
          {items.references.length === 0 && <EmptyList text="Văn bản không dẫn chiếu văn bản nào có số." />}
          {items.references.map((r, i) => (
            <ReferenceRow
              key={r.key}
              {...shell(itemId("reference", r.key))}
              located={!!r.span}
              item={r}
              tick={tick}
              paperId={detail.id}
              linked={r.citedPaperId ? linkedById.get(r.citedPaperId) : undefined}
              onChange={(x) => replaceReference(i, x)}
              onRemove={() => update({ ...items, references: items.references.filter((_, j) => j !== i) })}
            />
          ))}
          {!readOnly && (
            <AddButton
              label="Thêm văn bản dẫn chiếu"
              onClick={() => {
                const r = emptyReference();
                update({ ...items, references: [...items.references, r] });
                select(itemId("reference", r.key), false);
              }}
            />
          )}
        </div>
      ),
    },
    {
      key: "meta",
      label: "Thông tin văn bản",
      children: (
        <div className="review-list">
          <MetaForm meta={meta} onChange={setMetaDirty} readOnly={readOnly} classified={classified} />
          {detail.citedBy.length > 0 && (
            <Descriptions size="small" column={1} style={{ marginTop: 16 }} items={[{
              key: "citedBy",
              label: "Được dẫn chiếu bởi",
              children: (
                <Space orientation="vertical" size={2}>
                  {detail.citedBy.map((p) => (
                    <Link key={p.id} to={`${PAPERS_PATH}/${p.id}`}>
                      {paperKindLabel(p.kind)} {p.symbol ?? ""} {p.issuedOn ? `ngày ${formatDate(p.issuedOn)}` : ""}
                    </Link>
                  ))}
                </Space>
              ),
            }]} />
          )}
        </div>
      ),
    },
  ];

  return (
    <div className="review-page">
      <Flex className="review-header" align="center" gap={12} wrap>
        <Tooltip title="Danh sách văn bản">
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label="Về danh sách văn bản"
            onClick={() => {
              if (!dirty) navigate(PAPERS_PATH);
              else
                modal.confirm({
                  title: "Rời trang khi chưa lưu?",
                  content: "Các sửa đổi chưa lưu sẽ mất.",
                  okText: "Rời trang",
                  cancelText: "Ở lại",
                  onOk: () => navigate(PAPERS_PATH),
                });
            }}
          />
        </Tooltip>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Title level={4} style={{ margin: 0 }} ellipsis={{ tooltip: meta.title ?? undefined }}>
            {heading}
            {classified && (
              <Tag color="red" icon={<LockOutlined />} style={{ marginLeft: 8 }}>
                {detail.classification}
              </Tag>
            )}
          </Title>
          <Text type="secondary" ellipsis>
            {meta.title ?? "(chưa có trích yếu)"}
          </Text>
        </div>
        <Tag color={detail.status === "review" ? "gold" : detail.status === "confirmed" ? "green" : "default"}>
          {PAPER_STATUS_LABELS[detail.status]}
          {detail.confirmedAt && detail.status === "confirmed" ? ` ${formatDateTime(detail.confirmedAt)}` : ""}
        </Tag>
        {dirty && <Tag color="orange">Chưa lưu</Tag>}
        <Space wrap>
          {moreActions.length > 0 && (
            <Dropdown trigger={["click"]} menu={{ items: moreActions }}>
              <Button icon={<MoreOutlined />}>Thao tác khác</Button>
            </Dropdown>
          )}
          {!readOnly && (
            <>
              <Button icon={<SaveOutlined />} onClick={() => void save()} loading={busy === "save"} disabled={!dirty}>
                Lưu nháp
              </Button>
              <Button type="primary" icon={<CheckOutlined />} onClick={confirm} loading={busy === "confirm"}>
                Xác nhận
              </Button>
            </>
          )}
        </Space>
      </Flex>

      {detail.warnings.length > 0 && !readOnly && (
        <Alert type="info" showIcon closable className="review-alert" title="Lưu ý khi đọc văn bản" description={detail.warnings.join(" ")} />
      )}
      {classified && (
        <Alert
          type="warning"
          showIcon
          className="review-alert"
          title={`Văn bản ${detail.classification}: chỉ đăng ký số, ngày, trích yếu và nơi nhận; tệp và nội dung không được lưu trên hệ thống.`}
        />
      )}

      {classified || !detail.text ? (
        <div className="review-single">
          <MetaForm meta={meta} onChange={setMetaDirty} readOnly={readOnly} classified={classified} />
        </div>
      ) : (
        <Splitter className="review-split">
          <Splitter.Panel defaultSize="50%" min="30%" max="70%">
            <div className="review-pane">
              <Flex className="review-legend" gap={10} wrap align="center">
                {(["directive", "body", "deadline", "fact", "reference"] as MarkKind[]).map((k) => (
                  <Checkbox
                    key={k}
                    checked={!hidden.has(k)}
                    onChange={(e) => {
                      const next = new Set(hidden);
                      if (e.target.checked) next.delete(k);
                      else next.add(k);
                      setHidden(next);
                    }}
                  >
                    <span className={`legend-swatch hl-${k}`}>{MARK_LABELS[k]}</span> <Text type="secondary">{counts[k]}</Text>
                  </Checkbox>
                ))}
              </Flex>
              <PaperText
                text={detail.text}
                marks={marks}
                hidden={hidden}
                selected={selected}
                scrollTick={tick}
                onSelect={(item) => select(item, true)}
                selectionActions={
                  readOnly
                    ? undefined
                    : [
                        { label: "+ Nhiệm vụ", onClick: (s) => addFromSelection("directive", s) },
                        { label: "+ Chỉ số", onClick: (s) => addFromSelection("fact", s) },
                        { label: "+ Văn bản dẫn chiếu", onClick: (s) => addFromSelection("reference", s) },
                        ...(selected ? [{ label: "Gắn vào mục đang chọn", onClick: placeSelected }] : []),
                      ]
                }
              />
            </div>
          </Splitter.Panel>
          <Splitter.Panel>
            <div className="review-pane">
              <Tabs activeKey={tab} onChange={(k) => setTab(k as TabKey)} items={tabs} className="review-tabs" />
            </div>
          </Splitter.Panel>
        </Splitter>
      )}

      <CorrectModal
        open={correcting}
        detail={detail}
        onClose={() => setCorrecting(false)}
        onSaved={(d) => {
          adopt(d);
          setCorrecting(false);
          message.success("Đã sửa thông tin văn bản.");
        }}
        onConflict={onConflict}
      />

      <Modal
        open={!!conflict}
        title="Văn bản đã được thay đổi ở nơi khác"
        onCancel={() => setConflict(null)}
        footer={[
          <Button key="keep" onClick={() => setConflict(null)}>
            Giữ bản của tôi để xem lại
          </Button>,
          <Button
            key="reload"
            type="primary"
            onClick={() => {
              if (conflict) adopt(conflict);
              setConflict(null);
            }}
          >
            Tải bản hiện tại
          </Button>,
        ]}
      >
        {conflict && (
          <Space orientation="vertical">
            <Text>
              Trong lúc bạn rà soát, văn bản đã được lưu lại (phiên bản hiện tại: {conflict.version}, bạn đang sửa trên phiên bản {detail.version}
              ). Bản hiện tại có {conflict.items.directives.length} nhiệm vụ, {conflict.items.facts.length} chỉ số, {conflict.items.references.length} văn bản dẫn chiếu
              {conflict.status !== "review" ? ` và đang ở trạng thái “${PAPER_STATUS_LABELS[conflict.status]}”` : ""}.
            </Text>
            <Text type="secondary">Tải bản hiện tại sẽ bỏ các sửa đổi chưa lưu của bạn.</Text>
          </Space>
        )}
      </Modal>
    </div>
  );
}

/**
 * Correcting a confirmed paper's particulars (a wrong number or date found later), with the
 * reason kept in the audit trail. Its directives, figures and references stay as confirmed.
 */
function CorrectModal(props: { open: boolean; detail: PaperDetail; onClose(): void; onSaved(d: PaperDetail): void; onConflict(e: unknown): boolean }) {
  const { message } = App.useApp();
  const [meta, setMeta] = useState<PaperMeta>(() => metaOf(props.detail));
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (props.open) {
      setMeta(metaOf(props.detail));
      setReason("");
    }
  }, [props.open, props.detail]);
  const save = async () => {
    setBusy(true);
    try {
      props.onSaved(await papersApi.correct(props.detail.id, props.detail.version, meta, reason));
    } catch (e) {
      if (props.onConflict(e)) props.onClose();
      else message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      width={720}
      title="Sửa thông tin văn bản đã xác nhận"
      okText="Lưu thông tin"
      cancelText="Hủy"
      okButtonProps={{ disabled: !reason.trim(), loading: busy }}
      onOk={() => void save()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Text type="secondary">Nhiệm vụ, chỉ số và văn bản dẫn chiếu đã xác nhận được giữ nguyên; nhiệm vụ đã giao được sửa trên bảng theo dõi.</Text>
        <MetaForm meta={meta} onChange={setMeta} readOnly={false} classified={props.detail.classification !== "none"} />
        <Text strong>Lý do sửa (bắt buộc, ghi vào nhật ký)</Text>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Ví dụ: nhận diện sai ngày ban hành" aria-label="Lý do sửa" autoSize={{ minRows: 2, maxRows: 4 }} />
      </Space>
    </Modal>
  );
}
