/**
 * "Refer to an association", in one conversation: find an association (département and language), fill the form,
 * write why, ask the visitor (the `referral-request` content), and once the visitor has agreed, seal and send the
 * referral. "Send referral" stays disabled until the visitor's own encrypted answer says yes; the server refuses it
 * anyway without a recorded consent. Built once, on first use, as a modal dialog.
 */
import { clear, clearText, el, setAttr, setText } from './dom.js';
import { languageName } from './i18n.js';
import {
  AGE_BANDS, FormError, NEEDS, referralForm, referralRequest, sendReferral, suggestions,
} from './referrals.js';

/** The open dialog's conversation and what was entered for it; one dialog at a time. */
let current = null;
let parts = null;
/** The conversation the fields were last filled for: another one starts from empty fields. */
let filledFor = null;

/**
 * Opens the dialog for `conversation`.
 * @param {import('./conversation.js').Conversation} conversation
 * @param {import('./api.js').Api} api
 * @param {{ask: (json: string) => Promise<void>, sent: () => void}} hooks `ask` sends the request content to the
 *   visitor; `sent` is told after a referral is accepted by the server
 */
export function openReferralDialog(conversation, api, hooks) {
  parts ??= build();
  current = { conversation, api, hooks, state: conversation.referral ??= { association: null, request: null, requestFor: null } };
  if (filledFor !== conversation) {
    emptyFields();
    parts.language.value = conversation.languages[0] ?? '';
    parts.languages.value = conversation.languages.join(', ');
    filledFor = conversation;
  }
  reset();
  parts.dialog.showModal();
  parts.departement.focus();
}

/** At logout: the dialog closes and forgets everything entered. */
export function closeReferralDialog() {
  if (parts) {
    parts.dialog.close();
    emptyFields();
    clear(parts.results);
  }
  filledFor = null;
}

/** The visitor's answer for `request` in `conversation` is known: the dialog, if open on it, updates. */
export function consentChanged(conversation, request) {
  if (current?.conversation === conversation && current.state.request === request) {
    renderConsent();
  }
}

function reset() {
  const { conversation, state } = current;
  setText(parts.subtitle, 'referral.for', { label: conversation.label });
  clear(parts.results);
  clearText(parts.searchStatus);
  clearText(parts.error);
  clearText(parts.outcome);
  if (state.association) {
    showResults([state.association]);
  }
  renderConsent();
}

// Nothing entered for one person may end up in another's referral, nor stay in the page after it was sent.
function emptyFields() {
  for (const field of [parts.departement, parts.value, parts.times, parts.note, parts.reason]) {
    field.value = '';
  }
  parts.ageBand.value = 'unknown';
  parts.needs.forEach((box) => { box.checked = false; });
}

