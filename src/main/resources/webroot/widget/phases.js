/**
 * What the widget's main area shows in each phase: the start, the queue, the conversation and its ends. Each
 * function returns a fresh element; the log and the composer are the same elements throughout.
 */
import { LONG_WAIT_SECONDS } from './controller.js';
import { h } from './dom.js';
import { alwaysOpen, describeInstant, describeSlots, upcomingSlots } from './hours.js';

/**
 * @typedef {object} Context
 * @property {import('./i18n.js').Translator} tr
 * @property {import('./controller.js').Controller} controller
 * @property {object} state the controller's state
 * @property {string} orgName
 * @property {HTMLElement} log
 * @property {() => HTMLElement} composer
 * @property {object} ui the view's own state: safety code, resume code, copy status
 * @property {(change: object) => void} set changes `ui` and renders again
 * @property {() => string[]} languages the routing languages of a new session
 * @property {ShadowRoot} shadow
 */

/** @param {Context} c */
export function intro(c) {
  const { tr, state } = c;
  const resumeInput = h('input', { id: 'pw-resume', type: 'text', autocomplete: 'off', spellcheck: 'false',
    autocapitalize: 'off', 'aria-describedby': state.resumeError ? 'pw-resume-error' : null });
  return h('section', { class: 'panel', 'aria-labelledby': 'pw-title' },
    h('h2', { id: 'pw-title' }, tr.t('intro.title', { org: c.orgName })),
    h('p', {}, tr.t('intro.text')),
    serviceStatus(c),
    h('button', { type: 'button', class: 'primary start', onclick: () => c.controller.start(c.languages()) },
      tr.t('intro.start')),
    state.service?.open === false ? leaveMessageButton(c) : null,
    state.service?.phone ? h('p', {}, tr.t('intro.phone', { phone: state.service.phone })) : null,
    protection(c),
    h('details', { class: 'resume-entry', open: Boolean(state.resumeError) },
      h('summary', {}, tr.t('resume.have')),
      h('form', { onsubmit: (event) => {
        event.preventDefault();
        c.controller.resume(resumeInput.value, c.languages());
      } },
      h('label', { for: 'pw-resume' }, tr.t('resume.field')),
      h('p', { class: 'small' }, tr.t('resume.either')),
      resumeInput,
      state.resumeError
        ? h('p', { id: 'pw-resume-error', class: 'error', role: 'alert' }, tr.t(`resume.${state.resumeError}`))
        : null,
      h('button', { type: 'submit', class: 'secondary' }, tr.t('resume.continue')))));
}

/** @param {Context} c */
export function starting(c) {
  return h('section', { class: 'panel' }, h('p', { role: 'status' }, c.tr.t('status.connecting')));
}

/** @param {Context} c */
export function waiting(c) {
  const { tr, state } = c;
  return h('section', { class: 'panel', 'aria-labelledby': 'pw-title' },
    h('h2', { id: 'pw-title' }, tr.t('queue.title')),
    h('div', { class: 'queue', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }, queueLines(c)),
    state.service?.open === false ? serviceStatus(c) : null,
    c.log,
    c.composer(),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => c.controller.leave() }, tr.t('queue.leave'))),
    resumeCode(c));
}

/** The position and wait lines, rebuilt in place when the server sends new ones. */
export function queueLines(c) {
  const { tr, state } = c;
  const queue = state.queue;
  if (!queue) {
    return [h('p', {}, tr.t('status.connecting'))];
  }
  const eta = queue.etaSeconds;
  const long = state.service?.open === false || eta === null || eta >= LONG_WAIT_SECONDS;
  return [
    h('p', { class: 'position' }, tr.t('queue.position', { position: queue.position })),
    h('p', { class: 'eta' }, etaText(tr, eta)),
    long ? h('p', { class: 'hint' }, tr.t('queue.leaveMessage')) : null,
    long ? leaveMessageButton(c) : null,
  ];
}

/** "Leave a message instead": when nobody can answer soon, a letter the team reads later. */
function leaveMessageButton(c) {
  return h('button', { type: 'button', class: 'secondary leave-message', onclick: () => c.controller.writeLetter() },
    c.tr.t('letter.leaveInstead'));
}

/** An honest estimate: unknown when the server cannot say, never a number it did not give. */
export function etaText(tr, eta) {
  if (eta === null || eta === undefined) {
    return tr.t('queue.etaUnknown');
  }
  if (eta === 0) {
    return tr.t('queue.etaSoon');
  }
  if (eta >= 3600) {
    return tr.t('queue.etaLong');
  }
  return tr.t('queue.etaMinutes', { minutes: Math.max(1, Math.ceil(eta / 60)) });
}

/** A worker took the visitor, or a colleague is about to: nothing is shown until their identity is verified. */
export function arriving(c) {
  const { tr, state } = c;
  const key = state.phase === 'transferring' ? 'chat.transferring' : 'chat.arriving';
  return h('section', { class: 'panel', 'aria-labelledby': 'pw-title' },
    h('h2', { id: 'pw-title' }, tr.t(key)),
    h('p', { role: 'status' }, tr.t('chat.verifying', { org: c.orgName })),
    c.log,
    c.composer(),
    resumeCode(c));
}

/** @param {Context} c */
export function chatting(c) {
  const { tr, state } = c;
  const pseudonym = state.worker?.pseudonym ?? '';
  return h('section', { class: 'panel', 'aria-labelledby': 'pw-title' },
    h('div', { class: 'chat-head' },
      h('h2', { id: 'pw-title' }, tr.t('chat.with', { pseudonym })),
      h('p', { class: 'verified' }, h('span', { class: 'check', 'aria-hidden': 'true' }, '✓'), ' ',
        tr.t('chat.verified', { org: c.orgName }))),
    safety(c, pseudonym),
    c.log,
    c.composer(),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => c.controller.leave() }, tr.t('chat.end'))),
    resumeCode(c));
}

