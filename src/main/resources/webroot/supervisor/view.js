// The figures of the dashboard: counts only, as the feed sends them (no id, no content ever reaches this page).
import { assess, capacityInUse, OK, OVERLOAD, THRESHOLDS } from "./thresholds.js";
import { duration, languageName, number, t } from "./i18n.js";

const LEVEL_KEYS = { ok: "level.ok", warning: "level.warning", overload: "level.overload" };
const PRIORITY_KEYS = { 2: "priority.2", 1: "priority.1", 0: "priority.0" };

const byId = (id) => document.getElementById(id);

function setText(id, text) {
  const element = byId(id);
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

function percent(share) {
  return number(share, { style: "percent", maximumFractionDigits: 0 });
}

/** Colour through data-level (supervisor.css), and always the same level in words next to it. */
function setLevel(tileId, levelId, level, reasonKey, params) {
  byId(tileId).dataset.level = level;
  const element = byId(levelId);
  element.dataset.level = level;
  const text = level === OK ? t(LEVEL_KEYS.ok)
    : t("level.withReason", { level: t(LEVEL_KEYS[level]), reason: t(reasonKey, params) });
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

function rows(tableId, entries) {
  const body = byId(tableId).tBodies[0];
  const fresh = document.createElement("tbody");
  for (const [label, count] of entries) {
    const row = fresh.insertRow();
    const head = document.createElement("th");
    head.scope = "row";
    head.textContent = label;
    row.append(head);
    row.insertCell().textContent = number(count);
  }
  if (fresh.innerHTML !== body.innerHTML) {
    body.replaceWith(fresh);
  }
}

function alertText(alert) {
  const p = alert.params;
  switch (alert.key) {
    case "alert.longestWait.overload":
    case "alert.longestWait.warning":
      return t(alert.key, { duration: duration(p.seconds), limit: duration(p.limit) });
    case "alert.capacity.overload":
    case "alert.capacity.warning":
      return t(alert.key, { percent: percent(p.share), limit: percent(p.limit) });
    default:
      return t(alert.key, { count: number(p.count) });
  }
}

function renderAlerts(alerts) {
  const list = byId("alerts");
  const items = alerts.length === 0 ? [{ level: OK, text: t("alert.none") }]
    : alerts.map((a) => ({ level: a.level,
      text: t("alert.item", { level: t(LEVEL_KEYS[a.level]), text: alertText(a) }) }));
  const signature = JSON.stringify(items);
  if (list.dataset.signature === signature) {
    return; // unchanged: a live region must not repeat itself every second
  }
  list.dataset.signature = signature;
  list.replaceChildren(...items.map((item) => {
    const li = document.createElement("li");
    li.dataset.level = item.level;
    li.textContent = item.text;
    return li;
  }));
}

/** Renders one load frame; series gives the counts over the last hour. */
export function render(load, series) {
  const levels = assess(load);
  renderAlerts(levels.alerts);

  setText("waiting-value", number(load.waiting));
  setLevel("tile-waiting", "waiting-level", levels.waiting,
    levels.waiting === OVERLOAD ? "reason.noWorker" : "reason.danger", {});
  rows("waiting-priority", Object.entries(PRIORITY_KEYS).map(([p, key]) => [t(key), load.waitingByPriority?.[p] ?? 0]));
  const languages = Object.entries(load.waitingByLanguage ?? {}).sort((a, b) => b[1] - a[1]);
  rows("waiting-language", languages.length === 0 ? [[t("waiting.nobody"), 0]]
    : languages.map(([code, count]) => [languageName(code), count]));

  setText("wait-value", duration(load.longestWaitSeconds));
  setLevel("tile-wait", "wait-level", levels.wait, "reason.longestWait",
    { limit: duration(THRESHOLDS.longestWaitSeconds[levels.wait] ?? 0) });
  setText("wait-median", t("wait.median", { median: duration(load.waitP50Seconds),
    p90: duration(load.waitP90Seconds) }));

  const share = capacityInUse(load);
  setText("capacity-value", share === null ? t("value.none") : percent(share));
  const noWorker = load.waiting > 0 && load.workersAvailable === 0;
  setLevel("tile-capacity", "capacity-level", levels.capacity, noWorker ? "reason.noWorker" : "reason.capacity",
    { limit: percent(THRESHOLDS.capacityInUse[levels.capacity] ?? 0) });
  setText("capacity-detail", t("capacity.detail", { used: number(load.capacityUsed),
    total: number(load.capacityTotal) }));
  setText("workers-detail", t("workers.detail", { available: number(load.workersAvailable),
    online: number(load.workersOnline) }));

  setText("conversations-value", number(load.conversationsActive));
  setText("offers-pending", t("conversations.offersPending", { count: number(load.offersPending) }));

  setText("lost-value", number(series.increase("abandoned")));
  setText("lost-detail", t("lost.timedOut", { count: number(series.increase("offersTimedOut")) }));
  setText("lost-since", t("lost.sinceStart", { abandoned: number(load.abandoned),
    timedOut: number(load.offersTimedOut ?? 0),
    declined: number(Math.max(0, load.offersDeclined - (load.offersTimedOut ?? 0))) }));
}

/** The thresholds in words, under the dashboard, so that nobody has to guess what a colour means. */
export function renderThresholds() {
  setText("thresholds", t("thresholds.explained", {
    waitWarning: duration(THRESHOLDS.longestWaitSeconds.warning),
    waitOverload: duration(THRESHOLDS.longestWaitSeconds.overload),
    capacityWarning: percent(THRESHOLDS.capacityInUse.warning),
    capacityOverload: percent(THRESHOLDS.capacityInUse.overload),
  }));
}
