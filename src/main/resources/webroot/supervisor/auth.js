// The staff session: tokens live in this module's memory only (never in storage), the access token is refreshed
// before it expires (docs/api.md, "Tokens"), and logout revokes the refresh tokens on the server.
export const DASHBOARD_ROLES = ["supervisor", "admin"];
const REFRESH_MARGIN_MS = 60_000;

/** A refused login or refresh: the problem code of docs/protocol.md section 8, and Retry-After when given. */
export class AuthError extends Error {
  constructor(code, retryAfterSeconds = null) {
    super(code);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

async function post(path, body, token = null) {
  const headers = { "content-type": "application/json" };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body ?? {}), cache: "no-store",
      credentials: "omit" });
  } catch {
    throw new AuthError("network");
  }
  if (response.status === 204) {
    return {};
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const retry = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
    throw new AuthError(json.code ?? "internal", Number.isFinite(retry) ? retry : null);
  }
  return json;
}

export class StaffSession {
  /** Logs in; the caller checks the role (the server refuses the feed to any other anyway). */
  static async login(username, password) {
    return new StaffSession(await post("/api/v1/auth/login", { username, password }));
  }

  constructor(body) {
    this.onExpired = () => {};
    this.inFlight = null;
    this.timer = null;
    this.accept(body);
  }

  accept(body) {
    this.accessToken = body.accessToken;
    this.refreshToken = body.refreshToken;
    this.role = body.role;
    this.expiresAt = Date.now() + body.expiresIn * 1000;
    clearTimeout(this.timer);
    // Refreshed ahead of time, so that a reconnect never waits on it.
    const delay = Math.max(5_000, body.expiresIn * 1000 - REFRESH_MARGIN_MS);
    this.timer = setTimeout(() => this.refresh().catch(() => {}), delay);
  }

  get mayWatch() {
    return DASHBOARD_ROLES.includes(this.role);
  }

  /** An access token good for at least a little while: refreshed first when it is about to expire. */
  async token() {
    if (!this.accessToken) {
      throw new AuthError("not_authenticated");
    }
    if (Date.now() > this.expiresAt - REFRESH_MARGIN_MS / 2) {
      await this.refresh();
    }
    return this.accessToken;
  }

  /** One refresh at a time; a refused one ends the session (a network failure does not). */
  refresh() {
    if (!this.inFlight) {
      this.inFlight = post("/api/v1/auth/refresh", { refreshToken: this.refreshToken })
        .then((body) => this.accept(body))
        .catch((e) => {
          if (e.code !== "network" && e.code !== "internal") {
            this.forget();
            this.onExpired(e.code);
          } else {
            clearTimeout(this.timer);
            this.timer = setTimeout(() => this.refresh().catch(() => {}), 10_000);
          }
          throw e;
        })
        .finally(() => {
          this.inFlight = null;
        });
    }
    return this.inFlight;
  }

  async logout() {
    const token = this.accessToken;
    this.forget();
    if (token) {
      await post("/api/v1/auth/logout", {}, token).catch(() => {});
    }
  }

  forget() {
    clearTimeout(this.timer);
    this.accessToken = null;
    this.refreshToken = null;
  }
}
