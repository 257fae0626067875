/**
 * The handshake of docs/protocol.md 12.3. The worker starts it with an init that carries its certificate, a fresh
 * ephemeral key, a signature over the transcript and the first message; the visitor, who is anonymous, checks all
 * of it before reading a word.
 */
import { concat, equal, label0, lp16, lp8, utf8 } from './bytes.js';
import { verifyCertificate } from './certificate.js';
import { encodeContent } from './content.js';
import { ed25519Sign, ed25519Verify } from './ed25519.js';
import { Reason, refuse } from './errors.js';
import { encodeInitHeader, parseHeader } from './headers.js';
import { randomKeys } from './keys.js';
import { pad } from './padding.js';
import { initiatorState, ratchetEncrypt, responderState } from './ratchet.js';
import { openFirstMessage, Session } from './session.js';
import { sha256, hkdf } from './symmetric.js';
import { checkX25519PublicKey, x25519 } from './x25519.js';

const TRANSCRIPT_LABEL = label0('passerelle/v1/transcript');
const INIT_SIGNATURE_LABEL = label0('passerelle/v1/init');
const HANDSHAKE_INFO = utf8('passerelle/v1/handshake');

/**
 * `th = H(label0("passerelle/v1/transcript") | lp8(orgId) | rootPublicKey | lp8(conversationId)
 * | lp16(certificate) | E_v | E_w)`.
 * @param {{orgId: string, rootPublicKey: Uint8Array, conversationId: string, certificate: Uint8Array,
 *   visitorKey: Uint8Array, workerKey: Uint8Array}} transcript
 * @returns {Promise<Uint8Array>}
 */
export function transcriptHash({ orgId, rootPublicKey, conversationId, certificate, visitorKey, workerKey }) {
  return sha256(concat(TRANSCRIPT_LABEL, lp8(utf8(orgId)), rootPublicKey, lp8(utf8(conversationId)),
    lp16(certificate), visitorKey, workerKey));
}

async function handshakeSecret(th, dh1, dh2) {
  return hkdf(th, concat(dh1, dh2), HANDSHAKE_INFO, 32);
}

/**
 * The worker's side: the init for `visitorKey`, carrying the first message, and the session that follows.
 * @param {object} start
 * @param {string} start.orgId
 * @param {Uint8Array} start.rootPublicKey
 * @param {string} start.conversationId
 * @param {Uint8Array} start.visitorKey `E_v`, from `assigned` or `visitor-key`
 * @param {Uint8Array} start.certificate the worker's own certificate
 * @param {{dh: import('./x25519.js').KeyPair, signing: CryptoKey}} start.identity the worker's identity keys
 * @param {string} start.json the first message's content as JSON text: a greeting, or `HELLO`
 * @param {import('./keys.js').KeySource} [start.keys] where `E_w`, `R0` and later ratchet keys come from
 * @returns {Promise<{session: Session, header: Uint8Array, body: Uint8Array}>}
 */
export async function startConversation({ orgId, rootPublicKey, conversationId, visitorKey, certificate, identity,
  json, keys = randomKeys }) {
  checkX25519PublicKey(visitorKey);
  const plaintext = pad(encodeContent(json));
  const ephemeral = await keys.x25519();
  const th = await transcriptHash({
    orgId, rootPublicKey, conversationId, certificate, visitorKey, workerKey: ephemeral.publicKey,
  });
  const signature = await ed25519Sign(identity.signing, concat(INIT_SIGNATURE_LABEL, th));
  const sk = await handshakeSecret(th, await x25519(identity.dh.privateKey, visitorKey),
    await x25519(ephemeral.privateKey, visitorKey));
  const state = await initiatorState(th, sk, await keys.x25519(), visitorKey);
  const init = { certificate, workerKey: ephemeral.publicKey, visitorKey, signature };
  const first = await ratchetEncrypt(state, plaintext, (ratchetHeader) => encodeInitHeader(init, ratchetHeader));
  const session = new Session({ role: 'worker', state: first.state, visitorKey, keys });
  return { session, header: first.header, body: first.body };
}

/**
 * The visitor's side: checks an init in the order of 12.3 and opens its first message. Certificate refusals
 * (`BAD_CERTIFICATE`, `BAD_SIGNATURE`, `WRONG_ORGANISATION`, `NOT_YET_VALID`, `EXPIRED`) and a bad signature stop
 * the conversation; `WRONG_VISITOR_KEY` means the init answers a replaced key and is ignored.
 * @param {object} init
 * @param {string} init.orgId pinned in the embed snippet
 * @param {Uint8Array} init.rootPublicKey pinned in the embed snippet
 * @param {number | bigint} init.now Unix seconds
 * @param {string} init.conversationId the envelope's conversation
 * @param {import('./x25519.js').KeyPair} init.visitorKey the current `E_v`
 * @param {Uint8Array} init.header
 * @param {Uint8Array} init.body
 * @param {import('./keys.js').KeySource} [init.keys] where later ratchet keys come from
 * @returns {Promise<{session: Session, certificate: import('./certificate.js').WorkerCertificate, json: string,
 *   content: object}>} the certificate's pseudonym is the one to show
 */
export async function acceptInit({ orgId, rootPublicKey, now, conversationId, visitorKey, header, body,
  keys = randomKeys }) {
  const init = parseHeader(header);
  if (init.kind !== 'init') {
    refuse(Reason.MALFORMED, 'the first envelope of a conversation must be an init');
  }
  const certificate = await verifyCertificate(init.certificate, { rootPublicKey, orgId, now });
  if (!equal(init.visitorKey, visitorKey.publicKey)) {
    refuse(Reason.WRONG_VISITOR_KEY, 'the init answers another visitor key');
  }
  checkX25519PublicKey(init.workerKey);
  const th = await transcriptHash({
    orgId, rootPublicKey, conversationId, certificate: init.certificate, visitorKey: init.visitorKey,
    workerKey: init.workerKey,
  });
  if (!(await ed25519Verify(certificate.identitySigningKey, concat(INIT_SIGNATURE_LABEL, th), init.signature))) {
    refuse(Reason.BAD_SIGNATURE, 'the init is not signed by the certificate\'s identity key');
  }
  const sk = await handshakeSecret(th, await x25519(visitorKey.privateKey, certificate.identityDhKey),
    await x25519(visitorKey.privateKey, init.workerKey));
  const opened = await openFirstMessage({
    state: responderState(th, sk, visitorKey), visitorKey: visitorKey.publicKey, header, ratchet: init.ratchet,
    body, keys,
  });
  return { ...opened, certificate };
}
