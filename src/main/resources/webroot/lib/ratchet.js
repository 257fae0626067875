/**
 * The Double Ratchet of docs/protocol.md 12.4 (Signal, revision 1). A state is a plain object that these functions
 * never change: each returns the next state, which the caller keeps only if the whole operation succeeded, so a
 * message that fails to open leaves the conversation as it was.
 *
 * JavaScript cannot promise that memory is erased: a deleted key here is one that no state refers to any more.
 */
import { concat, equal, toHex, utf8 } from './bytes.js';
import { Reason, refuse } from './errors.js';
import { encodeRatchetHeader } from './headers.js';
import { aesGcmOpen, aesGcmSeal, hkdf, hmacSha256 } from './symmetric.js';
import { x25519 } from './x25519.js';

/** The most message keys one message may make a receiver skip, and the most the skipped store keeps. */
export const MAX_SKIP = 1000;
/** The largest message number a 32-bit header field holds. */
const MAX_COUNTER = 0xffffffff;

const ROOT_CHAIN_INFO = utf8('passerelle/v1/root-chain');
const MESSAGE_KEY_INFO = utf8('passerelle/v1/message-key');
const EMPTY = new Uint8Array(0);

/**
 * @typedef {object} RatchetState
 * @property {Uint8Array} ad associated data of every message: the transcript hash
 * @property {import('./x25519.js').KeyPair} dhs own ratchet key pair
 * @property {Uint8Array | null} dhr peer's ratchet public key
 * @property {Uint8Array} rk root key
 * @property {Uint8Array | null} cks sending chain key
 * @property {Uint8Array | null} ckr receiving chain key
 * @property {number} ns
 * @property {number} nr
 * @property {number} pn
 * @property {Map<string, Uint8Array>} skipped message keys by ratchet key and number, oldest first
 */

async function kdfRk(rk, dh) {
  const out = await hkdf(rk, dh, ROOT_CHAIN_INFO, 64);
  return [out.slice(0, 32), out.slice(32)];
}

async function kdfCk(ck) {
  return [await hmacSha256(ck, new Uint8Array([0x02])), await hmacSha256(ck, new Uint8Array([0x01]))];
}

async function messageKey(mk) {
  const out = await hkdf(EMPTY, mk, MESSAGE_KEY_INFO, 44);
  return { key: out.slice(0, 32), nonce: out.slice(32) };
}

/**
 * The initiator's (worker's) state: `DHs = R0`, `DHr = E_v`, `(RK, CKs) = KDF_RK(SK, X25519(R0, E_v))`.
 * @param {Uint8Array} ad the transcript hash
 * @param {Uint8Array} sk the handshake secret
 * @param {import('./x25519.js').KeyPair} r0 a fresh key pair
 * @param {Uint8Array} peerKey `E_v`
 * @returns {Promise<RatchetState>}
 */
export async function initiatorState(ad, sk, r0, peerKey) {
  const [rk, cks] = await kdfRk(sk, await x25519(r0.privateKey, peerKey));
  return { ad, dhs: r0, dhr: peerKey, rk, cks, ckr: null, ns: 0, nr: 0, pn: 0, skipped: new Map() };
}

/**
 * The responder's (visitor's) state: `DHs = E_v`, `RK = SK`, nothing else yet.
 * @param {Uint8Array} ad the transcript hash
 * @param {Uint8Array} sk the handshake secret
 * @param {import('./x25519.js').KeyPair} ownKey `E_v`
 * @returns {RatchetState}
 */
export function responderState(ad, sk, ownKey) {
  return { ad, dhs: ownKey, dhr: null, rk: sk, cks: null, ckr: null, ns: 0, nr: 0, pn: 0, skipped: new Map() };
}

/**
 * Encrypts one padded plaintext.
 * @param {RatchetState} state
 * @param {Uint8Array} plaintext padded
 * @param {(ratchetHeader: Uint8Array) => Uint8Array} wrap the envelope header around the ratchet header
 * @returns {Promise<{state: RatchetState, header: Uint8Array, body: Uint8Array}>}
 */
export async function ratchetEncrypt(state, plaintext, wrap) {
  if (state.ns > MAX_COUNTER) {
    refuse(Reason.LIMIT_REACHED, 'sending chain exhausted');
  }
  const [cks, mk] = await kdfCk(state.cks);
  const header = wrap(encodeRatchetHeader({ dh: state.dhs.publicKey, pn: state.pn, n: state.ns }));
  const { key, nonce } = await messageKey(mk);
  const body = await aesGcmSeal(key, nonce, concat(state.ad, header), plaintext);
  return { state: { ...state, cks, ns: state.ns + 1 }, header, body };
}

/**
 * Decrypts one message: from a skipped key, or after skipping and, for a new ratchet key, a DH ratchet step.
 * `DUPLICATE` for a number already used, `TOO_MANY_SKIPPED` past MAX_SKIP, `AUTH_FAILED` if it does not open.
 * @param {RatchetState} state
 * @param {Uint8Array} header the whole envelope header, part of the associated data
 * @param {import('./headers.js').RatchetHeader} ratchet the ratchet header inside it
 * @param {Uint8Array} body
 * @param {import('./keys.js').KeySource} keys for the new ratchet key of a DH step
 * @returns {Promise<{state: RatchetState, plaintext: Uint8Array}>}
 */
export async function ratchetDecrypt(state, header, ratchet, body, keys) {
  let next = { ...state, skipped: new Map(state.skipped) };
  const id = skippedId(ratchet.dh, ratchet.n);
  let mk = next.skipped.get(id);
  if (mk !== undefined) {
    next.skipped.delete(id);
  } else {
    if (next.dhr === null || !equal(ratchet.dh, next.dhr)) {
      next = await skip(next, ratchet.pn);
      next = await dhStep(next, ratchet.dh, keys);
    }
    if (ratchet.n < next.nr) {
      refuse(Reason.DUPLICATE, 'this message number was already received');
    }
    next = await skip(next, ratchet.n);
    const [ckr, key] = await kdfCk(next.ckr);
    next = { ...next, ckr, nr: next.nr + 1 };
    mk = key;
  }
  const { key, nonce } = await messageKey(mk);
  return { state: next, plaintext: await aesGcmOpen(key, nonce, concat(state.ad, header), body) };
}

async function dhStep(state, peerKey, keys) {
  const [rk1, ckr] = await kdfRk(state.rk, await x25519(state.dhs.privateKey, peerKey));
  const dhs = await keys.x25519();
  const [rk, cks] = await kdfRk(rk1, await x25519(dhs.privateKey, peerKey));
  return { ...state, pn: state.ns, ns: 0, nr: 0, dhr: peerKey, dhs, rk, cks, ckr };
}

// Stores the keys of the receiving chain's numbers Nr .. until - 1; the store drops its oldest keys past MAX_SKIP.
async function skip(state, until) {
  if (until - state.nr > MAX_SKIP) {
    refuse(Reason.TOO_MANY_SKIPPED, `a message may skip at most ${MAX_SKIP} keys`);
  }
  if (state.ckr === null) {
    return state;
  }
  let { ckr, nr } = state;
  const skipped = new Map(state.skipped);
  for (; nr < until; nr++) {
    const [next, mk] = await kdfCk(ckr);
    skipped.set(skippedId(state.dhr, nr), mk);
    if (skipped.size > MAX_SKIP) {
      skipped.delete(skipped.keys().next().value);
    }
    ckr = next;
  }
  return { ...state, ckr, nr, skipped };
}

function skippedId(dh, n) {
  return `${toHex(dh)}:${n}`;
}
