// The dashboard's charts, drawn by ECharts in the browser: directives by outcome, overdue work
// by lead unit (ranked, a click opens the unit), the month-by-month trend, targets by status.
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import type { DashboardData } from "../../../domain/api/dashboard.ts";
import { formatNumber } from "../../../domain/format.ts";
import { resolutionShortName } from "../../../domain/targets.ts";
import { OUTCOME_COLORS, OUTCOME_LABELS, OUTCOMES, TARGET_STATUS_COLORS, TARGET_STATUS_LABELS } from "./api.ts";

echarts.use([PieChart, BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const fmt = (v: unknown) => (typeof v === "number" ? formatNumber(v) : "—");
const FONT = { fontFamily: "inherit" };

function useChart(option: echarts.EChartsCoreOption, onClick?: (params: { dataIndex: number; seriesIndex?: number }) => void) {
  const ref = useRef<HTMLDivElement>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, null, { renderer: "canvas" });
    chart.setOption({ textStyle: FONT, animationDuration: 300, ...option });
    chart.on("click", (p) => click.current?.(p as { dataIndex: number; seriesIndex?: number }));
    const observer = typeof ResizeObserver !== "undefined" ? new ResizeObserver(() => chart.resize()) : null;
    observer?.observe(ref.current);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [option]);
  return ref;
}

export function OutcomeChart(props: { data: DashboardData; height?: number }) {
  const o = props.data.directives.outcomes;
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item", formatter: (p: { name: string; value: number; percent: number }) => `${p.name}: ${fmt(p.value)} (${formatNumber(p.percent, 1)}%)` },
      legend: { bottom: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 12 } },
      series: [
        {
          type: "pie",
          radius: ["42%", "68%"],
          center: ["50%", "42%"],
          label: { formatter: (p: { value: number }) => fmt(p.value), fontSize: 12 },
          data: OUTCOMES.filter((k) => o[k] > 0).map((k) => ({ name: OUTCOME_LABELS[k], value: o[k], itemStyle: { color: OUTCOME_COLORS[k] } })),
        },
      ],
    }),
    [o],
  );
  const ref = useChart(option);
  return <div ref={ref} data-testid="chart-outcomes" style={{ height: props.height ?? 280 }} aria-label="Biểu đồ nhiệm vụ theo tình hình thực hiện" role="img" />;
}

/** The units with the most overdue work, most first; a click opens the unit. */
export function OverdueByUnitChart(props: { data: DashboardData; onOpen: (unitId: string) => void; height?: number }) {
  const top = useMemo(() => props.data.units.filter((u) => u.overdue > 0).slice(0, 10), [props.data.units]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: fmt },
      grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1, axisLabel: { formatter: fmt } },
      yAxis: {
        type: "category",
        inverse: true,
        data: top.map((u) => `${u.overdueRank}. ${u.name}`),
        axisLabel: { width: 230, overflow: "truncate", fontSize: 12 },
      },
      series: [
        {
          type: "bar",
          name: "Quá hạn",
          data: top.map((u) => u.overdue),
          itemStyle: { color: OUTCOME_COLORS.overdue },
          barMaxWidth: 18,
          cursor: "pointer",
          label: { show: true, position: "right", formatter: (p: { value: number }) => fmt(p.value) },
        },
      ],
    }),
    [top],
  );
  const ref = useChart(option, (p) => {
    const u = top[p.dataIndex];
    if (u) props.onOpen(u.unitId);
  });
  if (!top.length) return <div style={{ height: props.height ?? 280, display: "grid", placeItems: "center", color: "#389e0d" }}>Không có nhiệm vụ quá hạn.</div>;
  return <div ref={ref} data-testid="chart-overdue-units" style={{ height: props.height ?? 280 }} aria-label="Biểu đồ nhiệm vụ quá hạn theo đơn vị" role="img" />;
}

export function TrendChart(props: { data: DashboardData; height?: number }) {
  const trend = props.data.trend;
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis", valueFormatter: fmt },
      legend: { bottom: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 8, top: 24, bottom: 36, containLabel: true },
      xAxis: { type: "category", data: trend.map((m) => `T${Number(m.month.slice(5))}/${m.month.slice(0, 4)}`) },
      yAxis: [
        { type: "value", name: "Hoàn thành", minInterval: 1, axisLabel: { formatter: fmt } },
        { type: "value", name: "Quá hạn", minInterval: 1, splitLine: { show: false }, axisLabel: { formatter: fmt } },
      ],
      series: [
        { type: "bar", name: "Hoàn thành đúng hạn", stack: "done", data: trend.map((m) => m.doneOnTime), itemStyle: { color: OUTCOME_COLORS.done_on_time } },
        { type: "bar", name: "Hoàn thành trễ hạn", stack: "done", data: trend.map((m) => m.doneLate), itemStyle: { color: OUTCOME_COLORS.done_late } },
        { type: "line", name: "Quá hạn cuối tháng", yAxisIndex: 1, data: trend.map((m) => m.overdue), itemStyle: { color: OUTCOME_COLORS.overdue }, lineStyle: { width: 3 }, symbolSize: 7 },
      ],
    }),
    [trend],
  );
  const ref = useChart(option);
  return <div ref={ref} data-testid="chart-trend" style={{ height: props.height ?? 280 }} aria-label="Biểu đồ xu hướng theo tháng" role="img" />;
}

export function TargetsChart(props: { data: DashboardData; height?: number }) {
  const rs = props.data.targets.resolutions;
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: fmt },
      legend: { bottom: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 16, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: rs.map(resolutionShortName), axisLabel: { width: 170, overflow: "break", lineHeight: 14, fontSize: 12 } },
      series: (["exceeded", "met", "behind"] as const)
        .map((s) => ({
          type: "bar",
          stack: "t",
          name: TARGET_STATUS_LABELS[s],
          barMaxWidth: 26,
          itemStyle: { color: TARGET_STATUS_COLORS[s] },
          label: { show: true, formatter: (p: { value: number }) => (p.value ? fmt(p.value) : "") },
          data: rs.map((r) => r.summary[s]),
        }))
        .concat([
          {
            type: "bar",
            stack: "t",
            name: TARGET_STATUS_LABELS.not_assessable!,
            barMaxWidth: 26,
            itemStyle: { color: TARGET_STATUS_COLORS.not_assessable! },
            label: { show: true, formatter: (p: { value: number }) => (p.value ? fmt(p.value) : "") },
            data: rs.map((r) => r.summary.total - r.summary.assessable),
          },
        ]),
    }),
    [rs],
  );
  const ref = useChart(option);
  return <div ref={ref} data-testid="chart-targets" style={{ height: props.height ?? Math.max(140, 70 + 44 * rs.length) }} aria-label="Biểu đồ chỉ tiêu theo mức độ thực hiện" role="img" />;
}
