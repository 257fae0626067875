/**
 * Whether this browser can hold encrypted conversations for the worker: identity keys (made on first use), the
 * organisation to verify against, and a certificate on file for exactly these keys, valid now. Without one, it asks
 * an admin to sign (a certificate request), or in demo mode the server, and watches for the certificate to arrive.
 */
import { ApiError } from './api.js';
import { loadOrCreateIdentity } from './identity.js';
import { equal, fromBase64url, toBase64url, verifyCertificate } from '../lib/index.js';

const POLL_MS = 5000;
const RENEW_BEFORE_SECONDS = 7 * 24 * 3600;

/** @typedef {'checking' | 'ready' | 'pending' | 'failed'} CredentialState */

/** The worker's keys and certificate, and their state. */
export class Credentials {
  /**
   * @param {import('./api.js').Api} api
   * @param {string} staffId
   */
  constructor(api, staffId) {
    this.api = api;
    this.staffId = staffId;
    /** @type {CredentialState} */
    this.state = 'checking';
    this.identity = null;
    this.keysCreated = false;
    this.org = null;
    this.certificate = null;
    this.parsed = null;
    this.renewalRequested = false;
    this.demo = false;
    this.error = null;
    this.timer = null;
    this.listeners = [];
  }

  /** Calls `listener(this)` on every change of state. */
  onChange(listener) {
    this.listeners.push(listener);
  }

  /** Loads (or makes) the keys, learns the organisation, and checks the certificate on file. */
  async start() {
    try {
      const { identity, created } = await loadOrCreateIdentity(this.staffId);
      this.identity = identity;
      this.keysCreated = created;
      this.org = await this.api.organisation();
      this.demo = (await this.api.request('GET', '/api/v1/organisation')).demoSigning === true;
      if (!(await this.check())) {
        await this.request();
      }
    } catch (e) {
      this.fail(e);
    }
  }

  /** The public keys as they travel: unpadded base64url. */
  publicKeys() {
    return {
      dhKey: toBase64url(this.identity.dh.publicKey),
      signingKey: toBase64url(this.identity.signing.publicKey),
    };
  }

  /**
   * Takes the certificate on file if it is for these keys and valid now; true when ready.
   * @returns {Promise<boolean>}
   */
  async check() {
    let answer;
    try {
      answer = await this.api.request('GET', '/api/v1/workers/me/certificate');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'not_found') {
        return false;
      }
      throw e;
    }
    const certificate = fromBase64url(answer.certificate);
    let parsed;
    try {
      parsed = await verifyCertificate(certificate, { ...this.org, now: Date.now() / 1000 });
    } catch {
      return false;
    }
    if (!equal(parsed.identityDhKey, this.identity.dh.publicKey)
        || !equal(parsed.identitySigningKey, this.identity.signing.publicKey) || parsed.workerId !== this.staffId) {
      return false; // a certificate for keys of another browser: this one needs its own
    }
    this.certificate = certificate;
    this.parsed = parsed;
    this.stopPolling();
    this.set('ready');
    if (Number(parsed.notAfter) - Date.now() / 1000 < RENEW_BEFORE_SECONDS && !this.renewalRequested) {
      this.renewalRequested = true;
      await this.api.request('PUT', '/api/v1/workers/me/certificate-request', this.publicKeys());
      this.startPolling();
      this.set('ready');
    }
    return true;
  }

  /** Asks an admin to sign these keys, then watches for the certificate. */
  async request() {
    await this.api.request('PUT', '/api/v1/workers/me/certificate-request', this.publicKeys());
    this.set('pending');
    this.startPolling();
  }

  /** Demo mode only: the server signs these keys with its throw-away root key. */
  async signOnDemoServer() {
    try {
      await this.api.request('POST', '/api/v1/workers/me/certificate/demo', this.publicKeys());
      if (!(await this.check())) {
        throw new Error('the demo certificate does not match these keys');
      }
    } catch (e) {
      this.fail(e);
    }
  }

  /** Checks at once (the "check now" button), and keeps watching if still missing. */
  async checkNow() {
    try {
      if (!(await this.check()) && this.state !== 'pending') {
        this.set('pending');
      }
    } catch (e) {
      this.fail(e);
    }
  }

  startPolling() {
    this.stopPolling();
    this.timer = setInterval(() => {
      this.check().catch(() => {});
    }, POLL_MS);
  }

  stopPolling() {
    clearInterval(this.timer);
    this.timer = null;
  }

  fail(e) {
    this.error = e;
    this.set('failed');
  }

  set(state) {
    this.state = state;
    this.listeners.forEach((listener) => listener(this));
  }

  /** Stops watching (logout). The keys stay in this browser for the next login. */
  stop() {
    this.stopPolling();
    this.listeners = [];
  }
}
