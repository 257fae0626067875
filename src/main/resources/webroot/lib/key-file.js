/**
 * Key files read in a staff member's browser: the organisation key file (docs/protocol.md, "Organisation key file
 * (v1)") in the admin's, opened into a non-extractable Ed25519 signing key, and the association key file
 * ("Association key file (v1)") in the intake officer's, opened into a non-extractable X25519 key pair. Each is
 * checked member by member as the command line reads it. The file's bytes never leave the page; the raw private key
 * is wiped from memory once imported.
 */
import { aesGcmOpen, concat, equal, fromBase64url, importEd25519, importX25519, utf8 } from './index.js';
import { argon2id } from './argon2.js';

const TYPE = 'passerelle-organisation-key';
const CLEAR = ['type', 'version', 'orgId', 'publicKey', 'privateKey'];
const SEALED = ['type', 'version', 'orgId', 'publicKey', 'encrypted'];
const ENCRYPTED = ['kdf', 'memoryKiB', 'iterations', 'parallelism', 'salt', 'nonce', 'ciphertext'];
const MAX_FILE_BYTES = 64 * 1024;
const AAD_LABEL = 'passerelle/v1/organisation-key';
const ASSOCIATION_TYPE = 'passerelle-association-key';
const ASSOCIATION_CLEAR = ['type', 'version', 'publicKey', 'privateKey'];
const ASSOCIATION_SEALED = ['type', 'version', 'publicKey', 'encrypted'];
const ASSOCIATION_AAD_LABEL = 'passerelle/v1/association-key-file';

/** A key file that cannot be used, with the reason in `reason` (an i18n key suffix) and `detail`. */
export class KeyFileError extends Error {
  constructor(reason, detail = '') {
    super(`${reason}: ${detail}`);
    this.reason = reason;
    this.detail = detail;
  }
}

/**
 * @typedef {object} KeyFile
 * @property {string} orgId
 * @property {Uint8Array} publicKey
 * @property {Uint8Array} [privateKey] the seed, in a file without a passphrase
 * @property {{memoryKiB: number, iterations: number, parallelism: number, salt: Uint8Array, nonce: Uint8Array,
 *   ciphertext: Uint8Array}} [encrypted]
 */

/**
 * Reads and checks a key file's text; `KeyFileError('invalid', what)` if it is not a valid v1 file.
 * @param {string} text
 * @returns {KeyFile}
 */
export function readKeyFile(text) {
  const json = parse(text, TYPE);
  const sealed = 'encrypted' in json;
  exactly(json, sealed ? SEALED : CLEAR, 'the file');
  const orgId = json.orgId;
  if (typeof orgId !== 'string' || utf8(orgId).length < 1 || utf8(orgId).length > 64 || /[\p{Cc}\p{Cf}]/u.test(orgId)) {
    throw invalid('orgId must be 1 to 64 UTF-8 bytes without control characters');
  }
  const file = { orgId, publicKey: bytes(json.publicKey, 32, 'publicKey') };
  if (sealed) {
    file.encrypted = encrypted(json.encrypted);
  } else {
    file.privateKey = bytes(json.privateKey, 32, 'privateKey');
  }
  return file;
}

/**
 * Reads and checks an association key file's text; `KeyFileError('invalid', what)` if it is not a valid v1 file.
 * @param {string} text
 * @returns {{publicKey: Uint8Array, privateKey?: Uint8Array, encrypted?: object}}
 */
export function readAssociationKeyFile(text) {
  const json = parse(text, ASSOCIATION_TYPE);
  const sealed = 'encrypted' in json;
  exactly(json, sealed ? ASSOCIATION_SEALED : ASSOCIATION_CLEAR, 'the file');
  const file = { publicKey: bytes(json.publicKey, 32, 'publicKey') };
  if (sealed) {
    file.encrypted = encrypted(json.encrypted);
  } else {
    file.privateKey = bytes(json.privateKey, 32, 'privateKey');
  }
  return file;
}

/**
 * Whether a file's text looks like a sealed association key file (one that needs a passphrase); false for anything
 * else, which {@link readAssociationKeyFile} then explains.
 * @param {string} text
 */
export function needsPassphrase(text) {
  try {
    return Boolean(readAssociationKeyFile(text).encrypted);
  } catch {
    return false;
  }
}

