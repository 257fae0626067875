/**
 * Canned replies (`/api/v1/canned-replies`): the organisation's ready-made answers per language, which workers
 * insert into their messages and adapt. Grouped by language; added, changed and deleted here.
 */
import { field, showProblem } from './admin-common.js';
import { confirmDialog } from './confirm.js';
import { announce, clearText, el, setText } from './dom.js';
import { languageName } from './i18n.js';

const LANGUAGES = ['fr', 'en', 'ro', 'bg', 'zh', 'es', 'pt-br', 'ru', 'sq'];

export class CannedAdmin {
  constructor(api, panel) {
    this.api = api;
    this.panel = panel;
    this.replies = [];
    this.editing = null;
  }

  start() {
    this.status = el('p', { className: 'notice', attrs: { role: 'status' } });
    this.groups = el('div', { className: 'canned-groups' });
    this.panel.append(el('h2', { i18n: 'admin.canned.heading' }), el('p', { i18n: 'admin.canned.intro' }),
      this.status, this.form(), this.groups);
    this.load();
  }

  form() {
    this.language = el('select', {}, ...LANGUAGES.map((code) => el('option', { attrs: { value: code },
      text: `${languageName(code)} (${code})` })));
    this.title = el('input', { attrs: { maxlength: 80, required: true } });
    this.text = el('textarea', { attrs: { rows: 4, maxlength: 4000, required: true } });
    this.error = el('p', { className: 'error', attrs: { role: 'alert' } });
    this.heading = el('h3', { attrs: { id: 'canned-form-heading', tabindex: -1 }, i18n: 'admin.canned.add' });
    this.submit = el('button', { attrs: { type: 'submit' }, className: 'primary', i18n: 'admin.canned.addSubmit' });
    this.cancel = el('button', { attrs: { type: 'button', hidden: true }, i18n: 'common.cancel',
      on: { click: () => this.edit(null) } });
    return el('form', { className: 'canned-form', attrs: { 'aria-labelledby': 'canned-form-heading' },
      on: { submit: (e) => { e.preventDefault(); this.save(); } } },
    this.heading, field('admin.canned.language', this.language), field('admin.canned.title', this.title),
    field('admin.canned.text', this.text, 'admin.canned.textHint'), this.error,
    el('p', { className: 'actions' }, this.cancel, this.submit));
  }

  async load() {
    try {
      this.replies = (await this.api.request('GET', '/api/v1/canned-replies')).replies;
      this.render();
    } catch (e) {
      showProblem(this.status, e);
    }
  }

  render() {
    const languages = [...new Set(this.replies.map((r) => r.language))];
    this.groups.replaceChildren(...languages.map((language) => el('section', {
      className: 'canned-group', attrs: { 'aria-labelledby': `canned-${language}`, 'data-language': language } },
    el('h3', { attrs: { id: `canned-${language}` }, text: `${languageName(language)} (${language})` }),
    el('ul', {}, ...this.replies.filter((r) => r.language === language).map((r) => el('li', {
      className: 'canned-item', attrs: { 'data-reply': r.id } },
    el('p', { className: 'canned-title', text: r.title }),
    el('p', { className: 'canned-text', text: r.text }),
    el('p', { className: 'actions' },
      el('button', { attrs: { type: 'button' }, className: 'edit-reply', i18n: 'admin.canned.edit',
        params: { title: r.title }, on: { click: () => this.edit(r) } }),
      el('button', { attrs: { type: 'button' }, className: 'delete-reply', i18n: 'admin.canned.delete',
        params: { title: r.title }, on: { click: () => this.remove(r) } }))))))));
  }

  edit(reply) {
    this.editing = reply;
    clearText(this.error);
    if (reply) {
      if (!LANGUAGES.includes(reply.language)) {
        this.language.append(el('option', { attrs: { value: reply.language }, text: reply.language }));
      }
      this.language.value = reply.language;
      this.title.value = reply.title;
      this.text.value = reply.text;
      setText(this.heading, 'admin.canned.editing', { title: reply.title });
      setText(this.submit, 'common.save');
    } else {
      this.title.value = '';
      this.text.value = '';
      setText(this.heading, 'admin.canned.add');
      setText(this.submit, 'admin.canned.addSubmit');
    }
    this.cancel.hidden = !reply;
    this.heading.focus();
  }

  async save() {
    clearText(this.error);
    const body = { language: this.language.value, title: this.title.value.trim(), text: this.text.value.trim() };
    try {
      if (this.editing) {
        const saved = await this.api.request('PUT', `/api/v1/canned-replies/${encodeURIComponent(this.editing.id)}`,
          body);
        this.replies = this.replies.map((r) => (r.id === saved.id ? saved : r));
        setText(this.status, 'admin.canned.saved', { title: saved.title });
      } else {
        const created = await this.api.request('POST', '/api/v1/canned-replies', body);
        this.replies.push(created);
        setText(this.status, 'admin.canned.created', { title: created.title });
      }
      this.replies.sort((a, b) => a.language.localeCompare(b.language) || a.title.localeCompare(b.title));
      this.render();
      this.edit(null);
      announce('admin.canned.done');
    } catch (e) {
      showProblem(this.error, e);
    }
  }

  async remove(reply) {
    if (!(await confirmDialog({ title: 'admin.canned.deleteTitle', text: 'admin.canned.deleteText',
      ok: 'admin.canned.deleteOk', params: { title: reply.title } }))) {
      return;
    }
    try {
      await this.api.request('DELETE', `/api/v1/canned-replies/${encodeURIComponent(reply.id)}`);
      this.replies = this.replies.filter((r) => r.id !== reply.id);
      this.render();
      setText(this.status, 'admin.canned.deleted', { title: reply.title });
    } catch (e) {
      showProblem(this.status, e);
    }
  }

  stop() {}
}
