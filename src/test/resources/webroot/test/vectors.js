/**
 * Runs published test vectors through the library in the page. Each function takes the cases as JSON (hex
 * strings), returns one JSON outcome per case, and leaves judging to the Java test, which names the case.
 */
import {
  aesGcmOpen, aesGcmSeal, concat, ed25519Sign, ed25519Verify, fromHex, hkdf, hkdfExpand, hkdfExtract, hmacSha256,
  importEd25519, importX25519, toHex, x25519,
} from '../lib/index.js';
import { authDecap, authEncap, decap, encap } from '../lib/hpke-kem.js';
import { keySchedule } from '../lib/hpke.js';

const L = 2n ** 252n + 27742317777372353535851937790883648493n;

// The outcome of an operation that may refuse: its result, or the reason of its CryptoError.
async function outcome(operation) {
  try {
    return { value: await operation() };
  } catch (e) {
    if (e?.name !== 'CryptoError') {
      throw e;
    }
    return { reason: e.reason };
  }
}

/** Wycheproof x25519: the shared secret as hex, or the refusal. */
export async function x25519Cases(cases) {
  return Promise.all(cases.map(async (c) => {
    const own = await importX25519(fromHex(c.private));
    const result = await outcome(async () => toHex(await x25519(own.privateKey, fromHex(c.public))));
    return { tcId: c.tcId, shared: result.value ?? null, reason: result.reason ?? null };
  }));
}

/** Wycheproof ed25519: whether each signature verifies under its group's key. */
export async function ed25519Cases(cases) {
  return Promise.all(cases.map(async (c) => ({
    tcId: c.tcId,
    verified: await ed25519Verify(fromHex(c.publicKey), fromHex(c.msg), fromHex(c.sig)),
  })));
}

/** Wycheproof aes_gcm: what sealing the message gives, and what opening ct | tag gives. */
export async function aesGcmCases(cases) {
  return Promise.all(cases.map(async (c) => {
    const [key, iv, aad] = [fromHex(c.key), fromHex(c.iv), fromHex(c.aad)];
    const sealed = await outcome(async () => toHex(await aesGcmSeal(key, iv, aad, fromHex(c.msg))));
    const opened = await outcome(async () => toHex(await aesGcmOpen(key, iv, aad, fromHex(c.ct + c.tag))));
    return { tcId: c.tcId, sealed: sealed.value ?? null, opened: opened.value ?? null,
      reason: opened.reason ?? sealed.reason ?? null };
  }));
}

/** Wycheproof hkdf_sha256: WebCrypto's HKDF and our extract-then-expand, or their refusals. */
export async function hkdfCases(cases) {
  return Promise.all(cases.map(async (c) => {
    const [salt, ikm, info] = [fromHex(c.salt), fromHex(c.ikm), fromHex(c.info)];
    const oneStep = await outcome(async () => toHex(await hkdf(salt, ikm, info, c.size)));
    const twoSteps = await outcome(async () => toHex(await hkdfExpand(await hkdfExtract(salt, ikm), info, c.size)));
    return { tcId: c.tcId, okm: oneStep.value ?? null, okmTwoSteps: twoSteps.value ?? null,
      reason: oneStep.reason ?? null, reasonTwoSteps: twoSteps.reason ?? null };
  }));
}

/** Wycheproof hmac_sha256: the full 32-byte tag; the Java side truncates as the group says. */
export async function hmacCases(cases) {
  return Promise.all(cases.map(async (c) => ({
    tcId: c.tcId, tag: toHex(await hmacSha256(fromHex(c.key), fromHex(c.msg))),
  })));
}

/**
 * An RFC 9180 Appendix A vector (mode 0 or 2): the keys from skEm/skRm/skSm, the KEM both ways, the key schedule,
 * and every encryption sealed by the sender's context and opened by the recipient's at the case's sequence number.
 */
export async function hpkeVector(v) {
  const [ephemeral, recipient] = [await importX25519(fromHex(v.skEm)), await importX25519(fromHex(v.skRm))];
  const sender = v.mode === 2 ? await importX25519(fromHex(v.skSm)) : null;
  const info = fromHex(v.info);
  const sent = sender === null ? await encap(recipient.publicKey, ephemeral)
    : await authEncap(recipient.publicKey, sender, ephemeral);
  const received = sender === null ? await decap(sent.enc, recipient)
    : await authDecap(sent.enc, recipient, sender.publicKey);
  const senderContext = await keySchedule(v.mode, v.aead_id, sent.sharedSecret, info);
  const recipientContext = await keySchedule(v.mode, v.aead_id, received, info);
  const encryptions = [];
  for (const e of v.encryptions) {
    // The file keeps a few sequence numbers only: each one is the XOR of the case's nonce and the base nonce.
    const sequence = fromHex(e.nonce).slice(-4).reduce((n, b, i) => n * 256 + (b ^ senderContext.baseNonce[8 + i]), 0);
    senderContext.sequence = sequence;
    recipientContext.sequence = sequence;
    const ct = await senderContext.seal(fromHex(e.aad), fromHex(e.pt));
    const pt = await recipientContext.open(fromHex(e.aad), ct);
    encryptions.push({ ct: toHex(ct), pt: toHex(pt) });
  }
  return {
    pkEm: toHex(ephemeral.publicKey), pkRm: toHex(recipient.publicKey), pkSm: sender && toHex(sender.publicKey),
    enc: toHex(sent.enc), sharedSecret: toHex(sent.sharedSecret), decapsulated: toHex(received),
    key: toHex(senderContext.key), baseNonce: toHex(senderContext.baseNonce), encryptions,
  };
}

/**
 * Signatures that Chromium's WebCrypto Ed25519 accepts on its own (checked with Chromium 156: a small-order or
 * non-canonical public key) and the ones it already refuses (S ≥ L, non-canonical R); strict verification must
 * refuse them all, and still accept a genuine signature.
 */
export async function ed25519Strictness() {
  const message = new TextEncoder().encode('passerelle');
  const identity = fromHex(`01${'00'.repeat(31)}`);
  const identityNonCanonical = fromHex(`ee${'ff'.repeat(30)}7f`);
  const zeroS = new Uint8Array(32);
  const signer = await importEd25519(fromHex('01'.repeat(32)));
  const signature = await ed25519Sign(signer.privateKey, message);
  const s = signature.slice(32).reverse();
  const sPlusL = fromHex((BigInt(`0x${toHex(s)}`) + L).toString(16).padStart(64, '0')).reverse();
  return {
    'genuine': await ed25519Verify(signer.publicKey, message, signature),
    'identity key, identity R, S = 0': await ed25519Verify(identity, message, concat(identity, zeroS)),
    'non-canonical identity key': await ed25519Verify(identityNonCanonical, message, concat(identity, zeroS)),
    'non-canonical R': await ed25519Verify(identity, message, concat(identityNonCanonical, zeroS)),
    'S + L': await ed25519Verify(signer.publicKey, message, concat(signature.subarray(0, 32), sPlusL)),
    'signature of 63 bytes': await ed25519Verify(signer.publicKey, message, signature.subarray(1)),
  };
}
