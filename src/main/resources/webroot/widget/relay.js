/**
 * The two HTTP calls the widget makes to the relay: the public service description and the creation of an anonymous
 * session. No cookie is sent and no referrer: the relay learns nothing of the page the visitor is on.
 */

/** A refused call, with the problem code of the relay's answer (`rate_limited`, …) or `network`. */
export class RelayError extends Error {
  constructor(code) {
    super(`relay: ${code}`);
    this.code = code;
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

async function call(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new RelayError('network');
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new RelayError(json?.code ?? `http_${response.status}`);
  }
  return json;
}
