/**
 * "My referrals": the referrals this worker sent, with their status as the association moves them (sent, received,
 * accepted, declined, expired), polled while the worker's screen is open.
 */
import { el, setText } from './dom.js';
import { formatDateTime } from './i18n.js';
import { myReferrals } from './referrals.js';

/** How often the list asks the server again. */
export const POLL_MS = 15000;

export class ReferralList {
  /** @param {import('./api.js').Api} api */
  constructor(api) {
    this.api = api;
    this.list = el('ul', { className: 'referral-list' });
    this.empty = el('p', { i18n: 'referrals.empty' });
    this.error = el('p', { className: 'error', attrs: { role: 'alert', hidden: true } });
    this.root = el('section', { className: 'referrals-panel', attrs: { id: 'referrals-panel',
      'aria-labelledby': 'referrals-heading' } },
    el('h2', { attrs: { id: 'referrals-heading' }, i18n: 'referrals.heading' }), this.empty, this.list, this.error);
    this.timer = null;
  }

  start() {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), POLL_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }

  /** Asks the server now (after sending one, the list shows it at once). */
  async refresh() {
    try {
      this.render(await myReferrals(this.api));
      this.error.hidden = true;
    } catch (e) {
      this.error.hidden = false;
      setText(this.error, 'referrals.failed', { reason: e.code ?? 'network' });
    }
  }

  render(referrals) {
    this.empty.hidden = referrals.length > 0;
    this.list.replaceChildren(...referrals.map((r) => el('li', { attrs: { 'data-referral': r.id,
      'data-status': r.status } },
    el('strong', { text: r.associationName ?? r.association }), ' — ',
    el('span', { className: 'referral-status', i18n: `referrals.status.${r.status}` }), ' · ',
    el('span', { i18n: 'referrals.created', params: { at: formatDateTime(new Date(r.created)) } }))));
  }
}
