/** Strict parsing of the byte layouts of docs/protocol.md: every read checks that the bytes are there. */
import { Reason, refuse } from './errors.js';

/** Reads a byte string front to back; any read past its end refuses with the reader's reason. */
export class Reader {
  /**
   * @param {Uint8Array} bytes what to read
   * @param {string} what a name for error messages, such as "init header"
   * @param {string} reason the refusal for a truncated input: `MALFORMED` unless the layout says otherwise
   */
  constructor(bytes, what, reason = Reason.MALFORMED) {
    this.bytes = bytes;
    this.offset = 0;
    this.what = what;
    this.reason = reason;
  }

  /** Bytes not read yet. */
  get remaining() {
    return this.bytes.length - this.offset;
  }

  /** The next `length` bytes, as a copy. */
  take(length) {
    if (this.remaining < length) {
      refuse(this.reason, `${this.what} is truncated`);
    }
    const out = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  /** A big-endian unsigned integer of 1, 2 or 4 bytes. */
  uint(size) {
    return this.take(size).reduce((value, b) => value * 256 + b, 0);
  }

  /** The bytes of an `lp8` field. */
  lp8() {
    return this.take(this.uint(1));
  }

  /** The bytes of an `lp16` field. */
  lp16() {
    return this.take(this.uint(2));
  }

  /** Everything left. */
  rest() {
    return this.take(this.remaining);
  }

  /** Refuses if anything is left: layouts never allow trailing bytes. */
  end() {
    if (this.remaining !== 0) {
      refuse(this.reason, `${this.what} has trailing bytes`);
    }
  }
}
