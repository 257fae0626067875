/**
 * Referrals from the worker's side (docs/api.md "Referrals", docs/protocol.md 12.8): suggested associations, the
 * `referral-request` content that asks the visitor, the form of version 1, sealed in this browser to the
 * association's current key, and the worker's own referrals with their status. The server never sees the form.
 */
import { fromBase64url, sealReferral, toBase64url } from '../lib/index.js';
import { randomId } from './conversation.js';

/** Age bands of the form, in the order the console offers them. */
export const AGE_BANDS = Object.freeze(['unknown', 'under-18', '18-25', '26-35', '36-50', 'over-50']);
/** Coded needs of the form. */
export const NEEDS = Object.freeze(['shelter', 'health', 'legal-administrative', 'residence-permit', 'financial',
  'language-classes', 'employment', 'safety']);
/** The fields a referral of form version 1 holds, as the visitor's card names them. */
export const FIELDS = Object.freeze(['departement', 'languages', 'ageBand', 'needs', 'contact', 'note']);
const DEPARTEMENT = /^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$/;
const LANGUAGE = /^[a-z]{2,3}$/;

/** A form that breaks the contract: `field` names what is wrong, for the dialog to say. */
export class FormError extends Error {
  constructor(field) {
    super(`invalid ${field}`);
    this.field = field;
  }
}

/**
 * `GET /api/v1/associations/suggestions`: active associations with a current key covering the département, those
 * speaking `language` first.
 * @param {import('./api.js').Api} api
 * @returns {Promise<object[]>}
 */
export async function suggestions(api, departement, language) {
  const query = new URLSearchParams({ departement });
  if (language) {
    query.set('language', language);
  }
  const answer = await api.request('GET', `/api/v1/associations/suggestions?${query}`);
  return answer.associations ?? [];
}

/**
 * The `referral-request` content (12.5) asking the visitor's consent, as JSON text, with a new request id.
 * @param {object} association a suggestion
 * @param {string} reason the worker's words, 1 to 1000 characters
 * @returns {{request: string, json: string}}
 */
export function referralRequest(association, reason) {
  const text = reason.trim();
  if (!text || [...text].length > 1000) {
    throw new FormError('reason');
  }
  const request = randomId();
  const json = JSON.stringify({ type: 'referral-request', request,
    association: { id: association.id, name: association.name, departements: association.departements,
      channels: association.channels },
    fields: FIELDS, reason: text });
  return { request, json };
}

/**
 * The form of version 1 from what the worker entered, checked against the contract; a {@link FormError} naming the
 * first field out of its rules.
 * @param {object} input departement, languages (array), ageBand, needs (array), method, value, times, note
 * @param {object} association the suggestion it goes to: the method must be one of its channels
 * @returns {object}
 */
export function referralForm(input, association) {
  const languages = [...new Set(input.languages.map((l) => l.trim().toLowerCase()).filter(Boolean))];
  const needs = [...new Set(input.needs)];
  const checks = {
    departement: DEPARTEMENT.test(input.departement),
    languages: languages.length >= 1 && languages.length <= 20 && languages.every((l) => LANGUAGE.test(l)),
    ageBand: AGE_BANDS.includes(input.ageBand),
    needs: needs.length >= 1 && needs.length <= 8 && needs.every((n) => NEEDS.includes(n)),
    method: association.channels.includes(input.method),
    value: [...input.value].length <= 200,
    times: [...input.times].length <= 200,
    note: [...input.note].length <= 1000,
  };
  const wrong = Object.keys(checks).find((field) => !checks[field]);
  if (wrong) {
    throw new FormError(wrong);
  }
  return { departement: input.departement, languages, ageBand: input.ageBand, needs,
    contact: { method: input.method, value: input.value.trim(), times: input.times.trim() }, note: input.note.trim() };
}

/**
 * Seals the form to the association's current key and sends it: `POST /api/v1/referrals`. A `409 key_changed`
 * means the suggestions must be fetched again.
 * @param {import('./api.js').Api} api
 * @param {{conversation: string, request: string, association: object, form: object}} referral
 * @returns {Promise<object>} the server's answer: id, status, created, expiresAt
 */
export async function sendReferral(api, { conversation, request, association, form }) {
  const id = randomId();
  const sealed = await sealReferral({
    associationKey: fromBase64url(association.key.publicKey), associationId: association.id, referralId: id,
    json: JSON.stringify(form),
  });
  return api.request('POST', '/api/v1/referrals', {
    id, conversation, request, association: association.id, keyId: association.key.keyId,
    sealed: toBase64url(sealed),
  });
}

/**
 * `GET /api/v1/referrals`: this worker's own referrals, newest first.
 * @param {import('./api.js').Api} api
 * @returns {Promise<object[]>}
 */
export async function myReferrals(api) {
  const answer = await api.request('GET', '/api/v1/referrals');
  return (answer.referrals ?? []).slice().sort((a, b) => String(b.created).localeCompare(String(a.created)));
}
