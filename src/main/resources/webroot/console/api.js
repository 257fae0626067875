/**
 * The staff HTTP API (docs/api.md) over the shared {@link StaffSession}: tokens in memory only, the access token
 * refreshed a minute before it expires, and problems as {@link ApiError} with their stable `code`.
 */
import { fromBase64url } from '../lib/index.js';
import { ApiError, StaffSession, call } from '../lib/staff-session.js';

export { ApiError };

/** One staff member's session with the server. */
export class Api extends StaffSession {
  constructor() {
    super();
    /** Called with a reason (`expired`) when the session ends without the user asking. */
    this.onSessionEnd = () => {};
    this.onEnd = () => this.onSessionEnd('expired');
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

  /**
   * The organisation this node checks certificates against, from the public `GET /api/v1/service` that the widget
   * reads too: its id and root public key (bytes), as certificates and key files are checked with them.
   * @returns {Promise<{orgId: string, rootPublicKey: Uint8Array}>}
   */
  async organisation() {
    const { organisation } = await this.request('GET', '/api/v1/service');
    return { orgId: organisation.id, rootPublicKey: fromBase64url(organisation.rootPublicKey) };
  }

  /**
   * Logs out this device (its refresh token is spent), or every device of the account (`everywhere`). The tokens
   * are forgotten here whatever the server answers.
   */
  logout({ everywhere = false } = {}) {
    return super.logout(({ refreshToken }) => (everywhere ? undefined : { refreshToken }));
  }
}
