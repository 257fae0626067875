/**
 * Referrals (docs/protocol.md 12.8): a form sealed with HPKE in base mode to the association's key, bound to the
 * association, the form version and the referral id, so it cannot be moved to another of any of them.
 */
import { concat, label0, lp8, uint, utf8 } from './bytes.js';
import { decodeJsonObject, encodeJsonObject } from './content.js';
import { Reason, refuse } from './errors.js';
import { open, seal } from './hpke.js';
import { randomKeys } from './keys.js';
import { pad, unpad } from './padding.js';
import { Reader } from './reader.js';

const VERSION = 0x01;
const ENC_LENGTH = 32;
const INFO_LABEL = label0('passerelle/v1/referral');
const AAD_LABEL = label0('passerelle/v1/referral-id');

function binding(associationId, formVersion, referralId) {
  return {
    info: concat(INFO_LABEL, lp8(utf8(associationId)), uint(formVersion, 1)),
    aad: concat(AAD_LABEL, lp8(utf8(referralId))),
  };
}

/**
 * Seals a referral form to an association.
 * @param {object} referral
 * @param {Uint8Array} referral.associationKey the association's X25519 public key, as registered by the admin
 * @param {string} referral.associationId
 * @param {number} [referral.formVersion] 1
 * @param {string} referral.referralId
 * @param {string} referral.json the form as JSON text
 * @param {import('./keys.js').KeySource} [referral.keys] where the HPKE ephemeral key comes from
 * @returns {Promise<Uint8Array>} `u8(0x01) | enc (32) | ct`
 */
export async function sealReferral({ associationKey, associationId, formVersion = 1, referralId, json,
  keys = randomKeys }) {
  const { enc, ciphertext } = await seal({
    recipientPublicKey: associationKey, ...binding(associationId, formVersion, referralId),
    plaintext: pad(encodeJsonObject(json)), keys,
  });
  return concat(new Uint8Array([VERSION]), enc, ciphertext);
}

/**
 * Opens a referral on the association's side: `AUTH_FAILED` for another association, form version or referral id,
 * `UNSUPPORTED_VERSION` or `MALFORMED` for a bad layout or form.
 * @param {object} received
 * @param {Uint8Array} received.sealed
 * @param {import('./x25519.js').KeyPair} received.recipient the association's key pair
 * @param {string} received.associationId
 * @param {number} [received.formVersion] 1
 * @param {string} received.referralId
 * @returns {Promise<{json: string, content: object}>}
 */
export async function openReferral({ sealed, recipient, associationId, formVersion = 1, referralId }) {
  const reader = new Reader(sealed, 'sealed referral');
  if (reader.uint(1) !== VERSION) {
    refuse(Reason.UNSUPPORTED_VERSION, 'unknown sealed referral version');
  }
  const enc = reader.take(ENC_LENGTH);
  const plaintext = await open({
    recipient, enc, ...binding(associationId, formVersion, referralId), ciphertext: reader.rest(),
  });
  return decodeJsonObject(unpad(plaintext));
}
