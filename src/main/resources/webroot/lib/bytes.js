/**
 * Byte strings: hex and strict base64url, concatenation and the length-prefixed and big-endian encodings of
 * docs/protocol.md 12.1. Every value is a `Uint8Array`; none of these functions changes its arguments.
 */
import { Reason, refuse } from './errors.js';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_VALUES = new Map([...BASE64URL].map((c, i) => [c, i]));
const utf8Encoder = new TextEncoder();

/**
 * Lower-case hex.
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Bytes from hex of either case; anything else is `MALFORMED`.
 * @param {string} hex
 * @returns {Uint8Array}
 */
export function fromHex(hex) {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    refuse(Reason.MALFORMED, 'not a hex string');
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.substr(2 * i, 2), 16);
  }
  return bytes;
}

/**
 * Unpadded base64url (RFC 4648 §5), as every binary value travels.
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function toBase64url(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) {
      out += BASE64URL[(chunk >> (18 - 6 * j)) & 63];
    }
  }
  return out;
}

/**
 * Bytes from unpadded base64url. Refuses (`MALFORMED`) padding, the other alphabet, whitespace, an impossible
 * length and non-zero unused bits in the last character, so that each value has exactly one encoding.
 * @param {string} text
 * @returns {Uint8Array}
 */
export function fromBase64url(text) {
  if (typeof text !== 'string' || text.length % 4 === 1) {
    refuse(Reason.MALFORMED, 'not base64url: impossible length');
  }
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let next = 0;
  for (const c of text) {
    const value = BASE64URL_VALUES.get(c);
    if (value === undefined) {
      refuse(Reason.MALFORMED, 'not base64url: a character outside the unpadded URL alphabet');
    }
    buffer = ((buffer << 6) | value) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[next++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) {
    refuse(Reason.MALFORMED, 'not base64url: unused bits are not zero');
  }
  return bytes;
}

/**
 * `a | b | …`
 * @param {...Uint8Array} parts
 * @returns {Uint8Array}
 */
export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * `u8(n)`, `u16(n)` or `u32(n)`: a big-endian unsigned integer of `size` bytes; `BAD_LENGTH` if it does not fit.
 * @param {number} value
 * @param {1 | 2 | 4} size
 * @returns {Uint8Array}
 */
export function uint(value, size) {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** (8 * size)) {
    refuse(Reason.BAD_LENGTH, `${value} does not fit in ${size} bytes`);
  }
  const out = new Uint8Array(size);
  for (let i = size - 1, rest = value; i >= 0; i--, rest = Math.floor(rest / 256)) {
    out[i] = rest % 256;
  }
  return out;
}

/**
 * `lp8(x) = u8(len(x)) | x`; `MALFORMED` past 255 bytes (docs/protocol.md 12.1).
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
export function lp8(bytes) {
  if (bytes.length > 0xff) {
    refuse(Reason.MALFORMED, 'a value is longer than 255 bytes');
  }
  return concat(uint(bytes.length, 1), bytes);
}

/**
 * `lp16(x) = u16(len(x)) | x`; `MALFORMED` past 65535 bytes.
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
export function lp16(bytes) {
  if (bytes.length > 0xffff) {
    refuse(Reason.MALFORMED, 'a value is longer than 65535 bytes');
  }
  return concat(uint(bytes.length, 2), bytes);
}

/**
 * UTF-8 bytes of a string, without normalisation.
 * @param {string} text
 * @returns {Uint8Array}
 */
export function utf8(text) {
  // A lone surrogate has no UTF-8 form; TextEncoder would write U+FFFD where Java writes '?'.
  if (!text.isWellFormed()) {
    refuse(Reason.MALFORMED, 'a string is not well-formed Unicode');
  }
  return utf8Encoder.encode(text);
}

/**
 * `label0(L) = L | 0x00`: a protocol label used as a prefix.
 * @param {string} label ASCII, such as "passerelle/v1/transcript"
 * @returns {Uint8Array}
 */
export function label0(label) {
  return concat(utf8(label), new Uint8Array([0]));
}

/**
 * Whether two byte strings are equal, looking at every byte whatever the first difference, so that the time taken
 * says nothing about where they differ (JavaScript promises no more than that).
 * @param {Uint8Array} a
 * @param {Uint8Array} b
 * @returns {boolean}
 */
export function equal(a, b) {
  if (a.length !== b.length) {
    return false;
  }
  let difference = 0;
  for (let i = 0; i < a.length; i++) {
    difference |= a[i] ^ b[i];
  }
  return difference === 0;
}

/**
 * The unsigned integer that little-endian bytes encode, as curve25519 encodes field elements and scalars.
 * @param {Uint8Array} bytes
 * @returns {bigint}
 */
export function littleEndian(bytes) {
  return bytes.reduceRight((value, b) => (value << 8n) | BigInt(b), 0n);
}
