/**
 * The HTTP calls the widget makes to the relay: the public service description, the creation of an anonymous
 * session, and the anonymous mailbox (docs/api.md), whose only credential is the `Mailbox` token a message code
 * derives. No cookie is sent and no referrer: the relay learns nothing of the page the visitor is on.
 */

/** A refused call, with the problem code of the relay's answer (`rate_limited`, …) or `network`, and its status. */
export class RelayError extends Error {
  constructor(code, status = 0) {
    super(`relay: ${code}`);
    this.code = code;
    this.status = status;
  }
}

const PRIVATE = Object.freeze({ cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' });

/**
 * `GET /api/v1/service`: the organisation, whether it is open, its hours and the emergency numbers.
 * @param {string} relay origin
 */
export async function fetchService(relay) {
  return call(`${relay}/api/v1/service`, { ...PRIVATE });
}

/**
 * `POST /api/v1/sessions`: a new anonymous session; its secret stays in memory.
 * @param {string} relay origin
 * @param {string[]} languages routing tags, most preferred first
 * @param {string | null} campaign
 * @returns {Promise<{session: string, secret: string}>}
 */
export async function createSession(relay, languages, campaign) {
  const body = { languages };
  if (campaign) {
    body.campaign = campaign;
  }
  const created = await call(`${relay}/api/v1/sessions`, {
    ...PRIVATE, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { session: created.session, secret: created.secret };
}

/**
 * `GET /api/v1/letters/recipients`: the certificates a visitor's letter is sealed to, still to be verified.
 * @param {string} relay origin
 * @returns {Promise<string[]>} base64url certificates
 */
export async function fetchRecipients(relay) {
  const answer = await call(`${relay}/api/v1/letters/recipients`, { ...PRIVATE });
  return Array.isArray(answer?.certificates) ? answer.certificates : [];
}

/**
 * `POST /api/v1/mailbox/letters`: leaves a sealed letter, creating the mailbox with the first one.
 * @param {string} relay origin
 * @param {string} authorization `Mailbox <token>`
 * @param {{id: string, sealed: string, languages: string[]}} letter
 * @returns {Promise<{id: string, at: number}>}
 */
export function postLetter(relay, authorization, letter) {
  return call(`${relay}/api/v1/mailbox/letters`, {
    ...PRIVATE, method: 'POST', headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(letter),
  });
}

/**
 * `GET /api/v1/mailbox`: the mailbox's sealed letters; a `RelayError` of status 404 when the code opens none.
 * @param {string} relay origin
 * @param {string} authorization `Mailbox <token>`
 * @returns {Promise<{mailbox: string, letters: {id: string, from: string, at: number, sealed: string}[],
 *   expiresAt: number}>}
 */
export function fetchMailbox(relay, authorization) {
  return call(`${relay}/api/v1/mailbox`, { ...PRIVATE, headers: { authorization } });
}

/**
 * `DELETE /api/v1/mailbox`: deletes the mailbox and its letters. `keepalive` lets the quick exit's request outlive
 * the page.
 * @param {string} relay origin
 * @param {string} authorization `Mailbox <token>`
 */
export function deleteMailbox(relay, authorization) {
  return call(`${relay}/api/v1/mailbox`, { ...PRIVATE, method: 'DELETE', headers: { authorization }, keepalive: true });
}

async function call(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new RelayError('network');
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new RelayError(json?.code ?? `http_${response.status}`, response.status);
  }
  return json;
}
