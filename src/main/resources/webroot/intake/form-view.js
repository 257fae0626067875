/**
 * A decrypted referral form (docs/protocol.md 12.8, form version 1) as a readable, printable list: every field named
 * in the page's language, coded values spelled out, the worker's free text as written. Nothing here is sent anywhere.
 */
import { el, languageName } from './i18n.js';

const AGE_BANDS = ['under-18', '18-25', '26-35', '36-50', 'over-50', 'unknown'];
const NEEDS = ['shelter', 'health', 'legal-administrative', 'residence-permit', 'financial', 'language-classes',
  'employment', 'safety'];
const CHANNELS = ['phone-call', 'sms', 'whatsapp', 'signal', 'email', 'in-person'];

/**
 * The form as a description list; a value outside the contract shows as it is, marked, rather than hidden.
 * @param {object} form the decrypted JSON object
 * @param {{id: string, created: string}} referral
 * @param {(value: string) => string} date formats a time
 * @returns {HTMLElement}
 */
export function formView(form, referral, date) {
  const contact = form.contact ?? {};
  const rows = [
    ['form.reference', text(referral.id)],
    ['form.created', text(date(referral.created))],
    ['form.departement', text(form.departement)],
    ['form.languages', list((form.languages ?? []).map((code) => `${languageName(code)} (${code})`))],
    ['form.ageBand', coded('age', AGE_BANDS, form.ageBand)],
    ['form.needs', list((form.needs ?? []).map((need) => coded('need', NEEDS, need)))],
    ['form.contactMethod', coded('channel', CHANNELS, contact.method)],
    ['form.contactValue', text(contact.value)],
    ['form.contactTimes', text(contact.times)],
    ['form.note', text(form.note)],
  ];
  return el('dl', { className: 'form' }, ...rows.flatMap(([key, value]) => [
    el('dt', { i18n: key }), el('dd', {}, value)]));
}

function text(value) {
  return value === undefined || value === null || value === ''
    ? el('span', { className: 'none', i18n: 'form.none' })
    : el('span', { className: 'value', text: String(value), attrs: { dir: 'auto' } });
}

function coded(kind, known, value) {
  return known.includes(value)
    ? el('span', { className: 'value', i18n: `${kind}.${value}`, attrs: { 'data-code': value } })
    : el('span', { className: 'value unknown', text: String(value ?? '?') });
}

function list(items) {
  if (items.length === 0) {
    return text('');
  }
  return el('ul', {}, ...items.map((item) => el('li', {}, item)));
}
