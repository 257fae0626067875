/**
 * A worker's identity keys (docs/protocol.md 12.2): an X25519 and an Ed25519 key pair made in this browser on first
 * use, whose private halves WebCrypto will never export, kept in IndexedDB under the worker's staff id so that a
 * reload keeps them. Only the public halves ever leave the browser, in a certificate request.
 */
import { openDatabase, request } from './idb.js';
import { generateEd25519, generateX25519 } from '../lib/index.js';

const DATABASE = 'passerelle-console';
const STORE = 'identities';

/**
 * @typedef {object} Identity
 * @property {import('../lib/x25519.js').KeyPair} dh
 * @property {import('../lib/x25519.js').KeyPair} signing
 * @property {string} createdAt
 */

/**
 * The worker's identity keys, generated and stored first if this browser has none for them.
 * @param {string} staffId
 * @returns {Promise<{identity: Identity, created: boolean}>}
 */
export async function loadOrCreateIdentity(staffId) {
  const db = await open();
  try {
    const stored = await request(db.transaction(STORE).objectStore(STORE).get(staffId));
    if (stored && stored.dh?.privateKey instanceof CryptoKey && stored.signing?.privateKey instanceof CryptoKey) {
      return { identity: stored, created: false };
    }
    const identity = {
      dh: await generateX25519(), signing: await generateEd25519(), createdAt: new Date().toISOString(),
    };
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(identity, staffId));
    return { identity, created: true };
  } finally {
    db.close();
  }
}

/**
 * Forgets the worker's keys on this browser (a new pair is made at the next use, and needs a new certificate).
 * @param {string} staffId
 */
export async function deleteIdentity(staffId) {
  const db = await open();
  try {
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).delete(staffId));
  } finally {
    db.close();
  }
}

function open() {
  return openDatabase(DATABASE, [STORE]);
}
