/**
 * The staff HTTP API (docs/api.md) with the tokens kept in memory only: the access token is refreshed a minute
 * before it expires with the single-use refresh token, and a reload means logging in again. Problems come back as
 * {@link ApiError} with their stable `code`.
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

const REFRESH_MARGIN_SECONDS = 60;

/** One staff member's session with the server. */
export class Api {
  constructor() {
    this.tokens = null;
    this.refreshing = null;
    this.timer = null;
    /** Called with a reason (`expired`) when the session ends without the user asking. */
    this.onSessionEnd = () => {};
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
    if (Date.now() > this.tokens.expiresAt - REFRESH_MARGIN_SECONDS * 1000) {
      await this.refresh();
    }
    return this.tokens.accessToken;
  }

  /**
   * A JSON request with the access token; an expired token is refreshed and the request tried once more.
   * @returns {Promise<any>} the JSON answer, or null for 204
   */
  async request(method, path, body) {
    try {
      return await call(method, path, await this.accessToken(), body);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'token_expired' && this.tokens) {
        await this.refresh();
        return call(method, path, this.tokens.accessToken, body);
      }
      throw e;
    }
  }

  /** Swaps the refresh token for new tokens; one refresh at a time. A refused refresh ends the session. */
  refresh() {
    if (!this.refreshing) {
      const refreshToken = this.tokens?.refreshToken;
      this.refreshing = call('POST', '/api/v1/auth/refresh', null, { refreshToken })
        .then((answer) => this.keep(answer), (e) => {
          if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
            this.forget();
            this.onSessionEnd('expired');
          }
          throw e;
        })
        .finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  /**
   * Logs out this device (its refresh token is spent), or every device of the account (`everywhere`). The tokens
   * are forgotten here whatever the server answers.
   */
  async logout({ everywhere = false } = {}) {
    if (!this.tokens) {
      return;
    }
    const { accessToken, refreshToken } = this.tokens;
    this.forget();
    try {
      await call('POST', '/api/v1/auth/logout', accessToken, everywhere ? undefined : { refreshToken });
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
    const delay = Math.max(10, answer.expiresIn - REFRESH_MARGIN_SECONDS) * 1000;
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
