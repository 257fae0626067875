/**
 * A worker's referral request (docs/protocol.md 12.5, `referral-request`) as the visitor sees it: which association,
 * what would be sent to it (each field named in the visitor's language), why (the worker's words, as written), and
 * the choice to accept or decline. Nothing is sent to the association from here: the worker sends the referral only
 * after the visitor's consent.
 */
import { h } from './dom.js';

/** The fields a referral form can hold, in the order the card lists them. */
export const REFERRAL_FIELDS = Object.freeze(['departement', 'languages', 'ageBand', 'needs', 'contact', 'note']);

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_REASON = 1000;
const MAX_NAME = 200;

/**
 * What the card shows of a `referral-request` content, or null if the content is not a valid one.
 * @param {object} content
 * @returns {{request: string, association: string, fields: string[], reason: string} | null}
 */
export function readReferralRequest(content) {
  const { request, association, fields, reason } = content;
  const name = association?.name;
  const valid = typeof request === 'string' && REQUEST_ID.test(request)
    && typeof name === 'string' && name.trim().length > 0 && [...name].length <= MAX_NAME
    && Array.isArray(fields) && fields.length > 0 && fields.every((f) => REFERRAL_FIELDS.includes(f))
    && new Set(fields).size === fields.length
    && typeof reason === 'string' && reason.trim().length > 0 && [...reason].length <= MAX_REASON;
  if (!valid) {
    return null;
  }
  return { request, association: name, fields: REFERRAL_FIELDS.filter((f) => fields.includes(f)), reason };
}

/**
 * The visitor's answer, as JSON text of a `referral-consent` content.
 * @param {string} request
 * @param {boolean} given
 */
export function consentContent(request, given) {
  return JSON.stringify({ type: 'referral-consent', request, given });
}

/**
 * The card in the log: a list item with a heading, the fields, the reason, and the buttons until answered, then the
 * decision.
 * @param {import('./i18n.js').Translator} tr
 * @param {{id: string, by?: string, association: string, fields: string[], reason: string,
 *   decision: 'accepted' | 'declined' | 'closed' | null}} message `closed`: the conversation ended or was
 *   transferred before an answer
 * @param {(given: boolean) => void} answer
 */
export function referralCard(tr, message, answer) {
  const t = (key, values) => tr.t(key, values);
  const titleId = `pw-referral-${message.id}`;
  const association = message.association;
  const decision = message.decision
    ? h('p', { class: 'referral-decision', tabindex: '-1', 'data-decision': message.decision },
      t(`referral.${message.decision}`, { association }))
    : h('div', { class: 'referral-actions' },
      h('button', { type: 'button', class: 'primary referral-accept', onclick: () => answer(true) },
        t('referral.accept')),
      h('button', { type: 'button', class: 'secondary referral-decline', onclick: () => answer(false) },
        t('referral.decline')));
  return h('li', { class: 'message referral', 'data-decision': message.decision ?? '', 'aria-labelledby': titleId },
    h('h3', { id: titleId, class: 'referral-title' }, t('referral.title', { association })),
    h('p', {}, t('referral.intro', { pseudonym: message.by ?? '', association })),
    h('p', { class: 'referral-label' }, t('referral.fields')),
    h('ul', { class: 'referral-fields' }, message.fields.map((field) => h('li', {}, t(`referral.field.${field}`)))),
    h('p', { class: 'referral-label' }, t('referral.reason')),
    h('blockquote', { class: 'referral-reason' }, h('p', { dir: 'auto' }, message.reason)),
    h('p', { class: 'referral-sealed' }, t('referral.sealed', { association })),
    decision);
}
