/**
 * The admin's warning about referrals no association has acknowledged and that the purge will soon erase unread
 * (`GET /api/v1/admin/referrals/expiring`): which association, and when, so that the admin can call them. No
 * referral content exists on the server to show.
 */
import { el, setText } from './dom.js';
import { formatDateTime } from './i18n.js';

export class ExpiringReferrals {
  /** @param {import('./api.js').Api} api */
  constructor(api) {
    this.api = api;
    this.root = el('div', { className: 'expiring-banner', attrs: { id: 'referrals-expiring', role: 'status',
      hidden: true } });
  }

  /** Asks the server once; the banner shows only when something is about to expire. */
  async start() {
    try {
      const { referrals } = await this.api.request('GET', '/api/v1/admin/referrals/expiring');
      this.render(referrals ?? []);
    } catch {
      this.root.hidden = true; // a warning that cannot be fetched is not shown; the admin's tabs still work
    }
  }

  render(referrals) {
    this.root.hidden = referrals.length === 0;
    if (referrals.length === 0) {
      return;
    }
    const heading = el('p', { className: 'expiring-heading' });
    setText(heading, 'admin.expiring.heading', { count: referrals.length });
    this.root.replaceChildren(heading, el('ul', {}, ...referrals.map((r) => el('li', {
      attrs: { 'data-association': r.association }, i18n: 'admin.expiring.item',
      params: { name: r.associationName ?? r.association, at: formatDateTime(new Date(r.expiresAt)) } }))));
  }
}
