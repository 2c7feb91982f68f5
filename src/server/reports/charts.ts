import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import { formatNumber } from "../../domain/format.ts";

// Charts for generated papers: ECharts renders on the server to SVG (no browser, no canvas),
// resvg turns the SVG into a PNG with the system's serif font (Tinos / Liberation Serif are
// metric-compatible with Times New Roman and cover Vietnamese). Same input, same bytes.

/** Tinos first: resvg does not match the system's Liberation Serif by name on every machine. */
export const CHART_FONT = "Tinos, 'Liberation Serif', 'Times New Roman', serif";
const DEFAULT_FONT = "Tinos";

export interface BarSeries {
  name: string;
  data: number[];
  color: string;
}

export interface BarChartSpec {
  title?: string;
  categories: string[];
  series: BarSeries[];
  stacked?: boolean;
  /** Bars grow rightwards, categories down the left (long unit names). */
  horizontal?: boolean;
  /** Size in CSS pixels; the PNG is drawn at twice this for print. */
  width: number;
  height: number;
  /** Axis label suffix, e.g. "%". */
  unit?: string;
}

export interface PieChartSpec {
  title?: string;
  items: { name: string; value: number; color: string }[];
  width: number;
  height: number;
}

const text = { fontFamily: CHART_FONT, color: "#000", fontSize: 13 };

function svgOf(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: text, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

// Times-compatible fonts where Linux, Windows and macOS keep them. Loading a few files is much
// faster than scanning every system font for each chart; without any, resvg scans the system.
const FONT_FILES: [family: string, files: string[]][] = [
  ["Tinos", ["Regular", "Bold", "Italic", "BoldItalic"].map((s) => `/usr/share/fonts/truetype/croscore/Tinos-${s}.ttf`)],
  ["Liberation Serif", ["Regular", "Bold", "Italic", "BoldItalic"].map((s) => `/usr/share/fonts/truetype/liberation2/LiberationSerif-${s}.ttf`)],
  ["Liberation Serif", ["Regular", "Bold", "Italic", "BoldItalic"].map((s) => `/usr/share/fonts/truetype/liberation/LiberationSerif-${s}.ttf`)],
  ["Times New Roman", ["times", "timesbd", "timesi", "timesbi"].map((s) => `C:\\Windows\\Fonts\\${s}.ttf`)],
  ["Times New Roman", ["Times New Roman", "Times New Roman Bold", "Times New Roman Italic", "Times New Roman Bold Italic"].map((s) => `/System/Library/Fonts/Supplemental/${s}.ttf`)],
];

let fontOptions: { fontFiles?: string[]; loadSystemFonts: boolean; defaultFontFamily: string; serifFamily: string } | null = null;

function fonts() {
  if (!fontOptions) {
    const found = FONT_FILES.map(([family, files]) => [family, files.filter((f) => existsSync(f))] as const).find(([, files]) => files.length);
    fontOptions = found
      ? { fontFiles: [...found[1]], loadSystemFonts: false, defaultFontFamily: found[0], serifFamily: found[0] }
      : { loadSystemFonts: true, defaultFontFamily: DEFAULT_FONT, serifFamily: DEFAULT_FONT };
  }
  return fontOptions;
}

/** SVG → PNG at `scale` × the SVG's size. */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, { fitTo: { mode: "zoom", value: scale }, background: "#ffffff", font: fonts() });
  return new Uint8Array(resvg.render().asPng());
}

/** Wraps a long category name onto lines of at most `width` characters, breaking at spaces. */
export function wrapLabel(label: string, width = 22): string {
  const words = label.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

export function barChartSvg(spec: BarChartSpec): string {
  const valueAxis = {
    type: "value",
    axisLabel: { ...text, fontSize: 12, formatter: (v: number) => `${formatNumber(v)}${spec.unit ?? ""}` },
    splitLine: { lineStyle: { color: "#ddd" } },
    minInterval: 1,
  };
  const categoryAxis = {
    type: "category",
    data: spec.categories.map((c) => (spec.horizontal ? wrapLabel(c, 28) : wrapLabel(c, 14))),
    inverse: spec.horizontal,
    axisLabel: { ...text, fontSize: 12, interval: 0, lineHeight: 14 },
    axisTick: { alignWithLabel: true },
  };
  return svgOf(
    {
      title: spec.title ? { text: spec.title, left: "center", textStyle: { ...text, fontSize: 15, fontWeight: "bold" } } : undefined,
      legend: { bottom: 0, textStyle: { ...text, fontSize: 13 }, itemWidth: 14, itemHeight: 10 },
      grid: { left: 12, right: 28, top: spec.title ? 40 : 16, bottom: 36, containLabel: true },
      xAxis: spec.horizontal ? valueAxis : categoryAxis,
      yAxis: spec.horizontal ? categoryAxis : valueAxis,
      series: spec.series.map((s) => ({
        type: "bar",
        name: s.name,
        data: s.data,
        stack: spec.stacked ? "total" : undefined,
        itemStyle: { color: s.color },
        barMaxWidth: 28,
        label: {
          show: true,
          position: spec.stacked ? "inside" : spec.horizontal ? "right" : "top",
          ...text,
          fontSize: 11,
          color: spec.stacked ? "#fff" : "#000",
          formatter: (p: { value: number }) => (p.value ? formatNumber(p.value) : ""),
        },
      })),
    },
    spec.width,
    spec.height,
  );
}

export function pieChartSvg(spec: PieChartSpec): string {
  const total = spec.items.reduce((s, x) => s + x.value, 0);
  return svgOf(
    {
      title: spec.title ? { text: spec.title, left: "center", textStyle: { ...text, fontSize: 15, fontWeight: "bold" } } : undefined,
      legend: { bottom: 0, textStyle: { ...text, fontSize: 13 }, itemWidth: 14, itemHeight: 10 },
      series: [
        {
          type: "pie",
          radius: ["38%", "66%"],
          center: ["50%", spec.title ? "52%" : "46%"],
          data: spec.items.filter((x) => x.value > 0).map((x) => ({ name: x.name, value: x.value, itemStyle: { color: x.color } })),
          label: {
            ...text,
            fontSize: 12,
            formatter: (p: { name: string; value: number }) => `${formatNumber(p.value)} (${formatNumber(total ? (100 * p.value) / total : 0, 1)}%)`,
          },
        },
      ],
    },
    spec.width,
    spec.height,
  );
}

export function barChartPng(spec: BarChartSpec): Uint8Array {
  return svgToPng(barChartSvg(spec));
}

export function pieChartPng(spec: PieChartSpec): Uint8Array {
  return svgToPng(pieChartSvg(spec));
}

/** Colours shared by the report, the dashboard and the workbook. */
export const COLORS = {
  onTime: "#2e7d32",
  late: "#f9a825",
  overdue: "#c62828",
  notDue: "#1565c0",
  exceeded: "#2e7d32",
  met: "#1565c0",
  behind: "#c62828",
  notAssessable: "#9e9e9e",
} as const;
