"use client";

import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const COLOURS = ["#2563eb", "#059669", "#dc2626", "#d97706", "#7c3aed", "#0891b2", "#64748b"];

/**
 * Several series over the same categories (months, places) as grouped or stacked bars (Apache
 * ECharts, SVG renderer). The table beside it carries the same numbers.
 */
export function SeriesChart({ categories, series, label, stacked = false, horizontal = false }: { categories: string[]; series: { name: string; data: number[]; color?: string }[]; label: string; stacked?: boolean; horizontal?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: "svg" });
    const category = { type: "category" as const, data: categories, ...(horizontal ? { inverse: true } : {}) };
    const value = { type: "value" as const, minInterval: 1 };
    chart.setOption({
      color: COLOURS,
      grid: { left: horizontal ? 110 : 36, right: 16, top: 32, bottom: 24 },
      legend: { type: "scroll", top: 0, itemWidth: 12, itemHeight: 8 },
      tooltip: { trigger: "axis" },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series.map((s) => ({ type: "bar", name: s.name, data: s.data, barMaxWidth: 24, ...(s.color ? { itemStyle: { color: s.color } } : {}), ...(stacked ? { stack: "total" } : {}) })),
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [categories, series, label, stacked, horizontal]);
  return <div ref={ref} role="img" aria-label={label} className="h-64 w-full" />;
}
