// The statistics view: anonymous counts per month, département, language and campaign, as the server publishes them
// (a count from 1 to 4 arrives as null and is shown as "<5"). Tables per month, a uPlot chart of the published
// counts, filters, and the same cells as a CSV download. No total is computed here: a total next to a suppressed
// cell could reveal it (docs/operations.md).
import uPlot from "/webjars/uplot/1.6.30/dist/uPlot.esm.js";
import { call } from "../lib/staff-session.js";
import { currentLanguage, languageName, number, t } from "./i18n.js";

const byId = (id) => document.getElementById(id);
const FILTERS = ["departement", "language", "campaign"];
/** The measures the chart draws, with the legend swatch colours of supervisor.css. */
const CHARTED = [
  { measure: "sessionsStarted", colour: "#1f4e9c" },
  { measure: "queueJoined", colour: "#a3470b" },
  { measure: "conversations", colour: "#6b2c91" },
  { measure: "abandoned", colour: "#0b6b3a" },
];

function monthInput(offset) {
  const now = new Date();
  const date = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

function monthName(month) {
  const [year, index] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(currentLanguage(), { month: "long", year: "numeric", timeZone: "UTC" })
    .format(Date.UTC(year, index - 1, 1));
}

/** A published count: a number, or null when suppressed. */
function countText(value) {
  return value === null ? t("stats.suppressed") : number(value);
}

export class StatisticsView {
  /** session gives access tokens; the view is filled on demand. */
  constructor(session) {
    this.session = session;
    this.report = null;
    this.plot = null;
    this.form = byId("stats-form");
    byId("stats-from").value ||= monthInput(-5);
    byId("stats-to").value ||= monthInput(0);
    this.onSubmit = (event) => {
      event.preventDefault();
      this.show();
    };
    this.onDownload = () => this.download();
    this.form.addEventListener("submit", this.onSubmit);
    byId("stats-csv").addEventListener("click", this.onDownload);
    this.listCampaigns();
  }

  /** Offers the registered campaign codes in the campaign filter; without them the field still takes any code. */
  async listCampaigns() {
    try {
      const { campaigns } = await call("GET", "/api/v1/campaigns", await this.session.token());
      byId("stats-campaigns").replaceChildren(...campaigns.map((c) => {
        const option = document.createElement("option");
        option.value = c.code;
        option.label = `${c.label} (${c.departement})`;
        return option;
      }));
    } catch {
      byId("stats-campaigns").replaceChildren();
    }
  }

  stop() {
    this.form.removeEventListener("submit", this.onSubmit);
    byId("stats-csv").removeEventListener("click", this.onDownload);
    this.plot?.destroy();
    this.plot = null;
    byId("stats-tables").replaceChildren();
    byId("stats-chart").replaceChildren();
    byId("stats-chart").removeAttribute("role");
    byId("stats-chart").removeAttribute("aria-label");
    byId("stats-legend").replaceChildren();
    byId("stats-campaigns").replaceChildren();
    byId("stats-error").textContent = "";
  }

  query() {
    const params = new URLSearchParams({ from: byId("stats-from").value, to: byId("stats-to").value });
    for (const name of FILTERS) {
      const value = byId(`stats-${name}`).value.trim();
      if (value) {
        params.set(name, value);
      }
    }
    return params.toString();
  }

  async show() {
    byId("stats-error").textContent = "";
    try {
      this.report = await call("GET", `/api/v1/statistics?${this.query()}`, await this.session.token());
      this.render();
    } catch (e) {
      this.report = null;
      byId("stats-error").textContent = t("stats.error", { detail: e.detail ?? e.code ?? "" });
    }
  }

  /** Fetches the CSV with the access token and hands it to the browser as a file. */
  async download() {
    byId("stats-error").textContent = "";
    try {
      const response = await fetch(`/api/v1/statistics.csv?${this.query()}`, { cache: "no-store",
        credentials: "omit", headers: { Authorization: `Bearer ${await this.session.token()}` } });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw { detail: problem.detail ?? response.status };
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = `statistics-${byId("stats-from").value}-${byId("stats-to").value}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      byId("stats-error").textContent = t("stats.error", { detail: e.detail ?? "" });
    }
  }

  /** Redraws in the current language. */
  render() {
    if (!this.report) {
      return;
    }
    this.renderTables();
    this.renderChart();
  }

  renderTables() {
    const container = byId("stats-tables");
    container.replaceChildren();
    const byMonth = new Map();
    for (const cell of this.report.cells) {
      byMonth.set(cell.month, [...(byMonth.get(cell.month) ?? []), cell]);
    }
    if (byMonth.size === 0) {
      const empty = document.createElement("p");
      empty.textContent = t("stats.empty");
      container.append(empty);
      return;
    }
    for (const [month, cells] of byMonth) {
      container.append(this.table(month, cells));
    }
  }

  table(month, cells) {
    const table = document.createElement("table");
    table.className = "stats-table";
    table.dataset.month = month;
    const caption = table.createCaption();
    caption.textContent = monthName(month);
    const head = table.createTHead().insertRow();
    for (const key of ["stats.col.departement", "stats.col.language", "stats.col.campaign"]) {
      head.append(header(t(key)));
    }
    for (const measure of this.report.measures) {
      head.append(header(t(`stats.measure.${measure}`)));
    }
    const body = table.createTBody();
    for (const cell of cells) {
      const row = body.insertRow();
      row.insertCell().textContent = cell.departement === "unknown" ? t("stats.unknown") : cell.departement;
      row.insertCell().textContent = cell.language === "unknown" ? t("stats.unknown")
        : cell.language === "other" ? t("stats.otherLanguage") : languageName(cell.language);
      row.insertCell().textContent = cell.campaign === "unknown" ? t("stats.unknown")
        : `${cell.campaign}${cell.campaignLabel ? ` — ${cell.campaignLabel}` : ""}`;
      for (const measure of this.report.measures) {
        const td = row.insertCell();
        const value = cell.counts[measure];
        td.textContent = countText(value);
        td.dataset.measure = measure;
        if (value === null) {
          td.className = "suppressed";
          td.title = t("stats.suppressedTitle", { threshold: this.report.threshold });
        }
      }
    }
    return table;
  }

  renderChart() {
    const box = byId("stats-chart");
    this.plot?.destroy();
    this.plot = null;
    box.replaceChildren();
    // Described in words once drawn; until then it is an empty box, not an image.
    box.removeAttribute("role");
    box.removeAttribute("aria-label");
    const months = [...new Set(this.report.cells.map((c) => c.month))].sort();
    if (months.length === 0) {
      return;
    }
    const times = months.map((m) => {
      const [year, index] = m.split("-").map(Number);
      return Date.UTC(year, index - 1, 1) / 1000;
    });
    const data = [times, ...CHARTED.map(({ measure }) => months.map((m) => this.report.cells
      .filter((c) => c.month === m).reduce((sum, c) => sum + (c.counts[measure] ?? 0), 0)))];
    const width = Math.max(280, Math.floor(box.clientWidth || 600));
    const axis = { stroke: "#333", grid: { stroke: "#ddd" }, ticks: { stroke: "#ccc" } };
    this.plot = new uPlot({
      width, height: 200, legend: { show: false }, cursor: { show: false },
      series: [{}, ...CHARTED.map(({ measure, colour }) => ({ label: t(`stats.measure.${measure}`), stroke: colour,
        width: 2, points: { show: true } }))],
      scales: { y: { range: (u, min, max) => [0, Math.max(5, (max ?? 0) * 1.1)] } },
      axes: [{ ...axis, space: 80, incrs: [86400 * 28, 86400 * 28 * 3, 86400 * 365],
        values: (u, splits) => splits.map((v) => new Intl.DateTimeFormat(currentLanguage(),
          { month: "short", year: "2-digit", timeZone: "UTC" }).format(v * 1000)) },
      { ...axis, size: 56, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }],
    }, data, box);
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", `${t("stats.chartTitle")}. ` + CHARTED.map(({ measure }, i) =>
      t("stats.chartSeries", { label: t(`stats.measure.${measure}`),
        values: data[i + 1].map((v, j) => `${monthName(months[j])} ${number(v)}`).join(", ") })).join(" "));
    const legend = byId("stats-legend");
    legend.replaceChildren(...CHARTED.map(({ measure }, i) => {
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = `swatch swatch-${i + 1}`;
      swatch.setAttribute("aria-hidden", "true");
      item.append(swatch, document.createTextNode(t(`stats.measure.${measure}`)));
      return item;
    }));
  }
}

function header(text) {
  const th = document.createElement("th");
  th.scope = "col";
  th.textContent = text;
  return th;
}
