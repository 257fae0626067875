/**
 * The symmetric primitives of docs/protocol.md 12.1 on WebCrypto: SHA-256, HMAC-SHA256, HKDF-SHA256 and AES-GCM
 * with a 12-byte nonce and a 16-byte tag. Keys and outputs are `Uint8Array`s; refusals are `CryptoError`s.
 */
import { concat } from './bytes.js';
import { Reason, refuse } from './errors.js';

const subtle = globalThis.crypto.subtle;
const HASH_LENGTH = 32;
const NONCE_LENGTH = 12;

/**
 * SHA-256.
 * @param {Uint8Array} data
 * @returns {Promise<Uint8Array>}
 */
export async function sha256(data) {
  return new Uint8Array(await subtle.digest('SHA-256', data));
}

/**
 * HMAC-SHA256; any key length, an empty key included.
 * @param {Uint8Array} key
 * @param {Uint8Array} data
 * @returns {Promise<Uint8Array>} 32 bytes
 */
export async function hmacSha256(key, data) {
  // WebCrypto refuses an empty HMAC key; HMAC pads keys with zeros, so one zero byte gives the same MAC.
  const raw = key.length === 0 ? new Uint8Array(1) : key;
  const hmacKey = await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', hmacKey, data));
}

/**
 * HKDF-Extract (RFC 5869): an empty salt means 32 zero bytes.
 * @param {Uint8Array} salt
 * @param {Uint8Array} ikm
 * @returns {Promise<Uint8Array>} the 32-byte pseudorandom key
 */
export function hkdfExtract(salt, ikm) {
  return hmacSha256(salt, ikm);
}

/**
 * HKDF-Expand (RFC 5869); `BAD_LENGTH` past 255 blocks.
 * @param {Uint8Array} prk
 * @param {Uint8Array} info
 * @param {number} length in bytes
 * @returns {Promise<Uint8Array>}
 */
export async function hkdfExpand(prk, info, length) {
  checkHkdfLength(length);
  const blocks = [];
  let previous = new Uint8Array(0);
  for (let i = 1; i <= Math.ceil(length / HASH_LENGTH); i++) {
    previous = await hmacSha256(prk, concat(previous, info, new Uint8Array([i])));
    blocks.push(previous);
  }
  return concat(...blocks).slice(0, length);
}

/**
 * `HKDF(salt, ikm, info, L)`, extract then expand, on WebCrypto's HKDF.
 * @param {Uint8Array} salt empty for 32 zero bytes
 * @param {Uint8Array} ikm
 * @param {Uint8Array} info
 * @param {number} length in bytes, at most 255 × 32
 * @returns {Promise<Uint8Array>}
 */
export async function hkdf(salt, ikm, info, length) {
  checkHkdfLength(length);
  if (length === 0) {
    return new Uint8Array(0);
  }
  const key = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, key, 8 * length));
}

function checkHkdfLength(length) {
  if (!Number.isInteger(length) || length < 0 || length > 255 * HASH_LENGTH) {
    refuse(Reason.BAD_LENGTH, 'HKDF output must be 0 to 8160 bytes');
  }
}

/**
 * AES-GCM encryption with a 12-byte nonce; the 16-byte tag follows the ciphertext.
 * @param {Uint8Array} key 16 or 32 bytes
 * @param {Uint8Array} nonce 12 bytes
 * @param {Uint8Array} aad
 * @param {Uint8Array} plaintext
 * @returns {Promise<Uint8Array>}
 */
export async function aesGcmSeal(key, nonce, aad, plaintext) {
  const aesKey = await aesKeyFor(key, nonce, 'encrypt');
  return new Uint8Array(await subtle.encrypt(gcm(nonce, aad), aesKey, plaintext));
}

/**
 * AES-GCM decryption; `AUTH_FAILED` for any change to the key, nonce, aad or ciphertext.
 * @param {Uint8Array} key 16 or 32 bytes
 * @param {Uint8Array} nonce 12 bytes
 * @param {Uint8Array} aad
 * @param {Uint8Array} ciphertext with its tag
 * @returns {Promise<Uint8Array>} the plaintext
 */
export async function aesGcmOpen(key, nonce, aad, ciphertext) {
  const aesKey = await aesKeyFor(key, nonce, 'decrypt');
  try {
    return new Uint8Array(await subtle.decrypt(gcm(nonce, aad), aesKey, ciphertext));
  } catch {
    refuse(Reason.AUTH_FAILED, 'the ciphertext does not open');
  }
}

function aesKeyFor(key, nonce, usage) {
  if (key.length !== 16 && key.length !== 32) {
    refuse(Reason.BAD_KEY_LENGTH, 'an AES-GCM key must be 16 or 32 bytes');
  }
  if (nonce.length !== NONCE_LENGTH) {
    refuse(Reason.BAD_LENGTH, 'an AES-GCM nonce must be 12 bytes');
  }
  return subtle.importKey('raw', key, 'AES-GCM', false, [usage]);
}

function gcm(nonce, aad) {
  return { name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 };
}
