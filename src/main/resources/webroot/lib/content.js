/**
 * Message contents of version 1 (docs/protocol.md 12.5): a UTF-8 JSON object with a `type`. Contents are handled
 * as JSON text, so that what is encrypted is exactly the text given (the known answers depend on it).
 */
import { utf8 } from './bytes.js';
import { Reason, refuse } from './errors.js';

/** The longest `text`, in characters (Unicode code points). */
export const MAX_TEXT_LENGTH = 4000;

/** The worker's init when it has nothing to say yet. */
export const HELLO = '{"type":"hello"}';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The JSON text of a chat message; a text of 0 or more than 4000 characters is a `RangeError`, the caller's mistake.
 * @param {string} text
 * @returns {string}
 */
export function textMessage(text) {
  if (!isText(text, 1)) {
    throw new RangeError(`a message text has 1 to ${MAX_TEXT_LENGTH} characters`);
  }
  return JSON.stringify({ type: 'text', text });
}

/**
 * The UTF-8 bytes of a message content given as JSON text; `MALFORMED` unless it is a JSON object with a string
 * `type`.
 * @param {string} json
 * @returns {Uint8Array}
 */
export function encodeContent(json) {
  requireType(parseObject(json));
  return utf8(json);
}

/**
 * A received message content: its JSON text and the parsed object. Not strict UTF-8, not a JSON object with a
 * string `type`, or a `text` message whose `text` is not 1 to 4000 characters: `MALFORMED`. Unknown types and
 * members pass, for the caller to ignore or to show as "a message this version cannot show".
 * @param {Uint8Array} bytes
 * @returns {{json: string, content: object}}
 */
export function decodeContent(bytes) {
  const decoded = decodeJsonObject(bytes);
  requireType(decoded.content);
  if (decoded.content.type === 'text' && !isText(decoded.content.text, 1)) {
    refuse(Reason.MALFORMED, `a text message has 1 to ${MAX_TEXT_LENGTH} characters`);
  }
  return decoded;
}

/**
 * The UTF-8 bytes of any JSON object given as text, such as a referral form; `MALFORMED` for anything else.
 * @param {string} json
 * @returns {Uint8Array}
 */
export function encodeJsonObject(json) {
  parseObject(json);
  return utf8(json);
}

/**
 * A JSON object from strict UTF-8 bytes, with its text; `MALFORMED` for anything else.
 * @param {Uint8Array} bytes
 * @returns {{json: string, content: object}}
 */
export function decodeJsonObject(bytes) {
  let json;
  try {
    json = strictUtf8.decode(bytes);
  } catch {
    refuse(Reason.MALFORMED, 'content is not UTF-8');
  }
  return { json, content: parseObject(json) };
}

/**
 * Whether `value` is a string of `min` to 4000 characters.
 * @param {unknown} value
 * @param {number} min
 * @returns {boolean}
 */
export function isText(value, min) {
  if (typeof value !== 'string' || !value.isWellFormed()) {
    return false;
  }
  const characters = [...value].length;
  return characters >= min && characters <= MAX_TEXT_LENGTH;
}

function parseObject(json) {
  let content;
  try {
    content = JSON.parse(json);
  } catch {
    refuse(Reason.MALFORMED, 'content is not JSON');
  }
  if (content === null || typeof content !== 'object' || Array.isArray(content)) {
    refuse(Reason.MALFORMED, 'content is not a JSON object');
  }
  return content;
}

function requireType(content) {
  if (typeof content.type !== 'string') {
    refuse(Reason.MALFORMED, 'content has no type');
  }
}
