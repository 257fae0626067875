/**
 * Message codes (docs/protocol.md 12.12): 20 symbols of Crockford's base32 drawn from the CSPRNG, shown in five
 * groups of four. The code is the visitor's only key to an anonymous mailbox: from it come the bearer token sent to
 * the server, the X25519 key the answers are sealed to, and the mailbox id the server stores instead of the token.
 */
import { concat, label0, lp8, toBase64url, utf8 } from './bytes.js';
import { Reason, refuse } from './errors.js';
import { hkdf, sha256 } from './symmetric.js';
import { importX25519 } from './x25519.js';

/** The symbols of a code: Crockford's base32, without I, L, O and U. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Symbols in a code: 100 bits. */
export const CODE_LENGTH = 20;

const GROUP = 4;
const SECRET_INFO_LABEL = label0('passerelle/v1/mailbox');
const MAILBOX_ID_LABEL = label0('passerelle/v1/mailbox-id');
const LOOK_ALIKES = new Map([['O', '0'], ['I', '1'], ['L', '1']]);

/**
 * A fresh code, 5 random bits per symbol (each byte's low 5 bits: 256 is a multiple of 32, so every symbol is
 * equally likely).
 * @param {(bytes: Uint8Array) => Uint8Array} [random] fills its argument; the CSPRNG unless a test fixes it
 * @returns {string} 20 symbols, without separators
 */
export function newMessageCode(random = (bytes) => globalThis.crypto.getRandomValues(bytes)) {
  return Array.from(random(new Uint8Array(CODE_LENGTH)), (b) => CODE_ALPHABET[b & 31]).join('');
}

/**
 * A code as shown to people: `7K2M-Q9XA-…`, five groups of four.
 * @param {string} code any form {@link normaliseMessageCode} accepts
 * @returns {string}
 */
export function formatMessageCode(code) {
  return normaliseMessageCode(code).match(new RegExp(`.{${GROUP}}`, 'g')).join('-');
}

/**
 * The 20 symbols of a code as typed: upper-cased, without spaces, line breaks or dashes, with O read as 0 and I and
 * L as 1. Anything else is `INVALID_CODE`, before anything is derived or sent.
 * @param {string} input
 * @returns {string}
 */
export function normaliseMessageCode(input) {
  if (typeof input !== 'string') {
    refuse(Reason.INVALID_CODE, 'a message code is text');
  }
  const symbols = [...input.toUpperCase().replace(/[ \t\r\n-]/g, '')].map((c) => LOOK_ALIKES.get(c) ?? c).join('');
  if (symbols.length !== CODE_LENGTH || [...symbols].some((c) => !CODE_ALPHABET.includes(c))) {
    refuse(Reason.INVALID_CODE, `a message code is ${CODE_LENGTH} symbols of ${CODE_ALPHABET}`);
  }
  return symbols;
}

/** Whether `input` reads as a message code (rather than, say, a resume code). */
export function isMessageCode(input) {
  try {
    normaliseMessageCode(input);
    return true;
  } catch {
    return false;
  }
}

/**
 * @typedef {object} Mailbox what a code opens
 * @property {string} code the normalised code
 * @property {Uint8Array} token the 32-byte bearer secret
 * @property {string} authorization the `Authorization` header value, `Mailbox <token>`
 * @property {Uint8Array} replyKey the raw X25519 private key the answers are sealed to (for known answers)
 * @property {import('./x25519.js').KeyPair} reply the same key as a non-extractable WebCrypto key pair
 * @property {string} mailboxId base64url of the hash of the token, 43 characters
 */

/**
 * Derives everything a code opens, for one organisation.
 * @param {string} code in any form {@link normaliseMessageCode} accepts
 * @param {string} orgId the organisation id, as in certificates
 * @returns {Promise<Mailbox>}
 */
export async function deriveMailbox(code, orgId) {
  const normalised = normaliseMessageCode(code);
  const secret = await hkdf(new Uint8Array(0), utf8(normalised), concat(SECRET_INFO_LABEL, lp8(utf8(orgId))), 64);
  const token = secret.slice(0, 32);
  const replyKey = secret.slice(32, 64);
  return {
    code: normalised,
    token,
    authorization: `Mailbox ${toBase64url(token)}`,
    replyKey,
    reply: await importX25519(replyKey),
    mailboxId: await mailboxIdOf(token),
  };
}

/**
 * The mailbox id of a token, as the server computes it.
 * @param {Uint8Array} token
 * @returns {Promise<string>}
 */
export async function mailboxIdOf(token) {
  return toBase64url(await sha256(concat(MAILBOX_ID_LABEL, token)));
}
