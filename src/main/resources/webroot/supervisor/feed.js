// The /ws/supervisor feed (docs/protocol.md section 5): authenticate with the first frame, take the history, then a
// load frame every second. It reconnects by itself with back-off, and says so: a silent feed is a lost feed.
const STALE_MS = 5_000;
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];
/** Errors after which reconnecting with the same session is pointless: back to the login form. */
const REFUSALS = new Set(["forbidden", "account_disabled", "auth_failed", "not_authenticated"]);

export const CONNECTING = "connecting";
export const LIVE = "live";
export const LOST = "lost";
export const STOPPED = "stopped";

export class LoadFeed {
  /**
   * @param session a DashboardSession (token())
   * @param handlers onState(state, {since, retryAt, restart}), onHistory(frame), onLoad(frame), onRefused(code)
   */
  constructor(session, handlers) {
    this.session = session;
    this.handlers = handlers;
    this.ws = null;
    this.attempts = 0;
    this.state = STOPPED;
    this.lostSince = null;
    this.lastFrameAt = 0;
    this.reconnectTimer = null;
    this.watchdog = null;
  }

  start() {
    this.stopped = false;
    this.watchdog = setInterval(() => this.checkAlive(), 1_000);
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearInterval(this.watchdog);
    clearTimeout(this.reconnectTimer);
    this.drop();
    this.setState(STOPPED);
  }

  setState(state, detail = {}) {
    this.state = state;
    this.handlers.onState(state, detail);
  }

  connect() {
    if (this.stopped) {
      return;
    }
    this.refusal = null;
    this.retryAfter = null;
    this.setState(CONNECTING, { since: this.lostSince });
    const url = new URL("/ws/supervisor", location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(url);
    this.ws = ws;
    this.lastFrameAt = Date.now();
    ws.onopen = () => {
      this.session.token().then(
        (token) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ type: "auth", token })),
        (e) => {
          // A refused refresh ends the session; a network failure is one more reason to try again later.
          if (e.code !== "network" && e.code !== "internal") {
            this.refusal = e.code ?? "auth_failed";
          }
          ws.close();
        });
    };
    ws.onmessage = (event) => this.receive(ws, event.data);
    ws.onclose = () => this.closed(ws);
  }

  receive(ws, text) {
    if (ws !== this.ws) {
      return;
    }
    let frame;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    this.lastFrameAt = Date.now();
    switch (frame.type) {
      case "ready":
        this.attempts = 0;
        this.lostSince = null;
        this.setState(LIVE);
        break;
      case "history":
        this.handlers.onHistory(frame);
        break;
      case "load":
        if (this.state !== LIVE) {
          this.setState(LIVE);
        }
        this.handlers.onLoad(frame);
        break;
      case "shutdown":
        this.retryAfter = frame.retryAfterSeconds ?? 2;
        break;
      case "error":
        if (frame.code === "token_expired") {
          this.refusal = "token_expired";
        } else if (REFUSALS.has(frame.code)) {
          this.refusal = frame.code;
        }
        break;
      default:
        break;
    }
  }

  closed(ws) {
    if (ws !== this.ws || this.stopped) {
      return;
    }
    this.ws = null;
    if (this.refusal && this.refusal !== "token_expired") {
      this.stop();
      this.handlers.onRefused(this.refusal);
      return;
    }
    if (this.refusal === "token_expired") {
      // The token ran out between two refreshes: get a new one and come straight back.
      this.session.refresh().then(() => this.connect(), () => {});
      return;
    }
    this.scheduleReconnect();
  }

  scheduleReconnect() {
    this.lostSince ??= Date.now();
    const restart = this.retryAfter !== null;
    const base = restart ? this.retryAfter * 1000 : BACKOFF_MS[Math.min(this.attempts, BACKOFF_MS.length - 1)];
    const delay = base + Math.floor(Math.random() * 1000);
    this.attempts += 1;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
    this.setState(LOST, { since: this.lostSince, retryAt: Date.now() + delay, restart });
  }

  /** No frame for a few seconds on an open socket: the network is gone even if the socket has not noticed. */
  checkAlive() {
    if (this.ws && this.state === LIVE && Date.now() - this.lastFrameAt > STALE_MS) {
      this.drop();
      this.scheduleReconnect();
    }
  }

  drop() {
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = null;
      ws.close();
    }
  }
}