function build() {
  const p = {};
  const field = (id, key, control) => el('p', { className: 'field' },
    el('label', { attrs: { for: id }, i18n: key }), control);
  p.subtitle = el('p', { className: 'referral-for' });
  p.departement = el('input', { attrs: { id: 'referral-departement', size: 4, maxlength: 3, autocomplete: 'off' } });
  p.language = el('input', { attrs: { id: 'referral-language', size: 4, maxlength: 3, autocomplete: 'off' } });
  p.searchStatus = el('p', { attrs: { role: 'status' } });
  p.results = el('div', { className: 'referral-results' });
  const find = el('form', { className: 'referral-find', on: { submit: (e) => { e.preventDefault(); search(); } } },
    field('referral-departement', 'referral.departement', p.departement),
    field('referral-language', 'referral.language', p.language),
    el('button', { attrs: { type: 'submit' }, className: 'referral-search', i18n: 'referral.search' }));

  p.languages = el('input', { attrs: { id: 'referral-languages', autocomplete: 'off' } });
  p.ageBand = el('select', { attrs: { id: 'referral-age' } },
    ...AGE_BANDS.map((band) => el('option', { attrs: { value: band }, i18n: `referral.age.${band}` })));
  p.needs = NEEDS.map((need) => el('input', { attrs: { type: 'checkbox', id: `referral-need-${need}`, value: need } }));
  p.method = el('select', { attrs: { id: 'referral-method' } });
  p.value = el('input', { attrs: { id: 'referral-value', maxlength: 200, autocomplete: 'off' } });
  p.times = el('input', { attrs: { id: 'referral-times', maxlength: 200, autocomplete: 'off' } });
  p.note = el('textarea', { attrs: { id: 'referral-note', rows: 2, maxlength: 1000 } });
  p.reason = el('textarea', { attrs: { id: 'referral-reason', rows: 3, maxlength: 1000 } });
  setAttr(p.reason, 'placeholder', 'referral.reasonHint');
  p.ask = el('button', { attrs: { type: 'button' }, className: 'referral-ask', i18n: 'referral.ask',
    on: { click: () => ask() } });
  p.consent = el('p', { className: 'referral-consent', attrs: { role: 'status', 'data-consent': '' } });
  p.send = el('button', { attrs: { type: 'button', disabled: true }, className: 'primary referral-send',
    i18n: 'referral.send', on: { click: () => send() } });
  p.error = el('p', { className: 'error', attrs: { role: 'alert' } });
  p.outcome = el('p', { className: 'referral-outcome', attrs: { role: 'status' } });
  const form = el('div', { className: 'referral-form' },
    el('h3', { i18n: 'referral.formHeading' }),
    field('referral-languages', 'referral.languages', p.languages),
    field('referral-age', 'referral.ageBand', p.ageBand),
    el('fieldset', {}, el('legend', { i18n: 'referral.needs' }),
      ...p.needs.map((box) => el('p', { className: 'check' }, box,
        el('label', { attrs: { for: box.id }, i18n: `referral.need.${box.value}` })))),
    field('referral-method', 'referral.method', p.method),
    field('referral-value', 'referral.value', p.value),
    field('referral-times', 'referral.times', p.times),
    field('referral-note', 'referral.note', p.note),
    el('h3', { i18n: 'referral.reasonHeading' }),
    field('referral-reason', 'referral.reason', p.reason),
    el('p', { className: 'referral-buttons' }, p.ask, p.send),
    p.consent, p.error, p.outcome);
  p.dialog = el('dialog', { className: 'dialog referral-dialog',
    attrs: { id: 'referral-dialog', 'aria-labelledby': 'referral-heading' } },
  el('h2', { attrs: { id: 'referral-heading' }, i18n: 'referral.heading' }), p.subtitle,
  find, p.searchStatus, p.results, form,
  el('p', { className: 'dialog-buttons' }, el('button', { attrs: { type: 'button' }, className: 'referral-close',
    i18n: 'referral.close', on: { click: () => p.dialog.close() } })));
  p.dialog.addEventListener('close', () => { current = null; });
  document.body.append(p.dialog);
  return p;
}

async function search() {
  const departement = parts.departement.value.trim().toUpperCase();
  clearText(parts.error);
  setText(parts.searchStatus, 'referral.searching');
  try {
    const found = await suggestions(current.api, departement, parts.language.value.trim().toLowerCase());
    showResults(found);
    setText(parts.searchStatus, found.length ? 'referral.found' : 'referral.none', { count: found.length });
  } catch (e) {
    clear(parts.results);
    setText(parts.searchStatus, 'referral.searchFailed', { reason: e.code ?? 'network' });
  }
}

function showResults(found) {
  const chosen = current.state.association?.id;
  clear(parts.results);
  const list = el('fieldset', {}, el('legend', { i18n: 'referral.choose' }));
  for (const association of found) {
    const id = `referral-assoc-${association.id}`;
    const radio = el('input', { attrs: { type: 'radio', name: 'referral-association', id, value: association.id,
      checked: association.id === chosen }, on: { change: () => choose(association) } });
    list.append(el('p', { className: 'referral-association', attrs: { 'data-association': association.id } }, radio,
      el('label', { attrs: { for: id } }, el('strong', { text: association.name }), ' — ',
        el('span', { i18n: 'referral.covers', params: {
          departements: association.departements.join(', '),
          languages: association.languages.map(languageName).join(', ') } }))));
  }
  parts.results.append(list);
  if (found.length > 0 && !found.some((a) => a.id === chosen)) {
    list.querySelector('input').checked = true;
    choose(found[0]);
  } else if (chosen) {
    fillChannels(current.state.association);
  }
}

