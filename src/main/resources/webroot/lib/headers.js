/**
 * The `header` of an envelope (docs/protocol.md 12.3 and 12.4): an init, which starts a conversation and carries
 * the first ratchet header, or a message header. Both start with a version byte and a kind byte.
 */
import { concat, lp16, uint } from './bytes.js';
import { Reason, refuse } from './errors.js';
import { Reader } from './reader.js';

const VERSION = 0x01;
const INIT = 0x01;
const MESSAGE = 0x02;
const KEY_LENGTH = 32;
const SIGNATURE_LENGTH = 64;

/** @typedef {{dh: Uint8Array, pn: number, n: number}} RatchetHeader the sender's ratchet key and counters */

/**
 * @typedef {object} InitHeader
 * @property {'init'} kind
 * @property {Uint8Array} certificate the worker certificate, as sent
 * @property {Uint8Array} workerKey `E_w`
 * @property {Uint8Array} visitorKey `E_v`
 * @property {Uint8Array} signature by the certificate's identity signing key
 * @property {RatchetHeader} ratchet
 */

/**
 * `DHs.public (32) | u32(PN) | u32(Ns)`, 40 bytes.
 * @param {RatchetHeader} ratchet
 * @returns {Uint8Array}
 */
export function encodeRatchetHeader({ dh, pn, n }) {
  return concat(dh, uint(pn, 4), uint(n, 4));
}

/**
 * `u8(0x01) | u8(0x02) | ratchet header`, 42 bytes.
 * @param {Uint8Array} ratchetHeader
 * @returns {Uint8Array}
 */
export function encodeMessageHeader(ratchetHeader) {
  return concat(new Uint8Array([VERSION, MESSAGE]), ratchetHeader);
}

/**
 * `u8(0x01) | u8(0x01) | lp16(certificate) | E_w (32) | E_v (32) | signature (64) | ratchet header (40)`.
 * @param {{certificate: Uint8Array, workerKey: Uint8Array, visitorKey: Uint8Array, signature: Uint8Array}} init
 * @param {Uint8Array} ratchetHeader
 * @returns {Uint8Array}
 */
export function encodeInitHeader({ certificate, workerKey, visitorKey, signature }, ratchetHeader) {
  return concat(new Uint8Array([VERSION, INIT]), lp16(certificate), workerKey, visitorKey, signature, ratchetHeader);
}

/**
 * The fields of a header. An unknown version or kind is `UNSUPPORTED_VERSION`; a length that does not fit, a
 * truncation or trailing bytes are `MALFORMED`.
 * @param {Uint8Array} header
 * @returns {InitHeader | {kind: 'message', ratchet: RatchetHeader}}
 */
export function parseHeader(header) {
  const reader = new Reader(header, 'header');
  if (reader.uint(1) !== VERSION) {
    refuse(Reason.UNSUPPORTED_VERSION, 'unknown header version');
  }
  const kind = reader.uint(1);
  let parsed;
  if (kind === INIT) {
    parsed = {
      kind: 'init', certificate: reader.lp16(), workerKey: reader.take(KEY_LENGTH),
      visitorKey: reader.take(KEY_LENGTH), signature: reader.take(SIGNATURE_LENGTH), ratchet: readRatchet(reader),
    };
  } else if (kind === MESSAGE) {
    parsed = { kind: 'message', ratchet: readRatchet(reader) };
  } else {
    refuse(Reason.UNSUPPORTED_VERSION, 'unknown header kind');
  }
  reader.end();
  return parsed;
}

function readRatchet(reader) {
  return { dh: reader.take(KEY_LENGTH), pn: reader.uint(4), n: reader.uint(4) };
}
