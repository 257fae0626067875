/** Helpers for the browser tests: what an operation gave, in a form the Java side can compare. */
import { CryptoError } from '../lib/index.js';

/**
 * "ok" when the operation succeeds, else the reason of its CryptoError; any other error is a bug and propagates.
 * @param {() => Promise<unknown>} operation
 * @returns {Promise<string>}
 */
export async function reasonOf(operation) {
  try {
    await operation();
    return 'ok';
  } catch (e) {
    if (e instanceof CryptoError) {
      return e.reason;
    }
    throw e;
  }
}

/** How many times each reason came up, such as {MALFORMED: 41}. */
export function tally(reasons) {
  const counts = {};
  for (const reason of reasons) {
    counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}

/** A copy of `bytes` with one bit flipped at `index` (negative counts from the end). */
export function flipped(bytes, index) {
  const copy = bytes.slice();
  copy[index < 0 ? copy.length + index : index] ^= 0x01;
  return copy;
}
