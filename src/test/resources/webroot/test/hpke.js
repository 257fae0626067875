/** HPKE with our suite (X25519, HKDF-SHA256, AES-256-GCM) in the page, for the Java side to check both ways. */
import {
  CryptoError, fixedKeys, fromHex, importX25519, open, openAuth, seal, sealAuth, toHex,
} from '../lib/index.js';

function inputs(c) {
  return { info: fromHex(c.info), aad: fromHex(c.aad) };
}

/** Seals `plaintext` in the base and auth modes, each with the fixed ephemeral key `ephemeralPrivate`. */
export async function sealBothModes(c) {
  const recipientPublicKey = fromHex(c.recipientPublic);
  const sender = await importX25519(fromHex(c.senderPrivate));
  const plaintext = fromHex(c.plaintext);
  const base = await seal({ recipientPublicKey, ...inputs(c), plaintext, keys: fixedKeys([fromHex(c.ephemeralPrivate)]) });
  const auth = await sealAuth({
    recipientPublicKey, sender, ...inputs(c), plaintext, keys: fixedKeys([fromHex(c.ephemeralPrivate)]),
  });
  return {
    base: { enc: toHex(base.enc), ciphertext: toHex(base.ciphertext) },
    auth: { enc: toHex(auth.enc), ciphertext: toHex(auth.ciphertext) },
  };
}

/** Opens a base-mode and an auth-mode ciphertext; a refusal comes back as its reason. */
export async function openBothModes(c) {
  const recipient = await importX25519(fromHex(c.recipientPrivate));
  const attempt = async (operation) => {
    try {
      return toHex(await operation());
    } catch (e) {
      if (!(e instanceof CryptoError)) {
        throw e;
      }
      return e.reason;
    }
  };
  return {
    base: await attempt(() => open({
      recipient, enc: fromHex(c.base.enc), ...inputs(c), ciphertext: fromHex(c.base.ciphertext),
    })),
    auth: await attempt(() => openAuth({
      recipient, senderPublicKey: fromHex(c.senderPublic), enc: fromHex(c.auth.enc), ...inputs(c),
      ciphertext: fromHex(c.auth.ciphertext),
    })),
  };
}
