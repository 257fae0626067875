/**
 * Argon2id (RFC 9106, version 0x13) in plain JavaScript, for opening a passphrase-sealed organisation key file in
 * the admin's browser: WebCrypto has no memory-hard function. Written from the RFC and checked against its test
 * vector and the key file's known answer (docs/protocol.md, "Organisation key file (v1)"). Lanes are filled one
 * after the other: the result does not depend on it, only the time does.
 */
import { blake2b } from './blake2b.js';

const VERSION = 0x13;
const ARGON2ID = 2;
const BLOCK_WORDS = 256; // 1024 bytes as 32-bit halves of 128 64-bit words
const SYNC_POINTS = 4;
const ADDRESSES_PER_BLOCK = 128;

/**
 * The Argon2id tag of `password`.
 * @param {{password: Uint8Array, salt: Uint8Array, memoryKiB: number, iterations: number, parallelism: number,
 *   length: number, secret?: Uint8Array, associatedData?: Uint8Array}} input
 * @returns {Promise<Uint8Array>}
 */
export async function argon2id({ password, salt, memoryKiB, iterations, parallelism, length, secret = new Uint8Array(0),
  associatedData = new Uint8Array(0) }) {
  if (parallelism < 1 || memoryKiB < 8 * parallelism || iterations < 1 || length < 4) {
    throw new RangeError('Argon2id parameters out of range');
  }
  const h0 = blake2b(64, le32(parallelism), le32(length), le32(memoryKiB), le32(iterations), le32(VERSION),
    le32(ARGON2ID), le32(password.length), password, le32(salt.length), salt, le32(secret.length), secret,
    le32(associatedData.length), associatedData);
  const laneLength = Math.floor(memoryKiB / (SYNC_POINTS * parallelism)) * SYNC_POINTS;
  const segmentLength = laneLength / SYNC_POINTS;
  const blocks = laneLength * parallelism;
  const memory = new Uint32Array(blocks * BLOCK_WORDS);
  const context = { memory, laneLength, segmentLength, lanes: parallelism, blocks, iterations };
  try {
    for (let lane = 0; lane < parallelism; lane++) {
      for (let i = 0; i < 2; i++) {
        setBlock(memory, lane * laneLength + i, hashLong(1024, h0, le32(i), le32(lane)));
      }
    }
    for (let pass = 0; pass < iterations; pass++) {
      for (let slice = 0; slice < SYNC_POINTS; slice++) {
        for (let lane = 0; lane < parallelism; lane++) {
          fillSegment(context, pass, slice, lane);
        }
        // Yields between slices so that a long derivation does not freeze the page.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    const last = new Uint32Array(BLOCK_WORDS);
    for (let lane = 0; lane < parallelism; lane++) {
      const at = (lane * laneLength + laneLength - 1) * BLOCK_WORDS;
      for (let i = 0; i < BLOCK_WORDS; i++) {
        last[i] ^= memory[at + i];
      }
    }
    return hashLong(length, blockBytes(last));
  } finally {
    memory.fill(0);
  }
}

/** H' of RFC 9106 3.3: BLAKE2b extended to any output length. */
function hashLong(length, ...parts) {
  if (length <= 64) {
    return blake2b(length, le32(length), ...parts);
  }
  const out = new Uint8Array(length);
  const r = Math.ceil(length / 32) - 2;
  let v = blake2b(64, le32(length), ...parts);
  out.set(v.subarray(0, 32), 0);
  for (let i = 1; i < r; i++) {
    v = blake2b(64, v);
    out.set(v.subarray(0, 32), 32 * i);
  }
  out.set(blake2b(length - 32 * r, v), 32 * r);
  return out;
}

function fillSegment(ctx, pass, slice, lane) {
  const { memory, laneLength, segmentLength, lanes } = ctx;
  const independent = pass === 0 && slice < SYNC_POINTS / 2;
  const address = new Uint32Array(BLOCK_WORDS);
  const input = new Uint32Array(BLOCK_WORDS);
  const zero = new Uint32Array(BLOCK_WORDS);
  if (independent) {
    input[0] = pass;
    input[2] = lane;
    input[4] = slice;
    input[6] = ctx.blocks;
    input[8] = ctx.iterations;
    input[10] = ARGON2ID;
  }
  const nextAddresses = () => {
    input[12] += 1;
    compressInto(address, zero, input, false);
    compressInto(address, zero, address, false);
  };
  let start = 0;
  if (pass === 0 && slice === 0) {
    start = 2;
    if (independent) {
      nextAddresses();
    }
  }
  let current = lane * laneLength + slice * segmentLength + start;
  let previous = current % laneLength === 0 ? current + laneLength - 1 : current - 1;
  const scratch = { r: new Uint32Array(BLOCK_WORDS), q: new Uint32Array(BLOCK_WORDS) };
  for (let i = start; i < segmentLength; i++, current++, previous++) {
    if (current % laneLength === 1) {
      previous = current - 1;
    }
    let j1;
    let j2;
    if (independent) {
      if (i % ADDRESSES_PER_BLOCK === 0) {
        nextAddresses();
      }
      j1 = address[2 * (i % ADDRESSES_PER_BLOCK)];
      j2 = address[2 * (i % ADDRESSES_PER_BLOCK) + 1];
    } else {
      j1 = memory[previous * BLOCK_WORDS];
      j2 = memory[previous * BLOCK_WORDS + 1];
    }
    const refLane = pass === 0 && slice === 0 ? lane : j2 % lanes;
    const refIndex = referenceIndex(ctx, pass, slice, i, j1, refLane === lane);
    fillBlock(memory, previous, refLane * laneLength + refIndex, current, pass > 0, scratch);
  }
}

/** The index in the reference lane of the block to mix in (RFC 9106 3.4.1.2). */
function referenceIndex(ctx, pass, slice, index, j1, sameLane) {
  const { laneLength, segmentLength } = ctx;
  let area;
  if (pass === 0) {
    if (slice === 0) {
      area = index - 1;
    } else if (sameLane) {
      area = slice * segmentLength + index - 1;
    } else {
      area = slice * segmentLength + (index === 0 ? -1 : 0);
    }
  } else if (sameLane) {
    area = laneLength - segmentLength + index - 1;
  } else {
    area = laneLength - segmentLength + (index === 0 ? -1 : 0);
  }
  const x = (BigInt(j1) * BigInt(j1)) >> 32n;
  const relative = area - 1 - Number((BigInt(area) * x) >> 32n);
  const startAt = pass === 0 || slice === SYNC_POINTS - 1 ? 0 : (slice + 1) * segmentLength;
  return (startAt + relative) % laneLength;
}

/** next = G(prev, ref), XORed into next's old value on later passes. */
function fillBlock(memory, prev, ref, next, withXor, { r, q }) {
  const p = prev * BLOCK_WORDS;
  const f = ref * BLOCK_WORDS;
  const n = next * BLOCK_WORDS;
  for (let i = 0; i < BLOCK_WORDS; i++) {
    r[i] = memory[p + i] ^ memory[f + i];
  }
  q.set(r);
  permute(q);
  // On later passes the old block is XORed in too (version 0x13): next = P(R) ^ R ^ next.
  if (withXor) {
    for (let i = 0; i < BLOCK_WORDS; i++) {
      memory[n + i] ^= q[i] ^ r[i];
    }
  } else {
    for (let i = 0; i < BLOCK_WORDS; i++) {
      memory[n + i] = q[i] ^ r[i];
    }
  }
}

/** out = G(x, y), for the address blocks. */
function compressInto(out, x, y) {
  const r = new Uint32Array(BLOCK_WORDS);
  for (let i = 0; i < BLOCK_WORDS; i++) {
    r[i] = x[i] ^ y[i];
  }
  const q = new Uint32Array(r);
  permute(q);
  for (let i = 0; i < BLOCK_WORDS; i++) {
    out[i] = q[i] ^ r[i];
  }
}

// The 16 64-bit words each call of the round function works on: 8 rows, then 8 columns of 16-byte registers.
const ROWS = Array.from({ length: 8 }, (_, i) => Array.from({ length: 16 }, (__, k) => 2 * (16 * i + k)));
const COLUMNS = Array.from({ length: 8 }, (_, i) => Array.from({ length: 16 },
  (__, k) => 2 * (2 * i + (k & 1) + 16 * (k >> 1))));

function permute(q) {
  for (const row of ROWS) {
    round(q, row);
  }
  for (const column of COLUMNS) {
    round(q, column);
  }
}

function round(q, w) {
  gb(q, w[0], w[4], w[8], w[12]);
  gb(q, w[1], w[5], w[9], w[13]);
  gb(q, w[2], w[6], w[10], w[14]);
  gb(q, w[3], w[7], w[11], w[15]);
  gb(q, w[0], w[5], w[10], w[15]);
  gb(q, w[1], w[6], w[11], w[12]);
  gb(q, w[2], w[7], w[8], w[13]);
  gb(q, w[3], w[4], w[9], w[14]);
}

function gb(q, a, b, c, d) {
  blaMka(q, a, b);
  rotateXor(q, d, a, 32);
  blaMka(q, c, d);
  rotateXor(q, b, c, 24);
  blaMka(q, a, b);
  rotateXor(q, d, a, 16);
  blaMka(q, c, d);
  rotateXor(q, b, c, 63);
}

// q[x] = q[x] + q[y] + 2 * lo32(q[x]) * lo32(q[y]), modulo 2^64
function blaMka(q, x, y) {
  const xl = q[x];
  const yl = q[y];
  // The 64-bit product of the low halves, from 16-bit pieces so that no intermediate exceeds 2^53.
  const a0 = xl & 0xffff;
  const a1 = xl >>> 16;
  const b0 = yl & 0xffff;
  const b1 = yl >>> 16;
  const low = a0 * b0;
  const mid1 = a0 * b1;
  const mid2 = a1 * b0;
  const carry = (low >>> 16) + (mid1 & 0xffff) + (mid2 & 0xffff);
  const pLo = ((carry & 0xffff) * 0x10000 + (low & 0xffff)) >>> 0;
  const pHi = (a1 * b1 + (mid1 >>> 16) + (mid2 >>> 16) + (carry >>> 16)) >>> 0;
  // times two
  const tLo = (pLo << 1) >>> 0;
  const tHi = ((pHi << 1) | (pLo >>> 31)) >>> 0;
  let lo = xl + yl;
  let hi = q[x + 1] + q[y + 1] + (lo > 0xffffffff ? 1 : 0);
  lo >>>= 0;
  const lo2 = lo + tLo;
  hi = hi + tHi + (lo2 > 0xffffffff ? 1 : 0);
  q[x] = lo2;
  q[x + 1] = hi;
}

// q[d] = rotr64(q[d] ^ q[a], n)
function rotateXor(q, d, a, n) {
  const lo = q[d] ^ q[a];
  const hi = q[d + 1] ^ q[a + 1];
  if (n === 32) {
    q[d] = hi;
    q[d + 1] = lo;
  } else if (n === 63) {
    q[d] = (lo << 1) | (hi >>> 31);
    q[d + 1] = (hi << 1) | (lo >>> 31);
  } else {
    q[d] = (lo >>> n) | (hi << (32 - n));
    q[d + 1] = (hi >>> n) | (lo << (32 - n));
  }
}

function le32(n) {
  return new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);
}

function setBlock(memory, index, bytes) {
  const at = index * BLOCK_WORDS;
  for (let i = 0; i < BLOCK_WORDS; i++) {
    memory[at + i] = bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24);
  }
}

function blockBytes(words) {
  const out = new Uint8Array(4 * words.length);
  for (let i = 0; i < words.length; i++) {
    out[4 * i] = words[i];
    out[4 * i + 1] = words[i] >>> 8;
    out[4 * i + 2] = words[i] >>> 16;
    out[4 * i + 3] = words[i] >>> 24;
  }
  return out;
}
