/**
 * Staff accounts (`/api/v1/admin/staff`): the list, a form to create one, and a form to change one (languages,
 * skills, capacity, enabled, pseudonym, password, and for an intake account its association).
 */
import { field, languageList, showProblem } from './admin-common.js';
import { announce, clearText, el, setText, show } from './dom.js';
import { t } from './i18n.js';

const ROLES = ['worker', 'supervisor', 'intake', 'admin'];
const SKILLS = ['possible-minor', 'danger'];

export class StaffAdmin {
  constructor(api, panel) {
    this.api = api;
    this.panel = panel;
    this.accounts = [];
    /** The directory's associations, which an intake account may belong to: `[{id, name}]`. */
    this.associations = [];
  }

  start() {
    this.table = el('tbody');
    this.status = el('p', { className: 'notice', attrs: { role: 'status' } });
    this.editBox = el('section', { className: 'edit-box', attrs: { 'aria-labelledby': 'staff-edit-heading',
      hidden: true } });
    this.panel.append(
      el('h2', { i18n: 'admin.staff.heading' }),
      this.status,
      el('table', { className: 'staff-table' },
        el('caption', { className: 'visually-hidden', i18n: 'admin.staff.caption' }),
        el('thead', {}, el('tr', {}, ...['username', 'pseudonym', 'role', 'languages', 'skills', 'capacity',
          'enabled', 'actions'].map((c) => el('th', { attrs: { scope: 'col' }, i18n: `admin.staff.column.${c}` })))),
        this.table),
      this.editBox,
      this.createForm());
    this.load();
  }

  async load() {
    try {
      const [staff, directory] = await Promise.all([this.api.request('GET', '/api/v1/admin/staff'),
        this.api.request('GET', '/api/v1/admin/associations')]);
      this.accounts = staff.staff;
      this.associations = directory.associations.map(({ id, name }) => ({ id, name }));
      this.createAssociation.replaceChildren(...this.associationOptions(null));
      this.renderTable();
    } catch (e) {
      showProblem(this.status, e);
    }
  }

  /** "None", then every association of the directory (and `current`, should it be gone from it). */
  associationOptions(current) {
    const options = [el('option', { attrs: { value: '' }, i18n: 'admin.staff.noAssociation' }),
      ...this.associations.map((a) => el('option', { attrs: { value: a.id }, text: a.name }))];
    if (current && !this.associations.some((a) => a.id === current)) {
      options.push(el('option', { attrs: { value: current }, text: current }));
    }
    options.forEach((option) => { option.selected = option.value === (current ?? ''); });
    return options;
  }

  renderTable() {
    this.table.replaceChildren(...this.accounts.map((a) => el('tr', { attrs: { 'data-username': a.username } },
      el('td', { text: a.username }),
      el('td', { text: a.pseudonym }),
      el('td', { i18n: `role.${a.role}` }),
      el('td', { text: a.languages.join(', ') }),
      el('td', { text: a.skills.map((s) => t(`flag.${s}`)).join(', ') }),
      el('td', { text: a.capacity }),
      el('td', { i18n: a.enabled ? 'common.yes' : 'common.no' }),
      el('td', {}, el('button', { attrs: { type: 'button', 'data-edit': a.id }, i18n: 'admin.staff.edit',
        params: { username: a.username }, on: { click: () => this.edit(a) } })))));
  }

  createForm() {
    const username = el('input', { attrs: { name: 'username', autocomplete: 'off', required: true } });
    const pseudonym = el('input', { attrs: { name: 'pseudonym', maxlength: 40, required: true } });
    const role = el('select', { attrs: { name: 'role' } },
      ...ROLES.map((r) => el('option', { attrs: { value: r }, i18n: `role.${r}` })));
    const password = el('input', { attrs: { name: 'password', type: 'password', autocomplete: 'new-password',
      minlength: 12, required: true } });
    const languages = el('input', { attrs: { name: 'languages', value: 'fr' } });
    const capacity = el('input', { attrs: { name: 'capacity', type: 'number', min: 1, max: 20, value: 3 } });
    const association = el('select', { attrs: { name: 'association' } }, ...this.associationOptions(null));
    this.createAssociation = association;
    const skills = skillBoxes('create', []);
    const error = el('p', { className: 'error', attrs: { role: 'alert' } });
    const form = el('form', { className: 'create-staff', attrs: { 'aria-labelledby': 'staff-create-heading' } },
      el('h3', { attrs: { id: 'staff-create-heading' }, i18n: 'admin.staff.create' }),
      field('admin.staff.column.username', username, 'admin.staff.usernameHint'),
      field('admin.staff.column.pseudonym', pseudonym, 'admin.staff.pseudonymHint'),
      field('admin.staff.column.role', role),
      field('admin.staff.password', password, 'admin.staff.passwordHint'),
      field('admin.staff.column.languages', languages, 'admin.staff.languagesHint'),
      skills.fieldset,
      field('admin.staff.column.capacity', capacity),
      field('admin.staff.association', association, 'admin.staff.associationHint'),
      error,
      el('p', {}, el('button', { attrs: { type: 'submit' }, className: 'primary', i18n: 'admin.staff.createSubmit' })));
    form.onsubmit = async (event) => {
      event.preventDefault();
      clearText(error);
      const body = {
        username: username.value.trim(), pseudonym: pseudonym.value.trim(), role: role.value,
        password: password.value, languages: languageList(languages.value), skills: skills.values(),
        capacity: Number(capacity.value),
      };
      if (association.value) {
        body.association = association.value;
      }
      try {
        const created = await this.api.request('POST', '/api/v1/admin/staff', body);
        password.value = '';
        form.reset();
        languages.value = 'fr';
        capacity.value = '3';
        this.accounts.push(created);
        this.renderTable();
        setText(this.status, 'admin.staff.created', { username: created.username });
        announce('admin.staff.created', { username: created.username });
      } catch (e) {
        showProblem(error, e);
      }
    };
    return form;
  }

