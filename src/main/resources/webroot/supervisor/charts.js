// Small charts of the last hour, drawn by uPlot (a WebJar served at /webjars/). uPlot draws on a canvas and sets
// sizes through element.style, which the Content-Security-Policy allows; it injects no <style> element.
import uPlot from "/webjars/uplot/1.6.30/dist/uPlot.esm.js";
import { THRESHOLDS, capacityInUse } from "./thresholds.js";
import { currentLanguage, duration, number, t } from "./i18n.js";

const HEIGHT = 150;
// The same colours as the legend swatches in supervisor.css (.swatch-1 …), each 4.5:1 or more on white.
const COLOURS = ["#1f4e9c", "#a3470b", "#6b2c91", "#0b6b3a"];
const THRESHOLD_COLOUR = "#b00020";
const HOUR_SECONDS = 3600;
/** Tick steps on the y axis: whole visitors, round minutes, round percentages. */
const INCREMENTS = {
  count: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  minutes: [1, 2, 5, 10, 15, 30, 60, 120],
  percent: [10, 20, 25, 50, 100],
};

/** What each chart shows: labels are i18n keys; read() takes a point, running names a counter shown as it grows. */
const CHARTS = [
  {
    id: "waiting", title: "chart.waiting.title", unit: "count",
    series: [
      { label: "chart.waiting.total", read: (p) => p.waiting },
      { label: "chart.waiting.flagged",
        read: (p) => (p.waitingByPriority?.["1"] ?? 0) + (p.waitingByPriority?.["2"] ?? 0) },
    ],
  },
  {
    id: "wait", title: "chart.wait.title", unit: "minutes",
    series: [
      { label: "chart.wait.longest", read: (p) => p.longestWaitSeconds / 60 },
      { label: "chart.wait.median", read: (p) => p.waitP50Seconds / 60 },
    ],
    threshold: { value: THRESHOLDS.longestWaitSeconds.overload / 60 },
  },
  {
    id: "capacity", title: "chart.capacity.title", unit: "percent",
    series: [{ label: "chart.capacity.used", read: (p) => {
      const share = capacityInUse(p);
      return share === null ? null : share * 100;
    } }],
    threshold: { value: THRESHOLDS.capacityInUse.overload * 100 },
  },
  {
    id: "workers", title: "chart.workers.title", unit: "count",
    series: [
      { label: "chart.workers.available", read: (p) => p.workersAvailable },
      { label: "chart.workers.conversations", read: (p) => p.conversationsActive },
    ],
  },
  {
    id: "lost", title: "chart.lost.title", unit: "count",
    series: [
      { label: "chart.lost.abandoned", running: "abandoned" },
      { label: "chart.lost.timedOut", running: "offersTimedOut" },
    ],
  },
];

/** The overload threshold as a dashed line across the whole hour, drawn on the canvas. */
function drawThreshold(u, value) {
  const y = Math.round(u.valToPos(value, "y", true));
  const { ctx, bbox } = u;
  ctx.save();
  ctx.strokeStyle = THRESHOLD_COLOUR;
  ctx.lineWidth = 2;
  ctx.setLineDash([8, 5]);
  ctx.beginPath();
  ctx.moveTo(bbox.left, y);
  ctx.lineTo(bbox.left + bbox.width, y);
  ctx.stroke();
  ctx.restore();
}

function clock(seconds) {
  return new Intl.DateTimeFormat(currentLanguage(), { hour: "numeric", minute: "2-digit" }).format(seconds * 1000);
}

function axisLabel(unit, value) {
  switch (unit) {
    case "minutes": return t("duration.minutes", { minutes: number(value) });
    case "percent": return number(value / 100, { style: "percent", maximumFractionDigits: 0 });
    default: return number(value);
  }
}

function formatValue(unit, value) {
  if (value === null || value === undefined) {
    return t("value.none");
  }
  switch (unit) {
    case "minutes": return duration(value * 60);
    case "percent": return number(value / 100, { style: "percent", maximumFractionDigits: 0 });
    default: return number(value, { maximumFractionDigits: 0 });
  }
}

/** One chart: a figure with a caption, a text legend, and a canvas described in words for screen readers. */
class Chart {
  constructor(spec, container) {
    this.spec = spec;
    this.figure = document.createElement("figure");
    this.figure.className = "chart";
    this.figure.dataset.chart = spec.id;
    this.caption = document.createElement("figcaption");
    this.legend = document.createElement("ul");
    this.legend.className = "legend";
    this.canvasBox = document.createElement("div");
    this.canvasBox.className = "chart-canvas";
    this.canvasBox.setAttribute("role", "img");
    this.figure.append(this.caption, this.canvasBox, this.legend);
    container.append(this.figure);
    this.plot = null;
  }

