/**
 * Letters (docs/protocol.md 12.12): messages left in an anonymous mailbox when nobody can chat. A letter's content is
 * encrypted once under a fresh key K, and K is sealed with HPKE to each recipient: in base mode by the visitor
 * (kind 1, anonymous), in auth mode by a worker (kind 2, whose certificate travels in the letter). Every value is
 * bound to the organisation, the mailbox, the letter id and the kind.
 *
 * `letter = u8(0x01) | u8(kind) | [kind 2: lp16(senderCertificate)] | u16(n) | n × stanza | body`,
 * `stanza = lp8(recipientId) | enc (32) | ct (48)`.
 */
import { concat, fromBase64url, label0, lp16, lp8, toBase64url, uint, utf8 } from './bytes.js';
import { verifyCertificate } from './certificate.js';
import { decodeJsonObject, encodeJsonObject, isText, MAX_TEXT_LENGTH } from './content.js';
import { Reason, refuse } from './errors.js';
import { openAuth, open as openBase, sealAuth, seal as sealBase } from './hpke.js';
import { randomKeys } from './keys.js';
import { pad, unpad } from './padding.js';
import { Reader } from './reader.js';
import { aesGcmOpen, aesGcmSeal, sha256 } from './symmetric.js';
import { checkX25519PublicKey } from './x25519.js';

/** Who wrote a letter. */
export const LetterKind = Object.freeze({ VISITOR: 1, WORKER: 2 });
/** The recipient id of the visitor's reply key in a worker's letter. */
export const VISITOR_RECIPIENT = 'visitor';
/** The most stanzas a letter may carry. */
export const MAX_RECIPIENTS = 500;

const VERSION = 0x01;
const ENC_LENGTH = 32;
const SEALED_KEY_LENGTH = 48;
const CONTENT_KEY_LENGTH = 32;
const ZERO_NONCE = new Uint8Array(12);
const BODY_LABEL = label0('passerelle/v1/letter');
const KEY_LABEL = label0('passerelle/v1/letter-key');
const LETTER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function bodyAad(orgId, mailboxId, letterId, kind) {
  return concat(BODY_LABEL, lp8(utf8(orgId)), lp8(utf8(mailboxId)), lp8(utf8(letterId)), uint(kind, 1));
}

function keyInfo(orgId, mailboxId, recipientId) {
  return concat(KEY_LABEL, lp8(utf8(orgId)), lp8(utf8(mailboxId)), lp8(utf8(recipientId)));
}

async function keyAad(letterId, body) {
  return concat(lp8(utf8(letterId)), await sha256(body));
}

/**
 * A fresh letter id: 22 base64url characters of random bytes, the form the HTTP routes accept.
 * @returns {string}
 */
