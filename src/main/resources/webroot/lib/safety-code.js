/**
 * The safety code of docs/protocol.md 12.6: 20 digits both sides show, equal if and only if they computed the same
 * transcript hash. A fingerprint to compare by voice, not a secret.
 */
import { utf8 } from './bytes.js';
import { hkdf } from './symmetric.js';

const INFO = utf8('passerelle/v1/safety-code');

/**
 * Four groups of five digits, such as "01234 56789 01234 56789".
 * @param {Uint8Array} transcriptHash `th`
 * @returns {Promise<string>}
 */
export async function safetyCode(transcriptHash) {
  const d = await hkdf(new Uint8Array(0), transcriptHash, INFO, 20);
  const groups = [];
  for (let i = 0; i < 4; i++) {
    const u40 = d.subarray(5 * i, 5 * i + 5).reduce((value, b) => value * 256 + b, 0);
    groups.push(String(u40 % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}
