/**
 * The association directory (`/api/v1/admin/associations`, docs/api.md "Associations"): the list, a form to add one,
 * a form to change one, (de)activation, and the registration of a new public key, whose fingerprint is computed
 * here from the pasted key so that the admin reads it aloud to the intake officer before confirming.
 */
import { associationKeyFingerprint, fromBase64url } from '../lib/index.js';
import { field, languageList, showProblem } from './admin-common.js';
import { announce, clearText, el, setText, show } from './dom.js';
import { formatDateTime, t } from './i18n.js';

const CHANNELS = ['phone-call', 'sms', 'whatsapp', 'signal', 'email', 'in-person'];
const COLUMNS = ['name', 'departements', 'languages', 'channels', 'key', 'active', 'actions'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const PATH = '/api/v1/admin/associations';

export class AssociationsAdmin {
  constructor(api, panel) {
    this.api = api;
    this.panel = panel;
    this.associations = [];
  }

  start() {
    this.table = el('tbody');
    this.status = el('p', { className: 'notice', attrs: { role: 'status' } });
    this.editBox = el('section', { className: 'edit-box association-edit', attrs: { hidden: true,
      'aria-labelledby': 'association-edit-heading' } });
    this.keyBox = el('section', { className: 'edit-box association-key', attrs: { hidden: true,
      'aria-labelledby': 'association-key-heading' } });
    this.panel.append(
      el('h2', { i18n: 'admin.associations.heading' }),
      el('p', { i18n: 'admin.associations.intro' }),
      this.status,
      el('table', { className: 'associations-table' },
        el('caption', { className: 'visually-hidden', i18n: 'admin.associations.caption' }),
        el('thead', {}, el('tr', {}, ...COLUMNS.map((c) => el('th', { attrs: { scope: 'col' },
          i18n: `admin.associations.column.${c}` })))),
        this.table),
      this.editBox,
      this.keyBox,
      this.createForm());
    this.load();
  }

  async load() {
    try {
      this.associations = (await this.api.request('GET', PATH)).associations;
      this.renderTable();
    } catch (e) {
      showProblem(this.status, e);
    }
  }

  renderTable() {
    this.table.replaceChildren(...this.associations.map((a) => el('tr', { attrs: { 'data-association': a.id } },
      el('td', { text: a.name }),
      el('td', { text: a.departements.join(', ') }),
      el('td', { text: a.languages.join(', ') }),
      el('td', { text: a.channels.map((c) => t(`admin.associations.channel.${c}`)).join(', ') }),
      a.currentKey ? el('td', { className: 'fingerprint', text: a.currentKey.fingerprint })
        : el('td', { i18n: 'admin.associations.noKey' }),
      el('td', { i18n: a.active ? 'common.yes' : 'common.no' }),
      el('td', { className: 'actions' },
        el('button', { attrs: { type: 'button', 'data-edit': a.id }, i18n: 'admin.associations.edit',
          params: { name: a.name }, on: { click: () => this.edit(a) } }),
        el('button', { attrs: { type: 'button', 'data-toggle': a.id },
          i18n: a.active ? 'admin.associations.deactivate' : 'admin.associations.activate', params: { name: a.name },
          on: { click: () => this.toggle(a) } }),
        el('button', { attrs: { type: 'button', 'data-key': a.id }, i18n: 'admin.associations.registerKey',
          params: { name: a.name }, on: { click: () => this.keys(a) } })))));
  }

  /** The fields of an association, filled from `a` when editing; `body()` reads them back, or null if invalid. */
  fields(prefix, a) {
    const name = el('input', { attrs: { name: 'name', maxlength: 100, required: true, value: a?.name } });
    const reference = el('input', { attrs: { name: 'approvalReference', maxlength: 100, required: true,
      value: a?.approvalReference } });
    const departements = el('input', { attrs: { name: 'departements', required: true,
      value: a?.departements.join(', ') } });
    const languages = el('input', { attrs: { name: 'languages', required: true,
      value: a ? a.languages.join(', ') : 'fr' } });
    const boxes = CHANNELS.map((c) => el('input', { attrs: { type: 'checkbox', value: c, id: `${prefix}-channel-${c}`,
      checked: a?.channels.includes(c) } }));
    const zone = el('input', { attrs: { name: 'timeZone', value: a ? a.timeZone : 'Europe/Paris' } });
    const hours = el('input', { attrs: { name: 'hours', value: a ? hoursText(a.hours) : '' } });
    const nodes = [
      field('admin.associations.column.name', name),
      field('admin.associations.approvalReference', reference),
      field('admin.associations.column.departements', departements, 'admin.associations.departementsHint'),
      field('admin.associations.column.languages', languages, 'admin.associations.languagesHint'),
      el('fieldset', { className: 'channels' }, el('legend', { i18n: 'admin.associations.column.channels' }),
        ...boxes.map((box) => el('p', { className: 'checkbox' }, box,
          el('label', { attrs: { for: box.id }, i18n: `admin.associations.channel.${box.value}` })))),
      field('admin.associations.timeZone', zone),
      field('admin.associations.hours', hours, 'admin.associations.hoursHint'),
    ];
    const body = () => {
      const slots = parseHours(hours.value);
      if (slots === null) {
        return null;
      }
      return {
        name: name.value.trim(), approvalReference: reference.value.trim(),
        departements: departements.value.split(/[\s,]+/).map((d) => d.trim().toUpperCase()).filter(Boolean),
        languages: languageList(languages.value), channels: boxes.filter((b) => b.checked).map((b) => b.value),
        timeZone: zone.value.trim(), hours: slots,
      };
    };
    return { nodes, body };
  }

  createForm() {
    const { nodes, body } = this.fields('create', null);
    const error = el('p', { className: 'error', attrs: { role: 'alert' } });
    const form = el('form', { className: 'create-association',
      attrs: { 'aria-labelledby': 'association-create-heading' } },
    el('h3', { attrs: { id: 'association-create-heading' }, i18n: 'admin.associations.create' }),
    ...nodes, error,
    el('p', {}, el('button', { attrs: { type: 'submit' }, className: 'primary',
      i18n: 'admin.associations.createSubmit' })));
    form.onsubmit = async (event) => {
      event.preventDefault();
      clearText(error);
      const request = body();
      if (!request) {
        setText(error, 'admin.associations.badHours');
        return;
      }
      try {
        const created = await this.api.request('POST', PATH, request);
        form.reset();
        this.replace(created, true);
        setText(this.status, 'admin.associations.created', { name: created.name });
        announce('admin.associations.created', { name: created.name });
      } catch (e) {
        showProblem(error, e);
      }
    };
    return form;
  }

  edit(a) {
    show(this.keyBox, false);
    const { nodes, body } = this.fields('edit', a);
    const error = el('p', { className: 'error', attrs: { role: 'alert' } });
    const heading = el('h3', { attrs: { id: 'association-edit-heading', tabindex: -1 },
      i18n: 'admin.associations.editHeading', params: { name: a.name } });
    const form = el('form', { className: 'edit-association' }, heading, ...nodes, error,
      el('p', { className: 'actions' },
        el('button', { attrs: { type: 'button' }, i18n: 'common.cancel',
          on: { click: () => show(this.editBox, false) } }),
        el('button', { attrs: { type: 'submit' }, className: 'primary', i18n: 'common.save' })));
    form.onsubmit = async (event) => {
      event.preventDefault();
      clearText(error);
      const request = body();
      if (!request) {
        setText(error, 'admin.associations.badHours');
        return;
      }
      try {
        const saved = await this.api.request('PATCH', `${PATH}/${encodeURIComponent(a.id)}`, request);
        this.replace(saved);
        show(this.editBox, false);
        setText(this.status, 'admin.associations.saved', { name: saved.name });
      } catch (e) {
        showProblem(error, e);
      }
    };
    this.editBox.replaceChildren(form);
    show(this.editBox, true);
    heading.focus();
  }

  async toggle(a) {
    try {
      const saved = await this.api.request('PATCH', `${PATH}/${encodeURIComponent(a.id)}`, { active: !a.active });
      this.replace(saved);
      setText(this.status, saved.active ? 'admin.associations.activated' : 'admin.associations.deactivated',
        { name: saved.name });
    } catch (e) {
      showProblem(this.status, e);
    }
  }

  /** The key history of `a`, and a form for its new key with the fingerprint to read aloud before registering. */
  keys(a) {
    show(this.editBox, false);
    const publicKey = el('input', { attrs: { name: 'publicKey', autocomplete: 'off', spellcheck: 'false',
      maxlength: 64, required: true } });
    const preview = el('p', { className: 'fingerprint-preview', attrs: { 'aria-live': 'polite' } });
    const error = el('p', { className: 'error', attrs: { role: 'alert' } });
    const heading = el('h3', { attrs: { id: 'association-key-heading', tabindex: -1 },
      i18n: 'admin.associations.keyHeading', params: { name: a.name } });
    const submit = el('button', { attrs: { type: 'submit', disabled: true }, className: 'primary',
      i18n: 'admin.associations.keySubmit' });
    publicKey.oninput = async () => {
      const text = publicKey.value.trim();
      submit.disabled = true;
      clearText(preview);
      if (!text) {
        return;
      }
      try {
        const { digits } = await associationKeyFingerprint(fromBase64url(text));
        if (publicKey.value.trim() === text) {
          setText(preview, 'admin.associations.fingerprintPreview', { digits });
          submit.disabled = false;
        }
      } catch {
        setText(preview, 'admin.associations.keyInvalid');
      }
    };
    const form = el('form', { className: 'register-key' }, heading,
      el('p', { i18n: 'admin.associations.keyIntro' }),
      history(a),
      field('admin.associations.publicKey', publicKey, 'admin.associations.publicKeyHint'),
      preview, error,
      el('p', { className: 'actions' },
        el('button', { attrs: { type: 'button' }, i18n: 'common.cancel', on: { click: () => show(this.keyBox, false) } }),
        submit));
    form.onsubmit = async (event) => {
      event.preventDefault();
      clearText(error);
      try {
        const saved = await this.api.request('POST', `${PATH}/${encodeURIComponent(a.id)}/keys`,
          { publicKey: publicKey.value.trim() });
        this.replace(saved);
        show(this.keyBox, false);
        setText(this.status, 'admin.associations.keyRegistered',
          { name: saved.name, digits: saved.currentKey.fingerprint });
        announce('admin.associations.keyRegistered', { name: saved.name, digits: saved.currentKey.fingerprint });
      } catch (e) {
        showProblem(error, e);
      }
    };
    this.keyBox.replaceChildren(form);
    show(this.keyBox, true);
    heading.focus();
  }

  replace(saved, added = false) {
    this.associations = added ? [...this.associations, saved]
      : this.associations.map((a) => (a.id === saved.id ? saved : a));
    this.associations.sort((x, y) => x.name.localeCompare(y.name));
    this.renderTable();
  }

  stop() {}
}

/** The keys registered so far, newest first, each with its fingerprint and period. */
function history(a) {
  if (a.keys.length === 0) {
    return el('p', { className: 'key-history', i18n: 'admin.associations.noKey' });
  }
  return el('ul', { className: 'key-history' }, ...[...a.keys].reverse().map((k) => el('li', {},
    el('span', { className: 'fingerprint', text: k.fingerprint }), ' ',
    k.until ? el('span', { i18n: 'admin.associations.retired',
      params: { since: formatDateTime(new Date(k.since)), until: formatDateTime(new Date(k.until)) } })
      : el('span', { i18n: 'admin.associations.current', params: { since: formatDateTime(new Date(k.since)) } }))));
}

/** Slots as the short form the admin types: "monday 09:30-18:00, tuesday 09:30-18:00". */
function hoursText(slots) {
  return slots.map((s) => `${s.day.slice(0, 3)} ${s.from}-${s.to}`).join(', ');
}

/**
 * "mon-fri 09:30-18:00, sat 10:00-12:00" (the form of `organisation.openingHours`) as `{day, from, to}` slots; an
 * empty text is no slot; null when the text is not of that form. The server checks the times.
 */
function parseHours(text) {
  const slots = [];
  for (const group of text.split(',').map((g) => g.trim()).filter(Boolean)) {
    const [days, ...ranges] = group.split(/\s+/);
    const list = dayRange(days.toLowerCase());
    if (!list || ranges.length === 0) {
      return null;
    }
    for (const range of ranges) {
      const match = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(range);
      if (!match) {
        return null;
      }
      list.forEach((day) => slots.push({ day, from: match[1], to: match[2] }));
    }
  }
  return slots;
}

function dayRange(text) {
  const index = (name) => DAYS.findIndex((d) => d === name || d.slice(0, 3) === name);
  const [first, last = first] = text.split('-').map(index);
  if (first < 0 || last < 0) {
    return null;
  }
  const list = [DAYS[first]];
  for (let d = first; d !== last; d = (d + 1) % 7) {
    list.push(DAYS[(d + 1) % 7]);
  }
  return list;
}
