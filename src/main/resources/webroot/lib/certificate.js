/**
 * Worker certificate v1 (docs/protocol.md, "Worker certificate (v1)"): the organisation root key vouches for a
 * worker's pseudonym and identity keys for a validity window. Parsing is strict, so the signed bytes are the only
 * encoding of the fields; verification checks structure, signature, organisation and time, in that order.
 */
import { concat, label0, uint, utf8 } from './bytes.js';
import { ed25519Sign, ed25519Verify, isValidEd25519PublicKey } from './ed25519.js';
import { Reason, refuse } from './errors.js';
import { Reader } from './reader.js';
import { checkX25519PublicKey } from './x25519.js';

const VERSION = 1;
const MAX_STRING_LENGTH = 64;
const KEY_LENGTH = 32;
const SIGNATURE_LENGTH = 64;
// Validity bounds, in Unix seconds: 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
const EARLIEST = 0n;
const LATEST = 253402300799n;
const SIGNATURE_LABEL = label0('passerelle/v1/worker-certificate');
// Refuses malformed UTF-8 instead of replacing it; ignoreBOM keeps a leading U+FEFF as the Java decoder does.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * @typedef {object} WorkerCertificate
 * @property {string} orgId
 * @property {string} workerId
 * @property {string} pseudonym
 * @property {Uint8Array} identityDhKey X25519 public key
 * @property {Uint8Array} identitySigningKey Ed25519 public key
 * @property {bigint} notBefore Unix seconds, 0 to 253402300799 (9999-12-31T23:59:59Z)
 * @property {bigint} notAfter Unix seconds, in the same range
 */

/**
 * The fields of a certificate, checked for structure only (`BAD_CERTIFICATE`): no signature, organisation or time
 * check.
 * @param {Uint8Array} certificate
 * @returns {WorkerCertificate}
 */
export function parseCertificate(certificate) {
  const reader = new Reader(certificate, 'worker certificate', Reason.BAD_CERTIFICATE);
  if (reader.uint(1) !== VERSION) {
    malformed('unknown version');
  }
  const orgId = readString(reader, 'orgId');
  const workerId = readString(reader, 'workerId');
  const pseudonym = readString(reader, 'pseudonym');
  const identityDhKey = reader.take(KEY_LENGTH);
  try {
    checkX25519PublicKey(identityDhKey);
  } catch (e) {
    malformed(`identity DH key refused (${e.reason})`);
  }
  const identitySigningKey = reader.take(KEY_LENGTH);
  if (!isValidEd25519PublicKey(identitySigningKey)) {
    malformed('identity signing key is not a valid Ed25519 public key');
  }
  const notBefore = readInt64(reader);
  const notAfter = readInt64(reader);
  if (notAfter <= notBefore) {
    malformed('notAfter must be after notBefore');
  }
  reader.take(SIGNATURE_LENGTH);
  reader.end();
  return { orgId, workerId, pseudonym, identityDhKey, identitySigningKey, notBefore, notAfter };
}

/**
 * The certificate's fields if it is well formed (`BAD_CERTIFICATE`), signed by the root key (`BAD_SIGNATURE`), for
 * the expected organisation (`WRONG_ORGANISATION`) and valid at `now` (`NOT_YET_VALID`, `EXPIRED`).
 * @param {Uint8Array} certificate
 * @param {{rootPublicKey: Uint8Array, orgId: string, now: number | bigint}} expected the pinned root key and
 *   organisation id, and the time in Unix seconds
 * @returns {Promise<WorkerCertificate>}
 */
export async function verifyCertificate(certificate, { rootPublicKey, orgId, now }) {
  if (rootPublicKey.length !== KEY_LENGTH) {
    refuse(Reason.BAD_KEY_LENGTH, 'the root public key must be 32 bytes');
  }
  const parsed = parseCertificate(certificate);
  const bodyLength = certificate.length - SIGNATURE_LENGTH;
  const signed = concat(SIGNATURE_LABEL, certificate.subarray(0, bodyLength));
  if (!(await ed25519Verify(rootPublicKey, signed, certificate.subarray(bodyLength)))) {
    refuse(Reason.BAD_SIGNATURE, 'worker certificate is not signed by the organisation root key');
  }
  if (parsed.orgId !== orgId) {
    refuse(Reason.WRONG_ORGANISATION, 'worker certificate is for another organisation');
  }
  const seconds = typeof now === 'bigint' ? now : BigInt(Math.floor(now));
  if (seconds < parsed.notBefore) {
    refuse(Reason.NOT_YET_VALID, 'worker certificate is not valid yet');
  }
  if (seconds >= parsed.notAfter) {
    refuse(Reason.EXPIRED, 'worker certificate has expired');
  }
  return parsed;
}

/**
 * A certificate for `fields`, signed by the organisation root key; the fields must pass the same checks as
 * {@link parseCertificate} (`BAD_CERTIFICATE`).
 * @param {WorkerCertificate} fields validity bounds as bigint or integer numbers
 * @param {CryptoKey} rootPrivateKey Ed25519
 * @returns {Promise<Uint8Array>}
 */
export async function signCertificate(fields, rootPrivateKey) {
  const body = concat(new Uint8Array([VERSION]), encodeString(fields.orgId, 'orgId'),
    encodeString(fields.workerId, 'workerId'), encodeString(fields.pseudonym, 'pseudonym'),
    fields.identityDhKey, fields.identitySigningKey, int64(fields.notBefore), int64(fields.notAfter));
  // Parsing the body with a blank signature applies every structural rule exactly once, in one place.
  parseCertificate(concat(body, new Uint8Array(SIGNATURE_LENGTH)));
  return concat(body, await ed25519Sign(rootPrivateKey, concat(SIGNATURE_LABEL, body)));
}

function readString(reader, what) {
  const length = reader.uint(1);
  if (length < 1 || length > MAX_STRING_LENGTH) {
    malformed(`${what} must be 1 to ${MAX_STRING_LENGTH} bytes, not ${length}`);
  }
  const bytes = reader.take(length);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return malformed(`${what} is not valid UTF-8`);
  }
}

function readInt64(reader) {
  return inRange(new DataView(reader.take(8).buffer).getBigInt64(0, false));
}

function encodeString(value, what) {
  if (typeof value !== 'string' || !value.isWellFormed()) {
    malformed(`${what} is not valid Unicode`);
  }
  const bytes = utf8(value);
  if (bytes.length < 1 || bytes.length > MAX_STRING_LENGTH) {
    malformed(`${what} must be 1 to ${MAX_STRING_LENGTH} UTF-8 bytes, not ${bytes.length}`);
  }
  return concat(uint(bytes.length, 1), bytes);
}

function int64(value) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, inRange(BigInt(value)), false);
  return out;
}

function inRange(seconds) {
  if (seconds < EARLIEST || seconds > LATEST) {
    malformed(`validity bounds must lie from ${EARLIEST} to ${LATEST} (9999-12-31T23:59:59Z)`);
  }
  return seconds;
}

function malformed(message) {
  refuse(Reason.BAD_CERTIFICATE, `worker certificate: ${message}`);
}
