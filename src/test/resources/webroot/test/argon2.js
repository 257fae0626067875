/**
 * The staff pages' own Argon2id and BLAKE2b (webroot/lib/argon2.js, blake2b.js) and key file reader against known
 * answers: RFC 7693, RFC 9106 and the organisation key file of docs/protocol.md.
 */
import { argon2id } from '../lib/argon2.js';
import { blake2b } from '../lib/blake2b.js';
import { readKeyFile, unlockKeyFile } from '../lib/key-file.js';
import { fromHex, toHex, utf8 } from '../lib/index.js';

const fill = (length, value) => new Uint8Array(length).fill(value);

/** BLAKE2b-512 of "abc" (RFC 7693 appendix A) and of 200 bytes (two blocks), and BLAKE2b-256 of nothing. */
export function blake2bAnswers() {
  return {
    abc: toHex(blake2b(64, utf8('abc'))),
    twoBlocks: toHex(blake2b(64, fill(200, 0x61))),
    empty256: toHex(blake2b(32)),
  };
}

/** The Argon2id test vector of RFC 9106 5.3, and the key file's key-encryption key of docs/protocol.md. */
export async function argon2Answers() {
  const rfc = await argon2id({
    password: fill(32, 1), salt: fill(16, 2), secret: fill(8, 3), associatedData: fill(12, 4), memoryKiB: 32,
    iterations: 3, parallelism: 4, length: 32,
  });
  const started = performance.now();
  const kek = await argon2id({
    password: utf8('correct horse battery staple'), salt: fill(16, 4), memoryKiB: 65536, iterations: 3,
    parallelism: 1, length: 32,
  });
  return { rfc: toHex(rfc), kek: toHex(kek), milliseconds: Math.round(performance.now() - started) };
}

const SEALED = {
  type: 'passerelle-organisation-key', version: 1, orgId: 'org-demo',
  publicKey: 'iojj3XQJ8ZX9UtstPLpdcspnCb8dlBIb83SIAbQPb1w',
  encrypted: {
    kdf: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1, salt: 'BAQEBAQEBAQEBAQEBAQEBA',
    nonce: 'BQUFBQUFBQUFBQUF', ciphertext: '4TLbQdkOygnGIMFEqwi0C3ka0PO5-d4sHL8b0WQMAQ9S_tboudGaIaIVNbWQrOD7',
  },
};
const CLEAR = {
  type: 'passerelle-organisation-key', version: 1, orgId: 'org-demo',
  publicKey: 'iojj3XQJ8ZX9UtstPLpdcspnCb8dlBIb83SIAbQPb1w', privateKey: 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE',
};

function outcome(change) {
  const file = structuredClone(CLEAR);
  change(file);
  try {
    readKeyFile(JSON.stringify(file));
    return 'accepted';
  } catch (e) {
    return e.reason;
  }
}

/** Which key files the reader refuses, and whether both known-answer files open to the same key. */
export async function keyFiles() {
  const clearKey = await unlockKeyFile(readKeyFile(JSON.stringify(CLEAR)));
  const sealedKey = await unlockKeyFile(readKeyFile(JSON.stringify(SEALED)), 'correct horse battery staple');
  const message = utf8('passerelle');
  const [a, b] = await Promise.all([clearKey, sealedKey].map((k) => crypto.subtle.sign('Ed25519', k, message)));
  let wrongPassphrase;
  try {
    await unlockKeyFile(readKeyFile(JSON.stringify(SEALED)), 'Correct horse battery staple');
    wrongPassphrase = 'opened';
  } catch (e) {
    wrongPassphrase = e.reason;
  }
  const damaged = structuredClone(CLEAR);
  damaged.privateKey = 'AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI';
  let mismatch;
  try {
    await unlockKeyFile(readKeyFile(JSON.stringify(damaged)));
    mismatch = 'opened';
  } catch (e) {
    mismatch = e.reason;
  }
  return {
    sameSignature: toHex(new Uint8Array(a)) === toHex(new Uint8Array(b)),
    extractable: clearKey.extractable || sealedKey.extractable,
    wrongPassphrase,
    publicKeyOfAnotherSeed: mismatch,
    extraMember: outcome((f) => { f.comment = 'x'; }),
    bothSecrets: outcome((f) => { f.encrypted = SEALED.encrypted; }),
    version2: outcome((f) => { f.version = 2; }),
    versionString: outcome((f) => { f.version = '1'; }),
    shortKey: outcome((f) => { f.privateKey = f.privateKey.slice(0, 40); }),
    padded: outcome((f) => { f.publicKey += '='; }),
    emptyOrg: outcome((f) => { f.orgId = ''; }),
    controlInOrg: outcome((f) => { f.orgId = 'org\u0000demo'; }),
    notJson: (() => { try { readKeyFile('{'); return 'accepted'; } catch (e) { return e.reason; } })(),
    hex: toHex(fromHex('00ff')),
  };
}