function choose(association) {
  if (current.state.requestFor !== association.id) {
    current.state.request = null; // consent is for one association: asked again for another
  }
  current.state.association = association;
  if (!parts.departement.value) {
    parts.departement.value = association.departements[0] ?? '';
  }
  fillChannels(association);
  renderConsent();
}

function fillChannels(association) {
  const was = parts.method.value;
  parts.method.replaceChildren(...association.channels.map((channel) => el('option', { attrs: { value: channel },
    i18n: `referral.channel.${channel}` })));
  if (association.channels.includes(was)) {
    parts.method.value = was;
  }
}

function input() {
  return {
    departement: parts.departement.value.trim().toUpperCase(),
    languages: parts.languages.value.split(/[\s,]+/),
    ageBand: parts.ageBand.value,
    needs: parts.needs.filter((box) => box.checked).map((box) => box.value),
    method: parts.method.value, value: parts.value.value, times: parts.times.value, note: parts.note.value,
  };
}

async function ask() {
  const { state, hooks } = current;
  clearText(parts.error);
  if (!state.association) {
    setText(parts.error, 'referral.invalid.association');
    return;
  }
  try {
    referralForm(input(), state.association); // checked before asking: the visitor sees what will be sent
    const { request, json } = referralRequest(state.association, parts.reason.value);
    state.request = request;
    state.requestFor = state.association.id;
    await hooks.ask(json);
    renderConsent();
  } catch (e) {
    state.request = null;
    setText(parts.error, e instanceof FormError ? `referral.invalid.${e.field}` : 'referral.failed',
      { reason: e.code ?? 'internal' });
  }
}

function renderConsent() {
  const { conversation, state } = current;
  const answer = state.request ? conversation.consents.get(state.request) : undefined;
  const status = state.request ? consentStatus(answer) : '';
  parts.consent.dataset.server = String(answer?.server ?? ''); // what the server recorded, for the tests
  parts.consent.dataset.consent = status;
  parts.consent.dataset.request = state.request ?? '';
  if (status) {
    setText(parts.consent, `referral.consent.${status}`);
  } else {
    clearText(parts.consent);
  }
  parts.send.disabled = status !== 'given' || !conversation.active;
}

async function send() {
  const { conversation, api, state, hooks } = current;
  clearText(parts.error);
  parts.send.disabled = true;
  try {
    const form = referralForm(input(), state.association);
    const answer = await sendReferral(api, { conversation: conversation.id, request: state.request,
      association: state.association, form });
    setText(parts.outcome, 'referral.sent', { name: state.association.name });
    state.request = null; // one referral per consent
    emptyFields();
    hooks.sent(answer);
  } catch (e) {
    if (e?.code === 'key_changed') {
      state.association = null; // chosen again from fresh suggestions, with its new key; the consent stays
      clear(parts.results);
    }
    const key = e instanceof FormError ? `referral.invalid.${e.field}` : `referral.refused.${refusal(e?.code)}`;
    setText(parts.error, key, { reason: e?.code ?? 'internal' });
  } finally {
    renderConsent();
  }
}

/**
 * Given only once the visitor's own encrypted answer says so (a relay could invent the server's frame) and the
 * server's record does not say otherwise; refused as soon as either says no.
 */
function consentStatus(answer = {}) {
  if (answer.visitor === false || answer.server === false) {
    return 'refused';
  }
  return answer.visitor === true ? 'given' : 'waiting';
}

function refusal(code) {
  return ['consent_required', 'key_changed', 'association_inactive', 'not_found'].includes(code) ? code : 'other';
}
