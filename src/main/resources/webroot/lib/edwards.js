/**
 * The edwards25519 checks WebCrypto does not promise: whether 32 bytes are the canonical encoding of a point on
 * the curve (RFC 8032 §5.1.3), and whether that point has small order. Plain BigInt arithmetic on public values
 * only, so its timing reveals nothing secret.
 */
import { littleEndian } from './bytes.js';

const P = 2n ** 255n - 19n;
const D = mod(-121665n * inverse(121666n));
const SQRT_MINUS_ONE = power(2n, (P - 1n) / 4n);

function mod(a) {
  const r = a % P;
  return r < 0n ? r + P : r;
}

function power(base, exponent) {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) {
      result = (result * b) % P;
    }
    b = (b * b) % P;
  }
  return result;
}

function inverse(a) {
  return power(a, P - 2n);
}

/**
 * The point that `bytes` encode, or null when they are not the canonical encoding of a point on the curve:
 * y ≥ p, x = 0 with the sign bit set, or no x for that y.
 * @param {Uint8Array} bytes 32 bytes
 * @returns {{x: bigint, y: bigint} | null}
 */
export function decodePoint(bytes) {
  if (bytes.length !== 32) {
    return null;
  }
  const sign = bytes[31] >> 7;
  const y = littleEndian(bytes) & ((1n << 255n) - 1n);
  if (y >= P) {
    return null;
  }
  const u = mod(y * y - 1n);
  const v = mod(D * y * y + 1n);
  let x = mod(u * power(v, 3n) * power(u * power(v, 7n), (P - 5n) / 8n));
  if (mod(v * x * x) !== u) {
    if (mod(v * x * x) !== mod(-u)) {
      return null;
    }
    x = mod(x * SQRT_MINUS_ONE);
  }
  if (x === 0n && sign === 1) {
    return null;
  }
  if (Number(x & 1n) !== sign) {
    x = P - x;
  }
  return { x, y };
}

// The complete twisted Edwards addition (a = -1): it needs no special case for doubling or the identity.
function add(p1, p2) {
  const t = mod(D * p1.x * p2.x * p1.y * p2.y);
  return {
    x: mod((p1.x * p2.y + p1.y * p2.x) * inverse(1n + t)),
    y: mod((p1.y * p2.y + p1.x * p2.x) * inverse(1n - t)),
  };
}

/**
 * Whether a point has order 1, 2, 4 or 8: then 8·P is the identity (0, 1).
 * @param {{x: bigint, y: bigint}} point
 * @returns {boolean}
 */
export function hasSmallOrder(point) {
  let q = point;
  for (let i = 0; i < 3; i++) {
    q = add(q, q);
  }
  return q.x === 0n && q.y === 1n;
}
