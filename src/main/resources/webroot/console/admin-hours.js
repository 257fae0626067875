/**
 * Opening hours (`GET /api/v1/service`, `PUT /api/v1/service/hours`): the days and times the service answers, in the
 * organisation's time zone. The widget shows them to visitors in their own time.
 */
import { field, showProblem } from './admin-common.js';
import { clearText, el, setAttr, setText } from './dom.js';
import { ApiError } from './api.js';
import { formatDateTime } from './i18n.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export class HoursAdmin {
  constructor(api, panel) {
    this.api = api;
    this.panel = panel;
  }

  start() {
    this.status = el('p', { className: 'notice', attrs: { role: 'status' } });
    this.error = el('p', { className: 'error', attrs: { role: 'alert' } });
    this.zone = el('input', { attrs: { list: 'time-zones', autocomplete: 'off' } });
    this.rows = el('ul', { className: 'hours-rows' });
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Paris'];
    this.form = el('form', { className: 'hours-form', attrs: { hidden: true },
      on: { submit: (e) => { e.preventDefault(); this.save(); } } },
    field('admin.hours.timeZone', this.zone),
    el('datalist', { attrs: { id: 'time-zones' } }, ...zones.map((z) => el('option', { attrs: { value: z } }))),
    el('fieldset', {}, el('legend', { i18n: 'admin.hours.slots' }), this.rows,
      el('button', { attrs: { type: 'button' }, className: 'add-slot', i18n: 'admin.hours.add',
        on: { click: () => this.addRow({ day: 'monday', from: '18:00', to: '23:00' }).day.focus() } })),
    this.error,
    el('p', {}, el('button', { attrs: { type: 'submit' }, className: 'primary', i18n: 'common.save' })));
    this.panel.append(el('h2', { i18n: 'admin.hours.heading' }), el('p', { i18n: 'admin.hours.intro' }),
      this.status, this.form);
    this.load();
  }

  async load() {
    try {
      this.show(await this.api.request('GET', '/api/v1/service'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setText(this.status, 'admin.hours.unavailable');
      } else {
        showProblem(this.status, e);
      }
    }
  }

  show(service) {
    this.zone.value = service.timeZone;
    this.rows.replaceChildren();
    service.hours.forEach((slot) => this.addRow(slot));
    this.form.hidden = false;
    if (service.open) {
      setText(this.status, 'admin.hours.openNow');
    } else if (service.nextOpening) {
      setText(this.status, 'admin.hours.closedUntil', { at: formatDateTime(new Date(service.nextOpening)) });
    } else {
      setText(this.status, 'admin.hours.closed');
    }
  }

  addRow(slot) {
    const n = this.rows.children.length + 1;
    const day = el('select', {}, ...DAYS.map((d) => el('option', { attrs: { value: d }, i18n: `day.${d}` })));
    day.value = slot.day;
    const from = el('input', { attrs: { type: 'time', value: slot.from, required: true } });
    // A time input stops at 23:59; the server reads an end of 00:00 as midnight, the same as its 24:00.
    const to = el('input', { attrs: { type: 'time', value: slot.to === '24:00' ? '00:00' : slot.to, required: true } });
    setAttr(day, 'aria-label', 'admin.hours.dayLabel', { n });
    setAttr(from, 'aria-label', 'admin.hours.fromLabel', { n });
    setAttr(to, 'aria-label', 'admin.hours.toLabel', { n });
    const row = el('li', { className: 'slot' }, day, from, el('span', { attrs: { 'aria-hidden': 'true' }, text: '–' }),
      to, el('button', { attrs: { type: 'button' }, i18n: 'admin.hours.remove', params: { n },
        on: { click: () => row.remove() } }));
    // Not `row.slot`: every element already has a `slot` property (a string, for shadow DOM).
    row.fields = { day, from, to };
    this.rows.append(row);
    return row.fields;
  }

  async save() {
    clearText(this.error);
    const hours = [...this.rows.children].map((row) => ({
      day: row.fields.day.value, from: row.fields.from.value, to: row.fields.to.value,
    }));
    try {
      this.show(await this.api.request('PUT', '/api/v1/service/hours', { timeZone: this.zone.value.trim(), hours }));
      setText(this.status, 'admin.hours.saved');
    } catch (e) {
      showProblem(this.error, e);
    }
  }

  stop() {}
}
