/**
 * The resume code: the session id and its resume secret in one string the visitor can copy, to continue a
 * conversation elsewhere within the server's resume delay. Shown only when asked for, never stored.
 */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SEPARATOR = '.';

/**
 * @param {{session: string, secret: string}} credentials
 * @returns {string}
 */
export function formatResumeCode({ session, secret }) {
  return `${session}${SEPARATOR}${secret}`;
}

/**
 * The credentials a code holds, or null if it is not one. Spaces and line breaks a copy may add are ignored.
 * @param {string} text
 * @returns {{session: string, secret: string} | null}
 */
export function parseResumeCode(text) {
  const parts = String(text).replace(/\s+/g, '').split(SEPARATOR);
  if (parts.length !== 2 || !ID.test(parts[0]) || !ID.test(parts[1])) {
    return null;
  }
  return { session: parts[0], secret: parts[1] };
}
