/**
 * A staff member's session with the server (docs/api.md, "Tokens"), shared by the worker console and the supervisor
 * dashboard: the tokens live in memory only (never in storage, a reload means logging in again), the access token is
 * refreshed ahead of its expiry with the single-use refresh token, and problems come back as {@link ApiError} with
 * their stable `code` (docs/protocol.md section 8).
 */

/** A refused request: HTTP status, the problem's stable `code` and `detail`, and `Retry-After` in seconds if any. */
export class ApiError extends Error {
  constructor(status, code, detail, retryAfter) {
    super(`${status} ${code}: ${detail ?? ''}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.retryAfter = retryAfter;
  }
}

const REFRESH_MARGIN_MS = 60_000;

/** Logged-in tokens, refreshed on time; each page says when a refused refresh ends the session. */
export class StaffSession {
  /**
   * @param {object} [options]
   * @param {number} [options.freshFor] milliseconds an access token must still be good for, else it is refreshed first
   * @param {number} [options.earliestRefresh] the shortest wait, in milliseconds, before the timed refresh
   * @param {(e: Error) => boolean} [options.ends] whether a refused refresh ends the session (by default 401 and 403)
   * @param {number | null} [options.retryAfter] milliseconds before trying again a refresh that did not end it, or
   *     null not to
   */
  constructor({ freshFor = REFRESH_MARGIN_MS, earliestRefresh = 10_000, retryAfter = null,
    ends = (e) => e instanceof ApiError && (e.status === 401 || e.status === 403) } = {}) {
    this.options = { freshFor, earliestRefresh, retryAfter, ends };
    this.tokens = null;
    this.refreshing = null;
    this.timer = null;
    /** Called with the refusal when a refresh ends the session without the user asking. */
    this.onEnd = () => {};
  }

  /** `{staffId, role, pseudonym}` while logged in, else null. */
  get session() {
    if (!this.tokens) {
      return null;
    }
    const { staffId, role, pseudonym } = this.tokens;
    return { staffId, role, pseudonym };
  }

  /**
   * Logs in; fails with an {@link ApiError} (`auth_failed`, `account_locked`, `account_disabled`, `rate_limited`).
   * @returns {Promise<{staffId: string, role: string, pseudonym: string}>}
   */
  async login(username, password) {
    this.keep(await call('POST', '/api/v1/auth/login', null, { username, password }));
    return this.session;
  }

  /** The current access token, refreshed first if it is about to expire. */
  async accessToken() {
    if (!this.tokens) {
      throw new ApiError(401, 'not_authenticated', 'logged out');
    }
    if (Date.now() > this.tokens.expiresAt - this.options.freshFor) {
      await this.refresh();
    }
    return this.tokens.accessToken;
  }

  /** Swaps the refresh token for new tokens; one refresh at a time. */
  refresh() {
    if (!this.refreshing) {
      const refreshToken = this.tokens?.refreshToken;
      this.refreshing = call('POST', '/api/v1/auth/refresh', null, { refreshToken })
        .then((answer) => this.keep(answer), (e) => {
          if (this.options.ends(e)) {
            this.forget();
            this.onEnd(e);
          } else if (this.options.retryAfter !== null) {
            clearTimeout(this.timer);
            this.timer = setTimeout(() => this.refresh().catch(() => {}), this.options.retryAfter);
          }
          throw e;
        })
        .finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  /**
   * Forgets the tokens here, then tells the server with `body` (the refresh token for this device only; none for
   * every device of the account), whatever it answers.
   * @param {(tokens: {refreshToken: string}) => object | undefined} body
   */
  async logout(body) {
    if (!this.tokens) {
      return;
    }
    const tokens = this.tokens;
    this.forget();
    try {
      await call('POST', '/api/v1/auth/logout', tokens.accessToken, body(tokens));
    } catch {
      // Logged out here in any case; the refresh token dies with its expiry if the server did not hear us.
    }
  }

  keep(answer) {
    this.tokens = {
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken,
      expiresAt: Date.now() + answer.expiresIn * 1000,
      staffId: answer.staffId,
      role: answer.role,
      pseudonym: answer.pseudonym,
    };
    clearTimeout(this.timer);
    // Refreshed ahead of time, so that a reconnect never waits on it.
    const delay = Math.max(this.options.earliestRefresh, answer.expiresIn * 1000 - REFRESH_MARGIN_MS);
    this.timer = setTimeout(() => this.refresh().catch(() => {}), delay);
  }

  forget() {
    clearTimeout(this.timer);
    this.tokens = null;
  }
}

/**
 * One HTTP exchange: JSON in, JSON out, problems as {@link ApiError}.
 * @param {string} method
 * @param {string} path
 * @param {string | null} token
 * @param {object} [body]
 */
export async function call(method, path, token, body) {
  const headers = {};
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, 'network', 'the server cannot be reached');
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
    throw new ApiError(response.status, json?.code ?? 'internal', json?.detail, retryAfter);
  }
  return json;
}
