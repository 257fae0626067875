// The supervisor dashboard: log in (supervisor or admin), then follow the live load without reloading.
import { AuthError, DashboardSession } from "./auth.js";
import { Charts } from "./charts.js";
import { CONNECTING, LIVE, LOST, LoadFeed } from "./feed.js";
import { apply, currentLanguage, load, preferredLanguage, t, time } from "./i18n.js";
import { LoadSeries } from "./series.js";
import { StatisticsView } from "./statistics.js";
import { render, renderThresholds } from "./view.js";

const byId = (id) => document.getElementById(id);

const state = {
  session: null,
  feed: null,
  series: new LoadSeries(),
  charts: null,
  statistics: null,
  latest: null,
  connection: { state: "offline", detail: {} },
  updatedAt: null,
};

const LOGIN_ERRORS = {
  auth_failed: "login.error.credentials",
  account_disabled: "login.error.disabled",
  account_locked: "login.error.locked",
  rate_limited: "login.error.rateLimited",
  network: "login.error.network",
  forbidden: "login.error.role",
  session_expired: "login.error.expired",
  token_expired: "login.error.expired",
  not_authenticated: "login.error.expired",
};

function loginError(code, retryAfterSeconds = null) {
  const key = LOGIN_ERRORS[code] ?? "login.error.other";
  byId("login-error").textContent = t(key, { seconds: retryAfterSeconds ?? "" });
}

function showDashboard(visible) {
  byId("login").hidden = visible;
  byId("dashboard").hidden = !visible;
  byId("logout").hidden = !visible;
}

async function submitLogin(event) {
  event.preventDefault();
  const username = byId("username").value.trim();
  const password = byId("password").value;
  byId("login-error").textContent = "";
  if (!username || !password) {
    loginError("auth_failed");
    return;
  }
  const button = byId("login-submit");
  button.disabled = true;
  try {
    const session = await DashboardSession.login(username, password);
    if (!session.mayWatch) {
      await session.logout();
      loginError("forbidden");
      return;
    }
    byId("password").value = "";
    start(session);
  } catch (e) {
    loginError(e instanceof AuthError ? e.code : "network", e.retryAfter);
  } finally {
    button.disabled = false;
  }
}

function start(session) {
  state.session = session;
  session.onExpired = () => end("session_expired");
  state.series = new LoadSeries();
  state.latest = null;
  state.updatedAt = null;
  showUpdated();
  showDashboard(true);
  state.charts ??= new Charts(byId("charts"));
  state.feed = new LoadFeed(session, {
    onState: showConnection,
    onHistory: (frame) => {
      state.series.reset(frame);
      state.charts.update(state.series);
    },
    onLoad: (frame) => {
      state.latest = frame;
      state.updatedAt = Date.now();
      showUpdated();
      state.series.add(frame);
      render(frame, state.series);
      state.charts.update(state.series);
    },
    onRefused: (code) => end(code),
  });
  state.feed.start();
  state.statistics = new StatisticsView(session);
  byId("alerts-heading").focus(); // the form is gone: keyboard and screen reader users land on the status
}

/** Back to the login form: figures are wiped, tokens forgotten. */
async function end(code = null) {
  state.feed?.stop();
  state.feed = null;
  state.statistics?.stop();
  state.statistics = null;
  const session = state.session;
  state.session = null;
  await session?.logout();
  state.latest = null;
  state.updatedAt = null;
  showUpdated();
  showDashboard(false);
  showConnection("offline", {});
  if (code) {
    loginError(code);
  }
  byId("username").focus();
}

function showConnection(connection, detail) {
  state.connection = { state: connection, detail };
  const element = byId("connection");
  element.dataset.state = connection;
  byId("dashboard").classList.toggle("stale", connection === LOST || (connection === CONNECTING && !!detail.since));
  // A live region: its text changes with the state only, never every second.
  const text = connectionText(connection, detail);
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

function connectionText(connection, detail) {
  switch (connection) {
    case LIVE:
      return t("connection.live");
    case CONNECTING:
      return detail.since ? t("connection.reconnecting", { since: time(detail.since) }) : t("connection.connecting");
    case LOST:
      return t(detail.restart ? "connection.restarting" : "connection.lost", { since: time(detail.since) });
    default:
      return t("connection.offline");
  }
}

function showUpdated() {
  byId("updated").textContent = state.updatedAt ? t("updated.at", { time: time(state.updatedAt) }) : "";
}

async function switchLanguage(lang) {
  await load(lang);
  apply();
  renderThresholds();
  showConnection(state.connection.state, state.connection.detail);
  showUpdated();
  if (state.latest) {
    render(state.latest, state.series);
  }
  state.charts?.relabel();
  state.statistics?.render();
}

async function main() {
  const select = byId("language");
  const lang = await load(preferredLanguage());
  select.value = lang;
  apply();
  renderThresholds();
  showConnection("offline", {});
  select.addEventListener("change", () => switchLanguage(select.value));
  byId("login-form").addEventListener("submit", submitLogin);
  byId("logout").addEventListener("click", () => end());
  document.body.dataset.ready = currentLanguage();
}

main();
