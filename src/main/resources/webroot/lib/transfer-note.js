/**
 * Transfer notes (docs/protocol.md 12.7): a worker hands a conversation over with a note that only the next worker
 * can read, sealed with HPKE in auth mode between their identity DH keys, so the note also proves who wrote it.
 */
import { concat, label0, lp16, lp8, utf8 } from './bytes.js';
import { verifyCertificate } from './certificate.js';
import { decodeJsonObject, encodeJsonObject, isText } from './content.js';
import { Reason, refuse } from './errors.js';
import { openAuth, sealAuth } from './hpke.js';
import { randomKeys } from './keys.js';
import { pad, unpad } from './padding.js';
import { Reader } from './reader.js';

const VERSION = 0x01;
const ENC_LENGTH = 32;
const INFO_LABEL = label0('passerelle/v1/transfer-note');

function info(orgId, recipientWorkerId) {
  return concat(INFO_LABEL, lp8(utf8(orgId)), lp8(utf8(recipientWorkerId)));
}

/**
 * The JSON text of a note, written now or at `writtenAt`, in whole seconds, UTC.
 * @param {string} text 0 to 4000 characters
 * @param {Date} [writtenAt]
 * @returns {string}
 */
export function transferNoteContent(text, writtenAt = new Date()) {
  if (!isText(text, 0)) {
    throw new RangeError('a transfer note has at most 4000 characters');
  }
  return JSON.stringify({ type: 'transfer-note', text, writtenAt: writtenAt.toISOString().replace(/\.\d+Z$/, 'Z') });
}

/**
 * Seals a note to the next worker. Verify the colleague's certificate first (`verifyCertificate`, from
 * `GET /api/v1/workers/{id}/certificate`) and pass its `workerId` and `identityDhKey`.
 * @param {object} note
 * @param {string} note.orgId
 * @param {string} note.recipientWorkerId
 * @param {Uint8Array} note.recipientDhKey the next worker's identity DH key
 * @param {Uint8Array} note.senderCertificate the sealing worker's own certificate
 * @param {import('./x25519.js').KeyPair} note.sender the sealing worker's identity DH key pair
 * @param {string} note.json the content as JSON text, see {@link transferNoteContent}
 * @param {import('./keys.js').KeySource} [note.keys] where the HPKE ephemeral key comes from
 * @returns {Promise<Uint8Array>} `u8(0x01) | lp16(senderCertificate) | enc (32) | ct`
 */
export async function sealTransferNote({ orgId, recipientWorkerId, recipientDhKey, senderCertificate, sender, json,
  keys = randomKeys }) {
  const { enc, ciphertext } = await sealAuth({
    recipientPublicKey: recipientDhKey, sender, info: info(orgId, recipientWorkerId), aad: senderCertificate,
    plaintext: pad(encodeJsonObject(json)), keys,
  });
  return concat(new Uint8Array([VERSION]), lp16(senderCertificate), enc, ciphertext);
}

/**
 * Opens a note addressed to this worker after verifying the sender's certificate (its refusals as in
 * `verifyCertificate`). `UNSUPPORTED_VERSION`, `MALFORMED` or `AUTH_FAILED` otherwise.
 * @param {object} received
 * @param {Uint8Array} received.note
 * @param {string} received.orgId
 * @param {Uint8Array} received.rootPublicKey
 * @param {number | bigint} received.now Unix seconds
 * @param {string} received.recipientWorkerId this worker's id
 * @param {import('./x25519.js').KeyPair} received.recipient this worker's identity DH key pair
 * @returns {Promise<{sender: import('./certificate.js').WorkerCertificate, json: string, content: object}>}
 */
export async function openTransferNote({ note, orgId, rootPublicKey, now, recipientWorkerId, recipient }) {
  const reader = new Reader(note, 'transfer note');
  if (reader.uint(1) !== VERSION) {
    refuse(Reason.UNSUPPORTED_VERSION, 'unknown transfer note version');
  }
  const senderCertificate = reader.lp16();
  const enc = reader.take(ENC_LENGTH);
  const ciphertext = reader.rest();
  const sender = await verifyCertificate(senderCertificate, { rootPublicKey, orgId, now });
  const plaintext = await openAuth({
    recipient, senderPublicKey: sender.identityDhKey, enc, info: info(orgId, recipientWorkerId),
    aad: senderCertificate, ciphertext,
  });
  const decoded = decodeJsonObject(unpad(plaintext));
  const { type, text, writtenAt } = decoded.content;
  if (type !== 'transfer-note' || !isText(text, 0) || typeof writtenAt !== 'string') {
    refuse(Reason.MALFORMED, 'not a transfer note of at most 4000 characters with its date');
  }
  return { sender, ...decoded };
}
