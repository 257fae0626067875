/**
 * The audit log (`GET /api/v1/admin/audit`): who did which staff action, when, newest first, with filters by action,
 * person and period, one page at a time. The log never holds content; the server says so in docs/operations.md.
 */
import { field, showProblem } from './admin-common.js';
import { clearText, el, setText } from './dom.js';
import { formatInstant, has } from './i18n.js';

/** Every action the server records (its `AuditAction` list); a test keeps the two in step. */
export const AUDIT_ACTIONS = ['login', 'login-failed', 'logout', 'logout-everywhere', 'account-created',
  'account-changed', 'account-disabled', 'account-enabled', 'password-changed', 'certificate-requested',
  'certificate-uploaded', 'certificate-signed', 'conversation-accepted', 'conversation-transferred',
  'conversation-ended', 'conversation-flagged', 'hours-changed', 'canned-reply-created', 'canned-reply-changed',
  'canned-reply-deleted', 'mailbox-answered', 'mailbox-discarded', 'association-created', 'association-changed',
  'association-key-registered', 'campaign-created', 'campaign-changed', 'referral-sent', 'referral-opened',
  'referral-acknowledged', 'referral-accepted', 'referral-declined'];
const PAGE = 50;

/** The words for an action, or its wire name for one this console does not know yet. */
function actionText(action) {
  const key = `admin.audit.action.${action}`;
  return has(key) ? { i18n: key } : { text: action };
}

export class AuditAdmin {
  constructor(api, panel) {
    this.api = api;
    this.panel = panel;
    this.names = new Map();
    this.next = null;
  }

  start() {
    this.action = el('select', { attrs: { name: 'action' } },
      el('option', { attrs: { value: '' }, i18n: 'admin.audit.allActions' }),
      ...AUDIT_ACTIONS.map((a) => el('option', { attrs: { value: a }, ...actionText(a) })));
    this.actor = el('input', { attrs: { name: 'actor', autocomplete: 'off', maxlength: 64 } });
    this.from = el('input', { attrs: { name: 'from', type: 'datetime-local' } });
    this.to = el('input', { attrs: { name: 'to', type: 'datetime-local' } });
    this.error = el('p', { className: 'error', attrs: { role: 'alert' } });
    this.status = el('p', { className: 'notice', attrs: { role: 'status' } });
    this.rows = el('tbody');
    this.more = el('button', { attrs: { type: 'button', hidden: true }, className: 'audit-more',
      i18n: 'admin.audit.more', on: { click: () => this.load(false) } });
    const form = el('form', { className: 'audit-filters', attrs: { 'aria-labelledby': 'audit-filters-heading' },
      on: { submit: (e) => { e.preventDefault(); this.load(true); } } },
    el('h3', { attrs: { id: 'audit-filters-heading' }, i18n: 'admin.audit.filters' }),
    field('admin.audit.action', this.action), field('admin.audit.actor', this.actor, 'admin.audit.actorHint'),
    field('admin.audit.from', this.from), field('admin.audit.to', this.to), this.error,
    el('p', {}, el('button', { attrs: { type: 'submit' }, className: 'primary', i18n: 'admin.audit.show' })));
    this.panel.append(el('h2', { i18n: 'admin.audit.heading' }), el('p', { i18n: 'admin.audit.intro' }), form,
      this.status,
      el('table', { className: 'audit-table' },
        el('caption', { className: 'visually-hidden', i18n: 'admin.audit.caption' }),
        el('thead', {}, el('tr', {},
          el('th', { attrs: { scope: 'col' }, i18n: 'admin.audit.column.at' }),
          el('th', { attrs: { scope: 'col' }, i18n: 'admin.audit.column.actor' }),
          el('th', { attrs: { scope: 'col' }, i18n: 'admin.audit.column.action' }),
          el('th', { attrs: { scope: 'col' }, i18n: 'admin.audit.column.target' }),
          el('th', { attrs: { scope: 'col' }, i18n: 'admin.audit.column.detail' }))),
        this.rows),
      this.more);
    this.loadNames().then(() => this.load(true));
  }

  /** Usernames by staff id, so that a target account reads as a name; ids stay shown if this fails. */
  async loadNames() {
    try {
      const { staff } = await this.api.request('GET', '/api/v1/admin/staff');
      staff.forEach((a) => this.names.set(a.id, a.username));
    } catch {
      // The log still shows, with ids for targets.
    }
  }

  /** The query for the filters as they are; a date that does not parse is left to the server to name. */
  query() {
    const params = new URLSearchParams({ limit: String(PAGE) });
    if (this.action.value) {
      params.set('action', this.action.value);
    }
    if (this.actor.value.trim()) {
      params.set('actor', this.actor.value.trim());
    }
    for (const [name, input] of [['from', this.from], ['to', this.to]]) {
      if (input.value) {
        const when = new Date(input.value);
        params.set(name, Number.isNaN(when.getTime()) ? input.value : when.toISOString());
      }
    }
    return params;
  }

  async load(fresh) {
    clearText(this.error);
    const params = fresh ? this.query() : this.params;
    if (!fresh) {
      params.set('cursor', this.next);
    }
    try {
      const page = await this.api.request('GET', `/api/v1/admin/audit?${params}`);
      if (fresh) {
        this.rows.replaceChildren();
      }
      this.params = params;
      this.next = page.next;
      this.rows.append(...page.entries.map((entry) => this.row(entry)));
      this.more.hidden = !page.next;
      if (this.rows.children.length === 0) {
        setText(this.status, 'admin.audit.empty');
      } else {
        setText(this.status, 'admin.audit.count', { n: this.rows.children.length });
      }
    } catch (e) {
      showProblem(this.error, e);
    }
  }

  row(entry) {
    const target = entry.target === undefined ? '' : (this.names.get(entry.target) ?? entry.target);
    return el('tr', { attrs: { 'data-action': entry.action, 'data-id': entry.id } },
      el('td', {}, el('time', { attrs: { datetime: entry.at }, text: formatInstant(new Date(entry.at)) })),
      el('td', { text: entry.actorUsername }),
      el('td', actionText(entry.action)),
      el('td', { text: target }),
      el('td', { text: entry.detail ?? '' }));
  }

  stop() {}
}
