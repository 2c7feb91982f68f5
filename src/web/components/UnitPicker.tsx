// Picks one or several units among those that exist on a date, from the tree as it
// was then. Search ignores diacritics ("so tai chinh" finds "Sở Tài chính") and looks
// at short names and other names too.
import { TreeSelect } from "antd";
import { type CSSProperties, useEffect, useMemo, useState } from "react";
import { todayInVietnam } from "../../domain/format.ts";
import { buildTree, type TreeNode, type UnitSlice } from "../../domain/units.ts";
import { folded, searchKey } from "./search.ts";
import { unitLabel, unitsAsOf } from "./units.ts";

interface Option {
  value: string;
  title: string;
  search: string;
  disabled?: boolean;
  children: Option[];
}

function toOptions(nodes: TreeNode[], excluded: Set<string>): Option[] {
  return nodes.map((n) => ({
    value: n.id,
    title: unitLabel(n),
    // Both the folded key (typed without diacritics) and the plain lower-case names: the list's own
    // keyboard focus (Enter picks the first match) compares the typed text as it is.
    search: `${searchKey(n)} ${[n.name, n.shortName ?? "", ...n.aliases].join(" ").toLocaleLowerCase("vi")}`,
    disabled: excluded.has(n.id),
    children: toOptions(n.children, excluded),
  }));
}

interface CommonProps {
  /** The date whose tree is offered (ISO); today unless told. */
  asOf?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  /** Units that may not be chosen (e.g. the unit itself as its own parent). */
  exclude?: string[];
  style?: CSSProperties;
  id?: string;
  "aria-label"?: string;
}

export type UnitPickerProps =
  | (CommonProps & { multiple?: false; value?: string | null; onChange?: (id: string | null) => void })
  | (CommonProps & { multiple: true; value?: string[]; onChange?: (ids: string[]) => void });

export function UnitPicker(props: UnitPickerProps) {
  const asOf = props.asOf ?? todayInVietnam();
  const [units, setUnits] = useState<UnitSlice[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setFailed(false);
    unitsAsOf(asOf).then(
      (u) => live && setUnits(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [asOf]);

  const excludeKey = (props.exclude ?? []).join(",");
  const options = useMemo(
    () => (units ? toOptions(buildTree(units), new Set(excludeKey ? excludeKey.split(",") : [])) : []),
    [units, excludeKey],
  );

  const common = {
    id: props.id,
    "aria-label": props["aria-label"],
    treeData: options,
    loading: !units && !failed,
    disabled: props.disabled,
    allowClear: props.allowClear ?? true,
    placeholder: failed ? "Không tải được danh sách đơn vị" : (props.placeholder ?? "Chọn đơn vị"),
    notFoundContent: units ? "Không có đơn vị phù hợp" : "Đang tải…",
    showSearch: {
      treeNodeFilterProp: "search",
      filterTreeNode: (input: string, node: object) =>
        String((node as { search?: string }).search ?? "").includes(folded(input.trim())),
    },
    treeNodeLabelProp: "title",
    treeDefaultExpandedKeys: options.map((o) => o.value),
    popupMatchSelectWidth: 480,
    style: { width: "100%", ...props.style },
    listHeight: 360,
  };

  if (props.multiple) {
    return (
      <TreeSelect<string[]>
        {...common}
        multiple
        treeCheckable={false}
        maxTagCount="responsive"
        value={props.value ?? []}
        onChange={(v) => props.onChange?.(v ?? [])}
      />
    );
  }
  return <TreeSelect<string | null> {...common} value={props.value ?? null} onChange={(v) => props.onChange?.(v ?? null)} />;
}
