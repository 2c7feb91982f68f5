// The paper's text with every found item highlighted. A click on a highlight selects
// its item (the list beside scrolls to it); selecting an item scrolls its highlight into
// view. Selecting a stretch of text offers to add an item for it.
import { Button, Space } from "antd";
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { innermost, type Mark, type MarkKind, segmentsOf } from "./highlight.ts";

export interface TextSelection {
  start: number;
  end: number;
  text: string;
}

interface Props {
  text: string;
  marks: Mark[];
  hidden: Set<MarkKind>;
  selected: string | null;
  /** Bumped to scroll to the selected item again even when it did not change. */
  scrollTick: number;
  onSelect: (item: string) => void;
  /** Actions offered for a stretch of selected text; none in read-only mode. */
  selectionActions?: Array<{ label: string; onClick: (s: TextSelection) => void }>;
}

function offsetOf(node: Node, offset: number): number | null {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const seg = el?.closest<HTMLElement>("[data-s]");
  if (!seg) return null;
  const base = Number(seg.dataset.s);
  return node.nodeType === Node.TEXT_NODE ? base + offset : base;
}

const Segments = memo(function Segments(props: { text: string; marks: Mark[]; selected: string | null; onSelect: (item: string) => void }) {
  const segments = useMemo(() => segmentsOf(props.text.length, props.marks), [props.text, props.marks]);
  const firsts = useMemo(() => {
    const seen = new Set<string>();
    const out = new Map<number, string>();
    for (const s of segments) {
      for (const m of s.marks) {
        if (m.kind === "body" || m.kind === "deadline" || seen.has(m.item)) continue;
        seen.add(m.item);
        if (!out.has(s.start)) out.set(s.start, m.item);
      }
    }
    return out;
  }, [segments]);
  return (
    <>
      {segments.map((s) => {
        const content = props.text.slice(s.start, s.end);
        if (!s.marks.length) return <span key={s.start} data-s={s.start}>{content}</span>;
        const kinds = new Set(s.marks.map((m) => m.kind));
        const sel = props.selected !== null && s.marks.some((m) => m.item === props.selected);
        const cls = [...kinds].map((k) => `hl-${k}`).join(" ") + (sel ? " hl-selected" : "");
        const anchor = firsts.get(s.start);
        return (
          <span
            key={s.start}
            data-s={s.start}
            id={anchor ? `hl-${anchor}` : undefined}
            data-items={[...new Set(s.marks.map((m) => m.item))].join(" ")}
            className={cls}
            onClick={(e) => {
              if (window.getSelection()?.toString()) return;
              e.stopPropagation();
              const m = innermost(s.marks.filter((x) => x.kind !== "body" && x.kind !== "deadline")) ?? innermost(s.marks);
              if (m) props.onSelect(m.item);
            }}
          >
            {content}
          </span>
        );
      })}
    </>
  );
});

export function PaperText(props: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<(TextSelection & { top: number; left: number }) | null>(null);
  const visible = useMemo(() => props.marks.filter((m) => !props.hidden.has(m.kind)), [props.marks, props.hidden]);

  useLayoutEffect(() => {
    if (!props.selected || !box.current) return;
    const el = box.current.querySelector<HTMLElement>(`[id="hl-${CSS.escape(props.selected)}"]`);
    if (el) el.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [props.selected, props.scrollTick]);

  useEffect(() => {
    const clear = () => {
      if (!window.getSelection()?.toString()) setSelection(null);
    };
    document.addEventListener("selectionchange", clear);
    return () => document.removeEventListener("selectionchange", clear);
  }, []);

  const onMouseUp = () => {
    if (!props.selectionActions?.length) return;
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount || !box.current) return;
    const range = sel.getRangeAt(0);
    if (!box.current.contains(range.commonAncestorContainer)) return;
    const a = offsetOf(range.startContainer, range.startOffset);
    const b = offsetOf(range.endContainer, range.endOffset);
    if (a === null || b === null || b <= a) return;
    // Trim white space at both ends.
    let start = a;
    let end = b;
    while (start < end && /\s/.test(props.text[start]!)) start++;
    while (end > start && /\s/.test(props.text[end - 1]!)) end--;
    if (end <= start) return;
    const rect = range.getBoundingClientRect();
    const outer = box.current.getBoundingClientRect();
    setSelection({
      start,
      end,
      text: props.text.slice(start, end),
      top: rect.bottom - outer.top + box.current.scrollTop + 4,
      left: Math.max(0, Math.min(rect.left - outer.left, outer.width - 380)),
    });
  };

  return (
    <div ref={box} className="paper-text" onMouseUp={onMouseUp} aria-label="Nội dung văn bản">
      <Segments text={props.text} marks={visible} selected={props.selected} onSelect={props.onSelect} />
      {selection && props.selectionActions && (
        <div className="paper-text-actions" style={{ top: selection.top, left: selection.left }} onMouseDown={(e) => e.preventDefault()}>
          <Space size={4} wrap>
            {props.selectionActions.map((a) => (
              <Button
                key={a.label}
                size="small"
                onClick={() => {
                  a.onClick(selection);
                  setSelection(null);
                  window.getSelection()?.removeAllRanges();
                }}
              >
                {a.label}
              </Button>
            ))}
          </Space>
        </div>
      )}
    </div>
  );
}
