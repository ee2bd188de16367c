"use client";

import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, SVGRenderer]);

/** A small bar chart (Apache ECharts, SVG renderer); the table beside it carries the same numbers. */
export function CountChart({ items, label, horizontal = false }: { items: { name: string; count: number }[]; label: string; horizontal?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: "svg" });
    const names = items.map((i) => i.name);
    const values = items.map((i) => i.count);
    chart.setOption({
      grid: { left: horizontal ? 90 : 30, right: 16, top: 10, bottom: 24 },
      tooltip: { trigger: "axis" },
      xAxis: horizontal ? { type: "value", minInterval: 1 } : { type: "category", data: names },
      yAxis: horizontal ? { type: "category", data: names, inverse: true } : { type: "value", minInterval: 1 },
      series: [{ type: "bar", name: label, data: values, itemStyle: { color: "#2563eb" }, barMaxWidth: 28 }],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [items, label, horizontal]);
  return <div ref={ref} role="img" aria-label={label} className="h-48 w-full" />;
}
