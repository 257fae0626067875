/** RFC 9180 §4 and §5.1: the suite identifiers and the labeled HKDF steps every HPKE derivation goes through. */
import { concat, uint, utf8 } from './bytes.js';
import { hkdfExpand, hkdfExtract } from './symmetric.js';

/** DHKEM(X25519, HKDF-SHA256). */
export const KEM_X25519_SHA256 = 0x0020;
/** HKDF-SHA256. */
export const KDF_HKDF_SHA256 = 0x0001;

const VERSION = utf8('HPKE-v1');

/** `"KEM" | I2OSP(kem_id, 2)`: the suite id of the KEM's own derivations. */
export const KEM_SUITE_ID = concat(utf8('KEM'), uint(KEM_X25519_SHA256, 2));

/**
 * `"HPKE" | kem_id | kdf_id | aead_id`: the suite id of the key schedule.
 * @param {number} aeadId
 * @returns {Uint8Array}
 */
export function hpkeSuiteId(aeadId) {
  return concat(utf8('HPKE'), uint(KEM_X25519_SHA256, 2), uint(KDF_HKDF_SHA256, 2), uint(aeadId, 2));
}

/**
 * `LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" | suite_id | label | ikm)`.
 * @param {Uint8Array} suiteId
 * @param {Uint8Array} salt
 * @param {string} label
 * @param {Uint8Array} ikm
 * @returns {Promise<Uint8Array>}
 */
export function labeledExtract(suiteId, salt, label, ikm) {
  return hkdfExtract(salt, concat(VERSION, suiteId, utf8(label), ikm));
}

/**
 * `LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) | "HPKE-v1" | suite_id | label | info, L)`.
 * @param {Uint8Array} suiteId
 * @param {Uint8Array} prk
 * @param {string} label
 * @param {Uint8Array} info
 * @param {number} length
 * @returns {Promise<Uint8Array>}
 */
export function labeledExpand(suiteId, prk, label, info, length) {
  return hkdfExpand(prk, concat(uint(length, 2), VERSION, suiteId, utf8(label), info), length);
}
