/**
 * Where a side's new X25519 key pairs come from: fresh random ones in use, and in known-answer tests a fixed list
 * of private keys taken in the order the keys are generated (docs/protocol.md 12.11).
 */
import { generateX25519, importX25519 } from './x25519.js';

/** @typedef {{x25519: () => Promise<import('./x25519.js').KeyPair>}} KeySource */

/** Fresh key pairs from WebCrypto, whose private keys cannot be exported. @type {KeySource} */
export const randomKeys = Object.freeze({ x25519: generateX25519 });

/**
 * Key pairs from the given raw private keys, one per request, in order; running out is a test's mistake.
 * @param {Uint8Array[]} privateKeys 32 bytes each
 * @returns {KeySource}
 */
export function fixedKeys(privateKeys) {
  const remaining = [...privateKeys];
  return {
    x25519() {
      if (remaining.length === 0) {
        throw new Error('the fixed key list is used up');
      }
      return importX25519(remaining.shift());
    },
  };
}
