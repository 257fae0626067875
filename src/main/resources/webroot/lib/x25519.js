/**
 * X25519 (RFC 7748) on WebCrypto, refusing what docs/protocol.md 12.1 refuses: a public key that is not
 * canonical or has low order is refused before WebCrypto sees it, and an all-zero secret is never returned.
 * Private keys are non-extractable `CryptoKey`s; public keys and secrets are `Uint8Array`s.
 */
import { concat, equal, fromHex, littleEndian } from './bytes.js';
import { Reason, refuse } from './errors.js';

const subtle = globalThis.crypto.subtle;
const X25519 = { name: 'X25519' };
const KEY_LENGTH = 32;
// RFC 8410 PrivateKeyInfo header: a private key is this prefix followed by its 32 raw bytes.
const PKCS8_PREFIX = fromHex('302e020100300506032b656e04220420');
const BASE_POINT = fromHex('09'.padEnd(64, '0'));
const P = 2n ** 255n - 19n;
// The canonical u-coordinates of the points of order 1, 2, 4 and 8 on Curve25519 and its twist.
const LOW_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map(fromHex);

/** @typedef {{privateKey: CryptoKey, publicKey: Uint8Array}} KeyPair a private key and its raw public key */

/**
 * Refuses an X25519 public key that is not 32 bytes (`BAD_KEY_LENGTH`), has its top bit set or encodes u ≥ p
 * (`NON_CANONICAL_KEY`), or has order 1, 2, 4 or 8 (`LOW_ORDER_POINT`).
 * @param {Uint8Array} publicKey
 */
export function checkX25519PublicKey(publicKey) {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== KEY_LENGTH) {
    refuse(Reason.BAD_KEY_LENGTH, 'an X25519 public key must be 32 bytes');
  }
  if ((publicKey[31] & 0x80) !== 0 || littleEndian(publicKey) >= P) {
    refuse(Reason.NON_CANONICAL_KEY, 'X25519 public key is not canonical');
  }
  if (LOW_ORDER.some((point) => equal(point, publicKey))) {
    refuse(Reason.LOW_ORDER_POINT, 'X25519 public key has low order');
  }
}

/**
 * A fresh X25519 key pair whose private key cannot be exported.
 * @returns {Promise<KeyPair>}
 */
export async function generateX25519() {
  const pair = await subtle.generateKey(X25519, false, ['deriveBits']);
  return { privateKey: pair.privateKey, publicKey: new Uint8Array(await subtle.exportKey('raw', pair.publicKey)) };
}

/**
 * The key pair of a given 32-byte X25519 private key (clamped when used), for keys fixed by tests or vectors.
 * @param {Uint8Array} privateKey
 * @returns {Promise<KeyPair>}
 */
export async function importX25519(privateKey) {
  if (privateKey.length !== KEY_LENGTH) {
    refuse(Reason.BAD_KEY_LENGTH, 'an X25519 private key must be 32 bytes');
  }
  const key = await subtle.importKey('pkcs8', concat(PKCS8_PREFIX, privateKey), X25519, false,
    ['deriveBits']);
  // The public key is the agreement with the base point; no export of the private key is needed.
  return { privateKey: key, publicKey: await agree(key, BASE_POINT) };
}

/**
 * X25519(privateKey, peerPublicKey), after the public key checks; never all zeros (`LOW_ORDER_POINT`).
 * @param {CryptoKey} privateKey
 * @param {Uint8Array} peerPublicKey
 * @returns {Promise<Uint8Array>} the 32-byte shared secret
 */
export async function x25519(privateKey, peerPublicKey) {
  checkX25519PublicKey(peerPublicKey);
  return agree(privateKey, peerPublicKey);
}

async function agree(privateKey, peerPublicKey) {
  const peer = await subtle.importKey('raw', peerPublicKey, X25519, true, []);
  let shared;
  try {
    shared = new Uint8Array(await subtle.deriveBits({ name: 'X25519', public: peer }, privateKey, 8 * KEY_LENGTH));
  } catch (e) {
    // WebCrypto refuses an all-zero result with an OperationError; nothing else can fail on checked inputs.
    refuse(Reason.LOW_ORDER_POINT, `X25519 agreement refused (${e.name})`);
  }
  if (shared.every((b) => b === 0)) {
    refuse(Reason.LOW_ORDER_POINT, 'X25519 agreement gave the all-zero secret');
  }
  return shared;
}
