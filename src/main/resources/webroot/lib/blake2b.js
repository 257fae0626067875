/**
 * BLAKE2b (RFC 7693), unkeyed, with any output length from 1 to 64 bytes: the hash inside Argon2id, which WebCrypto
 * does not offer. 64-bit words are held as pairs of 32-bit halves (low, high) in a Uint32Array.
 */

const IV = new Uint32Array([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
].map((row) => row.map((i) => 2 * i));

const v = new Uint32Array(32);
const m = new Uint32Array(32);

// v[a] += v[b] (64-bit, indices of low halves)
function add(a, b) {
  const lo = v[a] + v[b];
  v[a + 1] = v[a + 1] + v[b + 1] + (lo > 0xffffffff ? 1 : 0);
  v[a] = lo;
}

// v[a] += m[i]
function addMessage(a, i) {
  const lo = v[a] + m[i];
  v[a + 1] = v[a + 1] + m[i + 1] + (lo > 0xffffffff ? 1 : 0);
  v[a] = lo;
}

// v[d] = rotr64(v[d] ^ v[a], n) for n = 32, 24, 16, 63
function xorRotate(d, a, n) {
  const lo = v[d] ^ v[a];
  const hi = v[d + 1] ^ v[a + 1];
  if (n === 32) {
    v[d] = hi;
    v[d + 1] = lo;
  } else if (n === 63) {
    v[d] = (lo << 1) | (hi >>> 31);
    v[d + 1] = (hi << 1) | (lo >>> 31);
  } else {
    v[d] = (lo >>> n) | (hi << (32 - n));
    v[d + 1] = (hi >>> n) | (lo << (32 - n));
  }
}

function mix(a, b, c, d, x, y) {
  add(a, b);
  addMessage(a, x);
  xorRotate(d, a, 32);
  add(c, d);
  xorRotate(b, c, 24);
  add(a, b);
  addMessage(a, y);
  xorRotate(d, a, 16);
  add(c, d);
  xorRotate(b, c, 63);
}

function compress(h, block, offset, t, last) {
  for (let i = 0; i < 16; i++) {
    v[i] = h[i];
    v[i + 16] = IV[i];
  }
  v[24] ^= t >>> 0;
  v[25] ^= Math.floor(t / 0x100000000);
  if (last) {
    v[28] = ~v[28];
    v[29] = ~v[29];
  }
  for (let i = 0; i < 32; i++) {
    const at = offset + 4 * i;
    m[i] = block[at] | (block[at + 1] << 8) | (block[at + 2] << 16) | (block[at + 3] << 24);
  }
  for (let round = 0; round < 12; round++) {
    const s = SIGMA[round % 10];
    mix(0, 8, 16, 24, s[0], s[1]);
    mix(2, 10, 18, 26, s[2], s[3]);
    mix(4, 12, 20, 28, s[4], s[5]);
    mix(6, 14, 22, 30, s[6], s[7]);
    mix(0, 10, 20, 30, s[8], s[9]);
    mix(2, 12, 22, 24, s[10], s[11]);
    mix(4, 14, 16, 26, s[12], s[13]);
    mix(6, 8, 18, 28, s[14], s[15]);
  }
  for (let i = 0; i < 16; i++) {
    h[i] ^= v[i] ^ v[i + 16];
  }
}

/**
 * BLAKE2b of the concatenation of `parts`, `length` bytes long (1 to 64).
 * @param {number} length
 * @param {...Uint8Array} parts
 * @returns {Uint8Array}
 */
export function blake2b(length, ...parts) {
  if (!Number.isInteger(length) || length < 1 || length > 64) {
    throw new RangeError('BLAKE2b output is 1 to 64 bytes');
  }
  const h = new Uint32Array(IV);
  h[0] ^= 0x01010000 ^ length;
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const input = new Uint8Array(Math.max(128, Math.ceil(total / 128) * 128));
  let at = 0;
  for (const part of parts) {
    input.set(part, at);
    at += part.length;
  }
  const blocks = Math.max(1, Math.ceil(total / 128));
  for (let i = 0; i < blocks - 1; i++) {
    compress(h, input, 128 * i, 128 * (i + 1), false);
  }
  compress(h, input, 128 * (blocks - 1), total, true);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[i] = h[i >> 2] >>> (8 * (i & 3));
  }
  input.fill(0);
  return out;
}
