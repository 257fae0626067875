/**
 * The admin's screen: one tab each for staff accounts, certificate signing, opening hours, canned replies and the
 * association directory and the audit log; above them, a warning when referrals are about to expire unread.
 */
import { AssociationsAdmin } from './admin-associations.js';
import { AuditAdmin } from './admin-audit.js';
import { CannedAdmin } from './admin-canned.js';
import { CertificatesAdmin } from './admin-certificates.js';
import { ExpiringReferrals } from './admin-expiring.js';
import { HoursAdmin } from './admin-hours.js';
import { StaffAdmin } from './admin-staff.js';
import { show } from './dom.js';

const $ = (id) => document.getElementById(id);
const VIEWS = {
  staff: StaffAdmin, certificates: CertificatesAdmin, hours: HoursAdmin, canned: CannedAdmin,
  associations: AssociationsAdmin, audit: AuditAdmin,
};

export class AdminView {
  /** @param {import('./api.js').Api} api */
  constructor(api) {
    this.api = api;
    this.current = null;
    // The organisation key, once loaded, stays in this object only: switching tabs keeps it, logging out drops it.
    this.keyHolder = { key: null };
    this.expiring = new ExpiringReferrals(api);
  }

  start() {
    show($('admin-view'), true);
    $('admin-heading').after(this.expiring.root);
    this.expiring.start();
    for (const tab of document.querySelectorAll('.admin-nav .tab')) {
      tab.onclick = () => this.open(tab.dataset.view);
    }
    this.open('staff');
  }

  open(name) {
    this.current?.stop?.();
    for (const tab of document.querySelectorAll('.admin-nav .tab')) {
      if (tab.dataset.view === name) {
        tab.setAttribute('aria-current', 'page');
      } else {
        tab.removeAttribute('aria-current');
      }
    }
    const panel = $('admin-panel');
    panel.replaceChildren();
    panel.dataset.view = name;
    this.current = new VIEWS[name](this.api, panel, this.keyHolder);
    this.current.start();
  }

  stop() {
    this.current?.stop?.();
    this.current = null;
    this.keyHolder.key = null;
    $('admin-panel').replaceChildren();
    this.expiring.root.remove();
    show($('admin-view'), false);
  }
}