function safety(c, pseudonym) {
  const { tr, ui } = c;
  const shown = Boolean(ui.safetyCode);
  const toggle = async () => {
    c.set({ safetyCode: shown ? null : await c.controller.safetyCode() });
  };
  return h('div', { class: 'safety' },
    h('button', { type: 'button', class: 'link', 'aria-expanded': String(shown), 'aria-controls': 'pw-safety',
      onclick: toggle }, tr.t(shown ? 'safety.hide' : 'safety.show')),
    h('div', { id: 'pw-safety', hidden: !shown },
      shown ? [
        h('p', { class: 'safety-title' }, tr.t('safety.title')),
        h('p', { class: 'safety-code', lang: 'en', translate: 'no' }, ui.safetyCode),
        h('p', {}, tr.t('safety.explain', { pseudonym })),
      ] : null));
}

/** @param {Context} c */
export function ended(c) {
  const { tr, state } = c;
  return h('section', { class: 'panel', 'aria-labelledby': 'pw-title' },
    h('h2', { id: 'pw-title' }, tr.t(state.endedBy === 'self' ? 'ended.self' : 'ended.worker')),
    c.log,
    againButton(c));
}

/** The worker's identity could not be verified: the reason, in words, and what to do. */
export function refused(c) {
  const { tr, state } = c;
  return h('section', { class: 'panel refused', 'aria-labelledby': 'pw-title' },
    h('h2', { id: 'pw-title' }, tr.t('refused.title')),
    h('p', { role: 'alert' }, tr.t('refused.text')),
    h('p', { class: 'reason' }, tr.t(refusalKey(state.refusal), { org: c.orgName })),
    h('p', {}, tr.t('refused.advice')),
    c.log,
    againButton(c));
}

/** The text key of a refusal reason (docs/protocol.md 12.10). */
export function refusalKey(reason) {
  switch (reason) {
    case 'BAD_SIGNATURE': return 'refused.reason.signature';
    case 'WRONG_ORGANISATION': return 'refused.reason.organisation';
    case 'EXPIRED': return 'refused.reason.expired';
    case 'NOT_YET_VALID': return 'refused.reason.notYetValid';
    case 'BAD_CERTIFICATE': return 'refused.reason.certificate';
    default: return 'refused.reason.key';
  }
}

/** Expired, superseded or failed: one sentence and a way on. */
export function stopped(c) {
  const { tr, state } = c;
  const key = state.phase === 'failed' ? failureKey(state.error) : `stopped.${state.phase}`;
  return h('section', { class: 'panel' },
    h('p', { role: 'alert' }, tr.t(key)),
    state.phase === 'superseded' ? null : againButton(c, state.phase === 'failed' ? 'error.retry' : 'ended.again'));
}

function failureKey(code) {
  switch (code) {
    case 'rate_limited': return 'error.busy';
    case 'queue_full': return 'error.queueFull';
    default: return 'error.network';
  }
}

function againButton(c, key = 'ended.again') {
  return h('button', { type: 'button', class: 'primary', onclick: () => c.controller.again() }, c.tr.t(key));
}

/** Open or closed, the next opening and the week's hours, in the visitor's time zone. */
function serviceStatus(c) {
  const { tr, state } = c;
  const service = state.service;
  if (!service) {
    return null;
  }
  const locale = tr.locale;
  const lines = alwaysOpen(service.hours)
    ? [h('li', {}, tr.t('hours.always'))]
    : describeSlots(upcomingSlots(service.hours, service.timeZone, Date.now()), locale)
      .map((slot) => h('li', {}, tr.t('hours.slot', slot)));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return h('div', { class: 'service' },
    h('p', { class: service.open ? 'open' : 'closed' }, tr.t(service.open ? 'status.open' : 'status.closed')),
    !service.open && service.nextOpening
      ? h('p', {}, tr.t('status.nextOpening', { when: describeInstant(Date.parse(service.nextOpening), locale) }))
      : null,
    h('details', { class: 'hours', open: !service.open },
      h('summary', {}, tr.t('hours.title')),
      h('ul', {}, lines),
      h('p', { class: 'small' }, tr.t('hours.yourTime', { zone }))));
}

function protection(c) {
  const { tr } = c;
  return h('details', { class: 'protection' },
    h('summary', {}, tr.t('protect.title')),
    h('ul', {},
      h('li', {}, tr.t('protect.encrypted', { org: c.orgName })),
      h('li', {}, tr.t('protect.noTrace')),
      h('li', {}, tr.t('protect.limits')),
      h('li', {}, tr.t('protect.exit'))));
}

/** The optional resume code: shown only when asked for; copying it is the visitor's choice. */
function resumeCode(c) {
  const { tr, ui } = c;
  const code = c.controller.resumeCode();
  if (!code) {
    return null;
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      c.set({ copied: true, clipboardUsed: true });
    } catch {
      c.shadow.getElementById('pw-code')?.select(); // the visitor copies it by hand
    }
  };
  return h('details', { class: 'resume', open: ui.resumeOpen, ontoggle: (event) => {
    ui.resumeOpen = event.target.open;
  } },
  h('summary', {}, tr.t('resume.show')),
  h('p', {}, tr.t('resume.explain')),
  h('label', { for: 'pw-code' }, tr.t('resume.code')),
  h('input', { id: 'pw-code', type: 'text', readonly: true, value: code, spellcheck: 'false', autocomplete: 'off' }),
  h('button', { type: 'button', class: 'secondary', onclick: copy }, tr.t('resume.copy')),
  h('p', { role: 'status', class: 'small' }, ui.copied ? tr.t('resume.copied') : ''));
}