  columns(series) {
    const columns = [series.times()];
    for (const s of this.spec.series) {
      columns.push(s.running ? series.running(s.running) : series.values(s.read));
    }
    return columns;
  }

  options(width) {
    const series = [{}];
    this.spec.series.forEach((s, i) => series.push({ label: t(s.label), stroke: COLOURS[i], width: 2,
      spanGaps: false, value: (u, v) => formatValue(this.spec.unit, v) }));
    const unit = this.spec.unit;
    const threshold = this.spec.threshold?.value ?? 0;
    const axis = { stroke: "#333", grid: { stroke: "#ddd" }, ticks: { stroke: "#ccc" } };
    return {
      width, height: HEIGHT, series, legend: { show: false }, cursor: { show: false },
      scales: {
        // Always the whole last hour, ending at the newest sample: a short history sits at the right.
        x: { time: true, range: (u, min, max) => {
          const end = max ?? Date.now() / 1000;
          return [end - HOUR_SECONDS, end];
        } },
        // From zero, and high enough to show the threshold line: how far below it the load is matters too.
        y: { range: (u, min, max) => [0, Math.max(unit === "percent" ? 100 : 1, threshold * 1.1, (max ?? 0) * 1.1)] },
      },
      axes: [
        { ...axis, space: 70, values: (u, splits) => splits.map((v) => clock(v)) },
        { ...axis, size: 64, incrs: INCREMENTS[unit],
          values: (u, splits) => splits.map((v) => axisLabel(unit, v)) },
      ],
      hooks: this.spec.threshold ? { draw: [(u) => drawThreshold(u, threshold)] } : {},
    };
  }

  update(series) {
    const data = this.columns(series);
    const width = Math.max(200, Math.floor(this.canvasBox.clientWidth || this.figure.clientWidth || 300));
    if (!this.plot) {
      this.plot = new uPlot(this.options(width), data, this.canvasBox);
    } else {
      this.plot.setData(data);
    }
    this.describe(data);
  }

  resize() {
    if (this.plot) {
      const width = Math.max(200, Math.floor(this.canvasBox.clientWidth));
      this.plot.setSize({ width, height: HEIGHT });
    }
  }

  /** Rebuilds the words after a change of language (uPlot keeps its labels, so the plot is made again). */
  relabel(series) {
    this.plot?.destroy();
    this.plot = null;
    this.update(series);
  }

  describe(data) {
    this.caption.textContent = t(this.spec.title);
    const parts = [];
    this.legend.replaceChildren();
    this.spec.series.forEach((s, i) => {
      const values = data[i + 1].filter((v) => v !== null);
      const now = values.at(-1) ?? null;
      const highest = values.length ? Math.max(...values) : null;
      const text = t("chart.seriesSummary", { label: t(s.label), now: formatValue(this.spec.unit, now),
        highest: formatValue(this.spec.unit, highest) });
      parts.push(text);
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = `swatch swatch-${i + 1}`;
      swatch.setAttribute("aria-hidden", "true");
      item.append(swatch, document.createTextNode(text));
      this.legend.append(item);
    });
    if (this.spec.threshold) {
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = "swatch swatch-threshold";
      swatch.setAttribute("aria-hidden", "true");
      item.append(swatch, document.createTextNode(t("chart.thresholdAt",
        { value: formatValue(this.spec.unit, this.spec.threshold.value) })));
      this.legend.append(item);
    }
    const points = data[0].length;
    this.canvasBox.setAttribute("aria-label", `${t(this.spec.title)}. ${t("chart.points", { count: points })} `
      + parts.join(" "));
    this.figure.dataset.points = String(points);
  }
}

/** Every chart of the dashboard, drawn into container. */
export class Charts {
  constructor(container) {
    this.charts = CHARTS.map((spec) => new Chart(spec, container));
    this.series = null;
    this.observer = new ResizeObserver(() => this.charts.forEach((c) => c.resize()));
    this.observer.observe(container);
  }

  update(series) {
    this.series = series;
    this.charts.forEach((chart) => chart.update(series));
  }

  relabel() {
    if (this.series) {
      this.charts.forEach((chart) => chart.relabel(this.series));
    }
  }
}
