// The dashboard's staff session: the shared one of lib/staff-session.js (tokens in memory only, refreshed before they
// expire), where only a refusal ends it (a network failure is retried), and logout revokes the refresh tokens.
import { ApiError, StaffSession } from "../lib/staff-session.js";

export { ApiError as AuthError };
export const DASHBOARD_ROLES = ["supervisor", "admin"];

export class DashboardSession extends StaffSession {
  /** Logs in; the caller checks the role (the server refuses the feed to any other anyway). */
  static async login(username, password) {
    const session = new DashboardSession();
    await session.login(username, password);
    return session;
  }

  constructor() {
    super({ freshFor: 30_000, earliestRefresh: 5_000, retryAfter: 10_000,
      ends: (e) => e.code !== "network" && e.code !== "internal" });
    this.onExpired = () => {};
    this.onEnd = (e) => this.onExpired(e.code);
  }

  get role() {
    return this.tokens?.role;
  }

  get mayWatch() {
    return DASHBOARD_ROLES.includes(this.role);
  }

  /** An access token good for at least a little while: refreshed first when it is about to expire. */
  token() {
    return this.accessToken();
  }

  logout() {
    return super.logout(() => ({}));
  }
}
