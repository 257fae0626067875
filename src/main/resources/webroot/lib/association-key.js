/**
 * The fingerprint of an association's public HPKE key (docs/protocol.md 12.8.1): its key id, by which referrals name
 * the key they were sealed to, and four groups of five digits that an admin and an intake officer compare by phone.
 */
import { concat, label0, toBase64url } from './bytes.js';
import { sha256 } from './symmetric.js';
import { checkX25519PublicKey } from './x25519.js';

const LABEL = label0('passerelle/v1/association-key');

/**
 * The key id and digits of a valid X25519 public key; a `CryptoError` (`BAD_KEY_LENGTH`, `NON_CANONICAL_KEY`,
 * `LOW_ORDER_POINT`) for a key nobody can seal to.
 * @param {Uint8Array} publicKey
 * @returns {Promise<{keyId: string, digits: string}>}
 */
export async function associationKeyFingerprint(publicKey) {
  checkX25519PublicKey(publicKey);
  const d = (await sha256(concat(LABEL, publicKey))).subarray(0, 20);
  const groups = [];
  for (let i = 0; i < 4; i++) {
    const u40 = d.subarray(5 * i, 5 * i + 5).reduce((value, b) => value * 256 + b, 0);
    groups.push(String(u40 % 100000).padStart(5, '0'));
  }
  return { keyId: toBase64url(d.subarray(0, 16)), digits: groups.join(' ') };
}
