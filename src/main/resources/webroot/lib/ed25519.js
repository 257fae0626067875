/**
 * Ed25519 (RFC 8032, pure) on WebCrypto, with the strict verification of docs/protocol.md 12.1: WebCrypto does
 * not promise to refuse S ≥ L, non-canonical R or A, or a public key of small order, so those are checked here
 * first. Private keys are non-extractable `CryptoKey`s.
 */
import { concat, fromBase64url, fromHex, littleEndian } from './bytes.js';
import { decodePoint, hasSmallOrder } from './edwards.js';
import { Reason, refuse } from './errors.js';

const subtle = globalThis.crypto.subtle;
const ED25519 = { name: 'Ed25519' };
const KEY_LENGTH = 32;
const SIGNATURE_LENGTH = 64;
// RFC 8410 PrivateKeyInfo header: a private key (seed) is this prefix followed by its 32 raw bytes.
const PKCS8_PREFIX = fromHex('302e020100300506032b657004220420');
// The order of the base point.
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

/**
 * A fresh Ed25519 key pair whose private key cannot be exported.
 * @returns {Promise<import('./x25519.js').KeyPair>}
 */
export async function generateEd25519() {
  const pair = await subtle.generateKey(ED25519, false, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicKey: new Uint8Array(await subtle.exportKey('raw', pair.publicKey)) };
}

/**
 * The key pair of a given 32-byte Ed25519 private key (seed), for keys fixed by tests.
 * @param {Uint8Array} seed
 * @returns {Promise<import('./x25519.js').KeyPair>}
 */
export async function importEd25519(seed) {
  if (seed.length !== KEY_LENGTH) {
    refuse(Reason.BAD_KEY_LENGTH, 'an Ed25519 private key must be 32 bytes');
  }
  const pkcs8 = concat(PKCS8_PREFIX, seed);
  // WebCrypto cannot compute an Ed25519 public key: a throw-away extractable copy exports it as a JWK.
  const jwk = await subtle.exportKey('jwk', await subtle.importKey('pkcs8', pkcs8, ED25519, true, ['sign']));
  const publicKey = fromBase64url(jwk.x);
  return { privateKey: await subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']), publicKey };
}

/**
 * Whether 32 bytes are an Ed25519 public key that strict verification accepts: the canonical encoding of a point
 * on the curve that is not of small order.
 * @param {Uint8Array} publicKey
 * @returns {boolean}
 */
export function isValidEd25519PublicKey(publicKey) {
  const point = publicKey instanceof Uint8Array ? decodePoint(publicKey) : null;
  return point !== null && !hasSmallOrder(point);
}

/**
 * The Ed25519 signature (pure, RFC 8032) of `message`.
 * @param {CryptoKey} privateKey
 * @param {Uint8Array} message
 * @returns {Promise<Uint8Array>} 64 bytes
 */
export async function ed25519Sign(privateKey, message) {
  return new Uint8Array(await subtle.sign(ED25519, privateKey, message));
}

/**
 * Strict Ed25519 verification: false unless the public key passes {@link isValidEd25519PublicKey}, R is the
 * canonical encoding of a curve point, S < L, and WebCrypto accepts the signature.
 * @param {Uint8Array} publicKey
 * @param {Uint8Array} message
 * @param {Uint8Array} signature
 * @returns {Promise<boolean>}
 */
export async function ed25519Verify(publicKey, message, signature) {
  if (!isValidEd25519PublicKey(publicKey) || signature.length !== SIGNATURE_LENGTH
      || decodePoint(signature.subarray(0, 32)) === null || littleEndian(signature.subarray(32)) >= L) {
    return false;
  }
  const key = await subtle.importKey('raw', publicKey, ED25519, false, ['verify']);
  return subtle.verify(ED25519, key, signature, message);
}