/**
 * The association's key pair from its file: directly from a file without a passphrase, after Argon2id and AES-GCM
 * for a sealed one. The public key of the private key must be the file's (`KeyFileError('damaged')`, or
 * `'passphrase'` for a sealed file).
 * @param {{publicKey: Uint8Array, privateKey?: Uint8Array, encrypted?: object}} file
 * @param {string} [passphrase] for a sealed file
 * @returns {Promise<import('./x25519.js').KeyPair>} with a non-extractable private key
 */
export async function unlockAssociationKeyFile(file, passphrase) {
  const aad = concat(utf8(ASSOCIATION_AAD_LABEL), new Uint8Array([0]), file.publicKey);
  const secret = file.privateKey ? file.privateKey.slice() : await openSealed(file.encrypted, passphrase, aad);
  try {
    const pair = await importX25519(secret);
    if (!equal(pair.publicKey, file.publicKey)) {
      throw new KeyFileError(file.privateKey ? 'damaged' : 'passphrase');
    }
    return pair;
  } finally {
    secret.fill(0);
  }
}

/**
 * The signing key of a file: directly from a file without a passphrase, after Argon2id and AES-GCM for a sealed
 * one. Its public key must be the file's (`KeyFileError('damaged')`, or `'passphrase'` for a sealed file).
 * @param {KeyFile} file
 * @param {string} [passphrase] for a sealed file: the passphrase as typed
 * @returns {Promise<CryptoKey>} non-extractable Ed25519 private key
 */
export async function unlockKeyFile(file, passphrase) {
  let seed;
  if (file.privateKey) {
    seed = file.privateKey;
  } else {
    const aad = concat(utf8(AAD_LABEL), new Uint8Array([0]), utf8(file.orgId), new Uint8Array([0]), file.publicKey);
    seed = await openSealed(file.encrypted, passphrase, aad);
  }
  try {
    const pair = await importEd25519(seed);
    if (!equal(pair.publicKey, file.publicKey)) {
      throw new KeyFileError(file.privateKey ? 'damaged' : 'passphrase');
    }
    return pair.privateKey;
  } finally {
    seed.fill(0);
  }
}

// The private key of a sealed file: Argon2id of the passphrase, then AES-256-GCM with the file's AAD.
async function openSealed(e, passphrase, aad) {
  const kek = await argon2id({
    password: utf8(passphrase ?? ''), salt: e.salt, memoryKiB: e.memoryKiB, iterations: e.iterations,
    parallelism: e.parallelism, length: 32,
  });
  try {
    return await aesGcmOpen(kek, e.nonce, aad, e.ciphertext);
  } catch {
    throw new KeyFileError('passphrase');
  } finally {
    kek.fill(0);
  }
}

function parse(text, type) {
  if (text.length > MAX_FILE_BYTES) {
    throw invalid('larger than 64 KiB');
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('not a JSON object'); // never quote the parser's message: it may hold the private key
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json) || json.type !== type || json.version !== 1) {
    throw invalid(`type must be "${type}" and version 1`);
  }
  return json;
}

function encrypted(e) {
  if (e === null || typeof e !== 'object' || Array.isArray(e)) {
    throw invalid('encrypted must be an object');
  }
  exactly(e, ENCRYPTED, 'encrypted');
  if (e.kdf !== 'argon2id') {
    throw invalid('encrypted.kdf must be "argon2id"');
  }
  const parallelism = number(e.parallelism, 1, 16, 'parallelism');
  return {
    parallelism,
    memoryKiB: number(e.memoryKiB, 8 * parallelism, 1048576, 'memoryKiB'),
    iterations: number(e.iterations, 1, 64, 'iterations'),
    salt: bytes(e.salt, 16, 'salt'),
    nonce: bytes(e.nonce, 12, 'nonce'),
    ciphertext: bytes(e.ciphertext, 48, 'ciphertext'),
  };
}

function exactly(object, members, what) {
  const keys = Object.keys(object).sort();
  if (keys.join() !== [...members].sort().join()) {
    throw invalid(`${what} must have exactly ${members.join(', ')}`);
  }
}

function bytes(value, length, name) {
  let decoded;
  try {
    decoded = fromBase64url(value);
  } catch {
    decoded = null;
  }
  if (!decoded || decoded.length !== length) {
    throw invalid(`${name} must be ${length} bytes in unpadded base64url`);
  }
  return decoded;
}

function number(value, min, max, name) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function invalid(detail) {
  return new KeyFileError('invalid', detail);
}
