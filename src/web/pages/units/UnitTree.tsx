// The organisation tree on one date, with a search that ignores diacritics: matches are
// highlighted, shown with the units above them, and everything else is hidden.
import { Tree, Typography } from "antd";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { buildTree, type TreeNode, type UnitSlice } from "../../../domain/units.ts";
import { folded, searchKey } from "../../components/search.ts";
import { EmptyState } from "../../components/States.tsx";
import { KindTag } from "./kinds.tsx";

/** The name with the part matching the (folded) needle marked, diacritics ignored. */
function highlight(text: string, needle: string): ReactNode {
  if (!needle) return text;
  // Fold character by character so positions in the folded text map back to the original.
  const starts: number[] = [];
  let foldedText = "";
  for (let i = 0; i < text.length; i++) {
    const f = folded(text[i]!);
    for (let k = 0; k < f.length; k++) starts.push(i);
    foldedText += f;
  }
  const at = foldedText.indexOf(needle);
  if (at < 0) return text;
  const from = starts[at]!;
  const to = (starts[at + needle.length - 1] ?? text.length - 1) + 1;
  return (
    <>
      {text.slice(0, from)}
      <mark className="search-hit">{text.slice(from, to)}</mark>
      {text.slice(to)}
    </>
  );
}

interface DataNode {
  key: string;
  title: ReactNode;
  children: DataNode[];
}

function toData(nodes: TreeNode[], keep: Set<string> | null, needle: string): DataNode[] {
  return nodes
    .filter((n) => !keep || keep.has(n.id))
    .map((n) => ({
      key: n.id,
      title: (
        <span className="unit-node" data-unit-id={n.id} data-name={n.name}>
          <span className="unit-node-name">
            {highlight(n.name, needle)}
            {n.shortName && n.shortName !== n.name && <Typography.Text type="secondary"> ({n.shortName})</Typography.Text>}
          </span>
          <KindTag kind={n.kind} compact />
        </span>
      ),
      children: toData(n.children, keep, needle),
    }));
}

export interface UnitTreeProps {
  units: UnitSlice[];
  search: string;
  selectedId: string | null;
  onSelect(id: string): void;
  /** Reports how many units match the search (null without a search). */
  onMatches?(count: number | null): void;
}

export function UnitTree(props: UnitTreeProps) {
  const roots = useMemo(() => buildTree(props.units), [props.units]);
  const byId = useMemo(() => new Map(props.units.map((u) => [u.id, u])), [props.units]);
  const needle = folded(props.search.trim());

  // Matching units and every unit above them.
  const keep = useMemo(() => {
    if (!needle) return null;
    const set = new Set<string>();
    for (const u of props.units) {
      if (!searchKey(u).includes(needle)) continue;
      let cur: UnitSlice | undefined = u;
      while (cur && !set.has(cur.id)) {
        set.add(cur.id);
        cur = cur.parentId ? byId.get(cur.parentId) : undefined;
      }
    }
    return set;
  }, [needle, props.units, byId]);

  const matchCount = useMemo(() => (needle ? props.units.filter((u) => searchKey(u).includes(needle)).length : null), [needle, props.units]);
  const { onMatches } = props;
  useEffect(() => onMatches?.(matchCount), [matchCount, onMatches]);

  const data = useMemo(() => toData(roots, keep, needle), [roots, keep, needle]);

  // By default the first level is open, and the way down to the selected unit.
  const [expanded, setExpanded] = useState<string[]>([]);
  useEffect(() => {
    const open = new Set(roots.map((r) => r.id));
    let cur = props.selectedId ? byId.get(props.selectedId) : undefined;
    while (cur?.parentId) {
      open.add(cur.parentId);
      cur = byId.get(cur.parentId);
    }
    setExpanded((prev) => [...new Set([...prev.filter((k) => byId.has(k)), ...open])]);
    // Recomputed when the tree (date) changes or another unit is selected.
  }, [roots, byId, props.selectedId]);

  if (!props.units.length) return <EmptyState description="Không có đơn vị nào vào ngày này." />;
  if (keep && !keep.size) return <EmptyState description="Không có đơn vị nào phù hợp với từ tìm kiếm." />;

  return (
    <Tree
      blockNode
      showLine={{ showLeafIcon: false }}
      treeData={data}
      expandedKeys={keep ? [...keep] : expanded}
      onExpand={(keys) => !keep && setExpanded(keys.map(String))}
      selectedKeys={props.selectedId ? [props.selectedId] : []}
      onSelect={(keys) => {
        const id = keys[0];
        if (id !== undefined) props.onSelect(String(id));
      }}
      aria-label="Cây tổ chức"
    />
  );
}
