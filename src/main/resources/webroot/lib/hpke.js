/**
 * HPKE (RFC 9180) with DHKEM(X25519, HKDF-SHA256) and HKDF-SHA256, in the base and auth modes, with AES-128-GCM or
 * AES-256-GCM. The protocol uses AES-256-GCM single-shot (`seal`/`open`, `sealAuth`/`openAuth`); contexts with
 * sequence numbers serve the RFC's own test vectors.
 */
import { uint } from './bytes.js';
import { Reason, refuse } from './errors.js';
import { authDecap, authEncap, decap, encap } from './hpke-kem.js';
import { hpkeSuiteId, labeledExpand, labeledExtract } from './hpke-labeled.js';
import { randomKeys } from './keys.js';
import { aesGcmOpen, aesGcmSeal } from './symmetric.js';

/** The modes this implementation has. */
export const Mode = Object.freeze({ BASE: 0x00, AUTH: 0x02 });
/** The AEADs this implementation has, by RFC 9180 id. */
export const Aead = Object.freeze({ AES_128_GCM: 0x0001, AES_256_GCM: 0x0002 });

const KEY_LENGTHS = new Map([[Aead.AES_128_GCM, 16], [Aead.AES_256_GCM, 32]]);
const NONCE_LENGTH = 12;
const EMPTY = new Uint8Array(0);

/** An encryption context of RFC 9180 §5.2: one key, one base nonce, a sequence number per message. */
export class Context {
  /**
   * @param {Uint8Array} key
   * @param {Uint8Array} baseNonce
   */
  constructor(key, baseNonce) {
    this.key = key;
    this.baseNonce = baseNonce;
    this.sequence = 0;
  }

  /** `ContextS.Seal(aad, pt)`. */
  async seal(aad, plaintext) {
    const ciphertext = await aesGcmSeal(this.key, this.nonce(), aad, plaintext);
    this.sequence += 1;
    return ciphertext;
  }

  /** `ContextR.Open(aad, ct)`; `AUTH_FAILED` leaves the sequence number where it was. */
  async open(aad, ciphertext) {
    const plaintext = await aesGcmOpen(this.key, this.nonce(), aad, ciphertext);
    this.sequence += 1;
    return plaintext;
  }

  // base_nonce XOR I2OSP(seq, Nn); the sequence numbers used here stay far below 2^32.
  nonce() {
    const nonce = this.baseNonce.slice();
    uint(this.sequence, 4).forEach((b, i) => { nonce[NONCE_LENGTH - 4 + i] ^= b; });
    return nonce;
  }
}

/**
 * `KeySchedule<ROLE>(mode, shared_secret, info, psk = "", psk_id = "")` of RFC 9180 §5.1.
 * @param {number} mode {@link Mode}
 * @param {number} aead {@link Aead}
 * @param {Uint8Array} sharedSecret
 * @param {Uint8Array} info
 * @returns {Promise<Context>}
 */
export async function keySchedule(mode, aead, sharedSecret, info) {
  const keyLength = KEY_LENGTHS.get(aead) ?? refuse(Reason.BAD_LENGTH, `unknown HPKE AEAD ${aead}`);
  const suiteId = hpkeSuiteId(aead);
  const pskIdHash = await labeledExtract(suiteId, EMPTY, 'psk_id_hash', EMPTY);
  const infoHash = await labeledExtract(suiteId, EMPTY, 'info_hash', info);
  const context = new Uint8Array([mode, ...pskIdHash, ...infoHash]);
  const secret = await labeledExtract(suiteId, sharedSecret, 'secret', EMPTY);
  const key = await labeledExpand(suiteId, secret, 'key', context, keyLength);
  const baseNonce = await labeledExpand(suiteId, secret, 'base_nonce', context, NONCE_LENGTH);
  return new Context(key, baseNonce);
}

/**
 * Single-shot base-mode `Seal` to a recipient's public key.
 * @param {{recipientPublicKey: Uint8Array, info: Uint8Array, aad: Uint8Array, plaintext: Uint8Array,
 *   aead?: number, keys?: import('./keys.js').KeySource}} request
 * @returns {Promise<{enc: Uint8Array, ciphertext: Uint8Array}>}
 */
export async function seal({ recipientPublicKey, info, aad, plaintext, aead = Aead.AES_256_GCM, keys = randomKeys }) {
  const { sharedSecret, enc } = await encap(recipientPublicKey, await keys.x25519());
  const context = await keySchedule(Mode.BASE, aead, sharedSecret, info);
  return { enc, ciphertext: await context.seal(aad, plaintext) };
}

/**
 * Single-shot base-mode `Open`; `AUTH_FAILED` unless every input is the sender's.
 * @param {{recipient: import('./x25519.js').KeyPair, enc: Uint8Array, info: Uint8Array, aad: Uint8Array,
 *   ciphertext: Uint8Array, aead?: number}} request
 * @returns {Promise<Uint8Array>} the plaintext
 */
export async function open({ recipient, enc, info, aad, ciphertext, aead = Aead.AES_256_GCM }) {
  const context = await keySchedule(Mode.BASE, aead, await decap(enc, recipient), info);
  return context.open(aad, ciphertext);
}

/**
 * Single-shot auth-mode `SealAuth`: the recipient learns that the holder of `sender`'s private key sealed it.
 * @param {{recipientPublicKey: Uint8Array, sender: import('./x25519.js').KeyPair, info: Uint8Array,
 *   aad: Uint8Array, plaintext: Uint8Array, aead?: number, keys?: import('./keys.js').KeySource}} request
 * @returns {Promise<{enc: Uint8Array, ciphertext: Uint8Array}>}
 */
export async function sealAuth({ recipientPublicKey, sender, info, aad, plaintext, aead = Aead.AES_256_GCM,
  keys = randomKeys }) {
  const { sharedSecret, enc } = await authEncap(recipientPublicKey, sender, await keys.x25519());
  const context = await keySchedule(Mode.AUTH, aead, sharedSecret, info);
  return { enc, ciphertext: await context.seal(aad, plaintext) };
}

/**
 * Single-shot auth-mode `OpenAuth`; `AUTH_FAILED` unless every input is the sender's, its key included.
 * @param {{recipient: import('./x25519.js').KeyPair, senderPublicKey: Uint8Array, enc: Uint8Array,
 *   info: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array, aead?: number}} request
 * @returns {Promise<Uint8Array>} the plaintext
 */
export async function openAuth({ recipient, senderPublicKey, enc, info, aad, ciphertext, aead = Aead.AES_256_GCM }) {
  const sharedSecret = await authDecap(enc, recipient, senderPublicKey);
  const context = await keySchedule(Mode.AUTH, aead, sharedSecret, info);
  return context.open(aad, ciphertext);
}
