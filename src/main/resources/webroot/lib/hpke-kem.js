/**
 * DHKEM(X25519, HKDF-SHA256) of RFC 9180 §4.1: Encap/Decap for the base mode and AuthEncap/AuthDecap for the auth
 * mode. Public keys go through the checks of x25519.js, so a low-order or non-canonical key is refused.
 */
import { concat } from './bytes.js';
import { KEM_SUITE_ID, labeledExpand, labeledExtract } from './hpke-labeled.js';
import { x25519 } from './x25519.js';

const SECRET_LENGTH = 32;

/** @typedef {{sharedSecret: Uint8Array, enc: Uint8Array}} Encapsulation */

async function extractAndExpand(dh, kemContext) {
  const eaePrk = await labeledExtract(KEM_SUITE_ID, new Uint8Array(0), 'eae_prk', dh);
  return labeledExpand(KEM_SUITE_ID, eaePrk, 'shared_secret', kemContext, SECRET_LENGTH);
}

/**
 * `Encap(pkR)` with the given ephemeral key pair.
 * @param {Uint8Array} recipientPublicKey
 * @param {import('./x25519.js').KeyPair} ephemeral
 * @returns {Promise<Encapsulation>}
 */
export async function encap(recipientPublicKey, ephemeral) {
  const dh = await x25519(ephemeral.privateKey, recipientPublicKey);
  const enc = ephemeral.publicKey;
  return { sharedSecret: await extractAndExpand(dh, concat(enc, recipientPublicKey)), enc };
}

/**
 * `Decap(enc, skR)`.
 * @param {Uint8Array} enc
 * @param {import('./x25519.js').KeyPair} recipient
 * @returns {Promise<Uint8Array>} the shared secret
 */
export async function decap(enc, recipient) {
  const dh = await x25519(recipient.privateKey, enc);
  return extractAndExpand(dh, concat(enc, recipient.publicKey));
}

/**
 * `AuthEncap(pkR, skS)` with the given ephemeral key pair.
 * @param {Uint8Array} recipientPublicKey
 * @param {import('./x25519.js').KeyPair} sender
 * @param {import('./x25519.js').KeyPair} ephemeral
 * @returns {Promise<Encapsulation>}
 */
export async function authEncap(recipientPublicKey, sender, ephemeral) {
  const dh = concat(await x25519(ephemeral.privateKey, recipientPublicKey),
    await x25519(sender.privateKey, recipientPublicKey));
  const enc = ephemeral.publicKey;
  const kemContext = concat(enc, recipientPublicKey, sender.publicKey);
  return { sharedSecret: await extractAndExpand(dh, kemContext), enc };
}

/**
 * `AuthDecap(enc, skR, pkS)`.
 * @param {Uint8Array} enc
 * @param {import('./x25519.js').KeyPair} recipient
 * @param {Uint8Array} senderPublicKey
 * @returns {Promise<Uint8Array>} the shared secret
 */
export async function authDecap(enc, recipient, senderPublicKey) {
  const dh = concat(await x25519(recipient.privateKey, enc), await x25519(recipient.privateKey, senderPublicKey));
  return extractAndExpand(dh, concat(enc, recipient.publicKey, senderPublicKey));
}
