// A target's history as ECharts draws it: a year month by month (the figure to date, the path
// the plan expects, the forecast to the year end, dashed), or year by year (the figure, the
// plan line, the forecast of an open year).
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import type { TargetDetail } from "../../../domain/api/targets.ts";
import { formatNumber } from "../../../domain/format.ts";

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const fmt = (v: unknown) => (typeof v === "number" ? formatNumber(v, Math.abs(v) >= 1000 ? 0 : 2) : "—");

function useChart(option: echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, null, { renderer: "canvas" });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    const observer = typeof ResizeObserver !== "undefined" ? new ResizeObserver(resize) : null;
    observer?.observe(ref.current);
    return () => {
      window.removeEventListener("resize", resize);
      observer?.disconnect();
      chart.dispose();
    };
  }, [option]);
  return ref;
}

const tooltip = {
  trigger: "axis",
  valueFormatter: fmt,
};

/** The chosen year, month by month. */
export function MonthChart(props: { detail: TargetDetail }) {
  const { chart, target } = props.detail;
  const accumulates = target.accumulates;
  const plan = target.plans.find((p) => p.period === String(chart.year))?.value ?? null;
  const option = useMemo(() => ({
    tooltip,
    legend: { bottom: 0 },
    grid: { left: 60, right: 24, top: 32, bottom: 48 },
    xAxis: { type: "category", data: chart.months.map((m) => `T${m.month}`) },
    yAxis: { type: "value", name: target.unit, axisLabel: { formatter: fmt } },
    series: [
      {
        name: accumulates ? `Thực hiện lũy kế ${chart.year}` : `Thực hiện ${chart.year}`,
        type: "line",
        data: chart.months.map((m) => m.actual),
        connectNulls: true,
        symbolSize: 7,
        lineStyle: { width: 3 },
        itemStyle: { color: "#1677ff" },
        ...(plan !== null ? { markLine: { symbol: "none", label: { position: "insideEndTop", formatter: `Kế hoạch năm: ${fmt(plan)}` }, lineStyle: { color: "#fa8c16" }, data: [{ yAxis: plan }] } } : {}),
      },
      {
        name: accumulates ? "Tiến độ theo kế hoạch" : "Kế hoạch",
        type: "line",
        data: chart.months.map((m) => m.expected),
        symbol: "none",
        lineStyle: { type: "dotted", color: "#8c8c8c" },
        itemStyle: { color: "#8c8c8c" },
      },
      {
        name: "Dự báo đến cuối năm",
        type: "line",
        data: chart.months.map((m) => m.forecast),
        symbol: "circle",
        symbolSize: 4,
        lineStyle: { type: "dashed", color: "#722ed1" },
        itemStyle: { color: "#722ed1" },
      },
    ],
  }), [chart, target, accumulates, plan]);
  const ref = useChart(option);
  return <div ref={ref} style={{ width: "100%", height: 340 }} role="img" aria-label={`Biểu đồ ${target.name} năm ${chart.year} theo tháng`} data-testid="target-month-chart" />;
}

/** Year by year, with the plan and the forecast of a year not yet closed. */
export function YearChart(props: { detail: TargetDetail }) {
  const { chart, target } = props.detail;
  const option = useMemo(() => ({
    tooltip,
    legend: { bottom: 0 },
    grid: { left: 60, right: 24, top: 32, bottom: 48 },
    xAxis: { type: "category", data: chart.yearly.map((y) => String(y.year)) },
    yAxis: { type: "value", name: target.unit, axisLabel: { formatter: fmt } },
    series: [
      {
        name: "Thực hiện",
        type: "bar",
        data: chart.yearly.map((y) => y.actual),
        itemStyle: { color: "#1677ff" },
        barMaxWidth: 36,
      },
      {
        name: "Dự báo cả năm",
        type: "bar",
        data: chart.yearly.map((y) => y.forecast),
        itemStyle: { color: "rgba(114, 46, 209, 0.35)", borderColor: "#722ed1", borderType: "dashed", borderWidth: 1 },
        barMaxWidth: 36,
        barGap: "-100%",
      },
      {
        name: "Kế hoạch",
        type: "line",
        data: chart.yearly.map((y) => y.plan),
        symbol: "diamond",
        symbolSize: 9,
        lineStyle: { color: "#fa8c16" },
        itemStyle: { color: "#fa8c16" },
        connectNulls: false,
        ...(chart.termPlan !== null && target.termBasis !== "sum"
          ? { markLine: { symbol: "none", label: { position: "insideEndTop", formatter: `Kế hoạch nhiệm kỳ: ${fmt(chart.termPlan)}` }, lineStyle: { color: "#cf1322", type: "dashed" }, data: [{ yAxis: chart.termPlan }] } }
          : {}),
      },
    ],
  }), [chart, target]);
  const ref = useChart(option);
  return <div ref={ref} style={{ width: "100%", height: 340 }} role="img" aria-label={`Biểu đồ ${target.name} theo năm`} data-testid="target-year-chart" />;
}
