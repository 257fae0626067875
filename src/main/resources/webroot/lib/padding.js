/**
 * Padding of plaintexts (docs/protocol.md 12.5): `content | 0x80 | 0x00 …` up to the next multiple of 256 bytes,
 * so that the length of a short message says little about its text.
 */
import { concat } from './bytes.js';
import { Reason, refuse } from './errors.js';

const BLOCK = 256;

/**
 * The padded plaintext: at least one byte 0x80 follows the content.
 * @param {Uint8Array} content
 * @returns {Uint8Array}
 */
export function pad(content) {
  const padded = new Uint8Array(Math.ceil((content.length + 1) / BLOCK) * BLOCK);
  padded.set(content);
  padded[content.length] = 0x80;
  return padded;
}

/**
 * The content: trailing zeros and one 0x80 removed; anything else is `MALFORMED`.
 * @param {Uint8Array} padded
 * @returns {Uint8Array}
 */
export function unpad(padded) {
  let end = padded.length;
  while (end > 0 && padded[end - 1] === 0) {
    end -= 1;
  }
  if (end === 0 || padded[end - 1] !== 0x80) {
    refuse(Reason.MALFORMED, 'padding does not end in 0x80 followed by zeros');
  }
  return concat(padded.subarray(0, end - 1));
}