export function newLetterId() {
  return toBase64url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * The JSON text of a letter content; a text of 0 or more than 4000 characters, or a visitor's letter without its
 * reply key, is a `RangeError`, the caller's mistake.
 * @param {object} letter
 * @param {string} letter.text 1 to 4000 characters
 * @param {Uint8Array} [letter.replyPub] the mailbox's reply public key: required in the visitor's letters, absent
 *   in workers'
 * @param {string} [letter.language] the BCP-47 tag of the widget's language
 * @returns {string}
 */
export function letterContent({ text, replyPub, language }) {
  if (!isText(text, 1)) {
    throw new RangeError(`a letter has 1 to ${MAX_TEXT_LENGTH} characters`);
  }
  const content = { type: 'letter', text };
  if (replyPub !== undefined) {
    content.replyKey = toBase64url(replyPub);
  }
  if (language !== undefined) {
    content.language = language;
  }
  return JSON.stringify(content);
}

/**
 * @typedef {object} Recipient
 * @property {string} id a worker id from a verified certificate, or {@link VISITOR_RECIPIENT}
 * @property {Uint8Array} publicKey that certificate's identity DH key, or the mailbox's reply public key
 */

/**
 * Seals a letter to its recipients, in the given order. Kind 1 (the visitor's) is anonymous; kind 2 (a worker's)
 * needs `sender` and proves who wrote it.
 * @param {object} letter
 * @param {string} letter.orgId
 * @param {string} letter.mailboxId
 * @param {string} letter.letterId 1 to 64 of `[A-Za-z0-9_-]`
 * @param {number} letter.kind {@link LetterKind}
 * @param {string} letter.json the content, see {@link letterContent}
 * @param {Recipient[]} letter.recipients 1 to 500, ids unique
 * @param {{certificate: Uint8Array, keyPair: import('./x25519.js').KeyPair}} [letter.sender] kind 2: the worker's
 *   own certificate and identity DH key pair
 * @param {Uint8Array} [letter.contentKey] K, 32 bytes; random unless a known answer fixes it
 * @param {import('./keys.js').KeySource} [letter.keys] where the HPKE ephemeral keys come from, one per stanza
 * @returns {Promise<Uint8Array>}
 */
export async function sealLetter({ orgId, mailboxId, letterId, kind, json, recipients, sender,
  contentKey = globalThis.crypto.getRandomValues(new Uint8Array(CONTENT_KEY_LENGTH)), keys = randomKeys }) {
  checkLetterId(letterId);
  checkRecipientList(recipients.map((r) => r.id));
  if (kind !== LetterKind.VISITOR && kind !== LetterKind.WORKER) {
    refuse(Reason.MALFORMED, 'a letter is of kind 1 or 2');
  }
  if ((kind === LetterKind.WORKER) !== (sender !== undefined)) {
    refuse(Reason.MALFORMED, 'a worker letter, and only it, has a sender');
  }
  if (contentKey.length !== CONTENT_KEY_LENGTH) {
    refuse(Reason.BAD_KEY_LENGTH, 'a letter key is 32 bytes');
  }
  const body = await aesGcmSeal(contentKey, ZERO_NONCE, bodyAad(orgId, mailboxId, letterId, kind),
    pad(encodeJsonObject(json)));
  const aad = await keyAad(letterId, body);
  const stanzas = [];
  for (const recipient of recipients) {
    const request = {
      recipientPublicKey: recipient.publicKey, info: keyInfo(orgId, mailboxId, recipient.id), aad,
      plaintext: contentKey, keys,
    };
    const { enc, ciphertext } = kind === LetterKind.WORKER
      ? await sealAuth({ ...request, sender: sender.keyPair })
      : await sealBase(request);
    stanzas.push(concat(lp8(utf8(recipient.id)), enc, ciphertext));
  }
  const header = kind === LetterKind.WORKER ? [lp16(sender.certificate)] : [];
  return concat(new Uint8Array([VERSION, kind]), ...header, uint(stanzas.length, 2), ...stanzas, body);
}

/**
 * @typedef {object} ParsedLetter
 * @property {number} kind
 * @property {Uint8Array | null} senderCertificate kind 2 only, not verified yet
 * @property {{recipientId: string, enc: Uint8Array, ciphertext: Uint8Array}[]} stanzas
 * @property {Uint8Array} body
 */

/**
 * The layout of a letter, checked but not opened: `UNSUPPORTED_VERSION` for another version, `MALFORMED` for an
 * unknown kind, a truncated or empty stanza list, a bad or repeated recipient id, or a body too short for its tag.
 * @param {Uint8Array} letter
 * @returns {ParsedLetter}
 */
export function parseLetter(letter) {
  const reader = new Reader(letter, 'letter');
  if (reader.uint(1) !== VERSION) {
    refuse(Reason.UNSUPPORTED_VERSION, 'unknown letter version');
  }
  const kind = reader.uint(1);
  if (kind !== LetterKind.VISITOR && kind !== LetterKind.WORKER) {
    refuse(Reason.MALFORMED, 'unknown letter kind');
  }
  const senderCertificate = kind === LetterKind.WORKER ? reader.lp16() : null;
  const count = reader.uint(2);
  const stanzas = [];
  for (let i = 0; i < count; i++) {
    const id = reader.lp8();
    stanzas.push({ recipientId: decodeId(id), enc: reader.take(ENC_LENGTH), ciphertext: reader.take(SEALED_KEY_LENGTH) });
  }
  checkRecipientList(stanzas.map((s) => s.recipientId));
  const body = reader.rest();
  if (body.length < 16) {
    refuse(Reason.MALFORMED, 'a letter body is shorter than its tag');
  }
  return { kind, senderCertificate, stanzas, body };
}

/**
 * Opens a letter for one recipient. For a worker's letter the sender's certificate is verified against the root
 * key and organisation at the letter's time `at` (not now: an answer may be read after the certificate expired).
 * `NOT_A_RECIPIENT` when no stanza names `recipientId`; `AUTH_FAILED` when anything bound to the letter differs;
 * the certificate's refusals as `verifyCertificate`; `MALFORMED` for a content that is not a letter.
 * @param {object} received
 * @param {Uint8Array} received.letter
 * @param {string} received.orgId
 * @param {string} received.mailboxId
 * @param {string} received.letterId
 * @param {string} received.recipientId this worker's id, or {@link VISITOR_RECIPIENT}
 * @param {import('./x25519.js').KeyPair} received.recipient the identity DH key pair, or the mailbox's reply key
 * @param {Uint8Array} [received.rootPublicKey] kind 2: the pinned root key
 * @param {number | bigint} [received.at] kind 2: the letter's time on the server, Unix seconds
 * @returns {Promise<{kind: number, sender: import('./certificate.js').WorkerCertificate | null, json: string,
 *   content: {type: 'letter', text: string, replyKey?: string, language?: string}}>}
 */
export async function openLetter({ letter, orgId, mailboxId, letterId, recipientId, recipient, rootPublicKey, at }) {
  const parsed = parseLetter(letter);
  const stanza = parsed.stanzas.find((s) => s.recipientId === recipientId)
    ?? refuse(Reason.NOT_A_RECIPIENT, 'the letter has no key for this recipient');
  const request = {
    recipient, enc: stanza.enc, info: keyInfo(orgId, mailboxId, recipientId),
    aad: await keyAad(letterId, parsed.body), ciphertext: stanza.ciphertext,
  };
  let sender = null;
  let contentKey;
  if (parsed.kind === LetterKind.WORKER) {
    sender = await verifyCertificate(parsed.senderCertificate, { rootPublicKey, orgId, now: at });
    contentKey = await openAuth({ ...request, senderPublicKey: sender.identityDhKey });
  } else {
    contentKey = await openBase(request);
  }
  const padded = await aesGcmOpen(contentKey, ZERO_NONCE, bodyAad(orgId, mailboxId, letterId, parsed.kind),
    parsed.body);
  const decoded = decodeJsonObject(unpad(padded));
  checkContent(decoded.content, parsed.kind);
  return { kind: parsed.kind, sender, ...decoded };
}

/**
 * The reply public key a visitor's letter content names.
 * @param {{replyKey: string}} content an opened kind-1 content
 * @returns {Uint8Array}
 */
export function replyKeyOf(content) {
  return fromBase64url(content.replyKey);
}

function checkContent(content, kind) {
  const { type, text, replyKey, language } = content;
  if (type !== 'letter' || !isText(text, 1)) {
    refuse(Reason.MALFORMED, `not a letter of 1 to ${MAX_TEXT_LENGTH} characters`);
  }
  if (language !== undefined && typeof language !== 'string') {
    refuse(Reason.MALFORMED, 'a letter language is a string');
  }
  if (kind === LetterKind.WORKER) {
    if (replyKey !== undefined) {
      refuse(Reason.MALFORMED, 'only a visitor letter names a reply key');
    }
    return;
  }
  if (typeof replyKey !== 'string') {
    refuse(Reason.MALFORMED, 'a visitor letter names its reply key');
  }
  checkX25519PublicKey(fromBase64url(replyKey));
}

function checkLetterId(letterId) {
  if (typeof letterId !== 'string' || !LETTER_ID.test(letterId)) {
    refuse(Reason.MALFORMED, 'a letter id is 1 to 64 of A-Z a-z 0-9 _ -');
  }
}

function checkRecipientList(ids) {
  if (ids.length < 1 || ids.length > MAX_RECIPIENTS) {
    refuse(Reason.MALFORMED, `a letter has 1 to ${MAX_RECIPIENTS} recipients`);
  }
  for (const id of ids) {
    const length = utf8(id).length;
    if (length < 1 || length > 255) {
      refuse(Reason.MALFORMED, 'a recipient id is 1 to 255 bytes');
    }
  }
  if (new Set(ids).size !== ids.length) {
    refuse(Reason.MALFORMED, 'a recipient appears twice in a letter');
  }
}

function decodeId(bytes) {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    refuse(Reason.MALFORMED, 'a recipient id is not UTF-8');
  }
}
