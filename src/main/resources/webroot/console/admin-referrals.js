/**
 * The admin's warning of referrals about to expire unacknowledged (`GET /api/v1/admin/referrals/expiring`, those
 * within `retention.referralWarning`): one line per association with how many and the soonest expiry, above the
 * admin tabs, so that the admin can call the association before its referrals are lost. Hidden when there are none.
 */
import { el, setText } from './dom.js';
import { formatInstant } from './i18n.js';

/**
 * Fills `banner` from the server; a failure leaves it hidden (the warning is a help, not the admin's work).
 * @param {import('./api.js').Api} api
 * @param {HTMLElement} banner
 */
export async function showExpiringReferrals(api, banner) {
  let referrals = [];
  try {
    referrals = (await api.request('GET', '/api/v1/admin/referrals/expiring')).referrals;
  } catch {
    referrals = [];
  }
  banner.replaceChildren();
  banner.hidden = referrals.length === 0;
  banner.dataset.count = String(referrals.length);
  if (referrals.length === 0) {
    return;
  }
  const byAssociation = new Map();
  for (const referral of referrals) {
    const seen = byAssociation.get(referral.association);
    if (seen) {
      seen.count += 1;
    } else {
      // The list comes soonest first: the first one seen of an association is its soonest.
      byAssociation.set(referral.association, {
        name: referral.associationName ?? referral.association, count: 1, soonest: referral.expiresAt,
      });
    }
  }
  const heading = el('p', { className: 'referrals-warning-heading' });
  setText(heading, 'admin.referrals.expiring', { count: referrals.length });
  banner.append(heading, el('ul', {}, ...[...byAssociation.values()].map((line) => el('li', {
    attrs: { 'data-count': line.count },
    i18n: 'admin.referrals.expiringLine',
    params: { name: line.name, count: line.count, soonest: formatInstant(new Date(line.soonest)) },
  }))));
}