  edit(account) {
    const pseudonym = el('input', { attrs: { value: account.pseudonym, maxlength: 40 } });
    const languages = el('input', { attrs: { value: account.languages.join(', ') } });
    const capacity = el('input', { attrs: { type: 'number', min: 1, max: 20, value: account.capacity } });
    const enabled = el('input', { attrs: { type: 'checkbox', checked: account.enabled } });
    const password = el('input', { attrs: { type: 'password', autocomplete: 'new-password', minlength: 12 } });
    const skills = skillBoxes('edit', account.skills);
    // Only an intake account belongs to an association; emptying the field unlinks it.
    const association = account.role === 'intake'
      ? el('select', { attrs: { name: 'association' } }, ...this.associationOptions(account.association)) : null;
    const error = el('p', { className: 'error', attrs: { role: 'alert' } });
    const heading = el('h3', { attrs: { id: 'staff-edit-heading', tabindex: -1 }, i18n: 'admin.staff.editHeading',
      params: { username: account.username } });
    const form = el('form', { className: 'edit-staff' }, heading,
      field('admin.staff.column.pseudonym', pseudonym),
      field('admin.staff.column.languages', languages, 'admin.staff.languagesHint'),
      skills.fieldset,
      field('admin.staff.column.capacity', capacity),
      el('p', { className: 'field checkbox' }, enabled,
        el('label', { attrs: { for: (enabled.id = `enabled-${account.id}`) }, i18n: 'admin.staff.column.enabled' })),
      field('admin.staff.newPassword', password, 'admin.staff.newPasswordHint'),
      association && field('admin.staff.association', association, 'admin.staff.associationEditHint'),
      error,
      el('p', { className: 'actions' },
        el('button', { attrs: { type: 'button' }, i18n: 'common.cancel',
          on: { click: () => show(this.editBox, false) } }),
        el('button', { attrs: { type: 'submit' }, className: 'primary', i18n: 'common.save' })));
    form.onsubmit = async (event) => {
      event.preventDefault();
      clearText(error);
      const patch = {};
      if (pseudonym.value.trim() !== account.pseudonym) {
        patch.pseudonym = pseudonym.value.trim();
      }
      const langs = languageList(languages.value);
      if (langs.join() !== account.languages.join()) {
        patch.languages = langs;
      }
      if (skills.values().join() !== account.skills.join()) {
        patch.skills = skills.values();
      }
      if (Number(capacity.value) !== account.capacity) {
        patch.capacity = Number(capacity.value);
      }
      if (enabled.checked !== account.enabled) {
        patch.enabled = enabled.checked;
      }
      if (password.value) {
        patch.password = password.value;
      }
      if (association && association.value !== (account.association ?? '')) {
        patch.association = association.value || null;
      }
      try {
        const updated = await this.api.request('PATCH', `/api/v1/admin/staff/${encodeURIComponent(account.id)}`, patch);
        password.value = '';
        this.accounts = this.accounts.map((a) => (a.id === updated.id ? updated : a));
        this.renderTable();
        show(this.editBox, false);
        setText(this.status, 'admin.staff.saved', { username: updated.username });
      } catch (e) {
        showProblem(error, e);
      }
    };
    this.editBox.replaceChildren(form);
    show(this.editBox, true);
    heading.focus();
  }

  stop() {}
}

function skillBoxes(prefix, checked) {
  const boxes = SKILLS.map((skill) => el('input', { attrs: { type: 'checkbox', value: skill,
    id: `${prefix}-skill-${skill}`, checked: checked.includes(skill) } }));
  const fieldset = el('fieldset', { className: 'skills' }, el('legend', { i18n: 'admin.staff.column.skills' }),
    ...boxes.map((box) => el('p', { className: 'checkbox' }, box,
      el('label', { attrs: { for: box.id }, i18n: `flag.${box.value}` }))));
  return { fieldset, values: () => boxes.filter((b) => b.checked).map((b) => b.value).sort() };
}
