/**
 * The association's inbox (docs/api.md "Referrals", role `intake`): its referrals, opened with the association's key
 * loaded in this page, acknowledged (the server then deletes the ciphertext), accepted or declined. The key pair and
 * every decrypted form live in this page's memory only.
 */
import {
  associationKeyFingerprint, CryptoError, fromBase64url, openReferral, Reason,
} from '../lib/index.js';
import { KeyFileError, needsPassphrase, readAssociationKeyFile, unlockAssociationKeyFile } from '../lib/key-file.js';

/** An opened referral that cannot be read here, with the i18n key that says why. */
export class OpenError extends Error {
  constructor(key, params = {}) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

export class Inbox {
  /** @param {{request: (method: string, path: string, body?: object) => Promise<any>}} api */
  constructor(api) {
    this.api = api;
    /** @type {{pair: import('../lib/x25519.js').KeyPair, keyId: string, digits: string} | null} */
    this.key = null;
  }

  /** `GET /api/v1/intake/referrals`: the association's id and its referrals. */
  list() {
    return this.api.request('GET', '/api/v1/intake/referrals');
  }

  /** Whether the text of a key file needs its passphrase. */
  static needsPassphrase(text) {
    return needsPassphrase(text);
  }

  /**
   * Loads the association's key pair from a key file's text; a {@link OpenError} that says why not.
   * @returns {Promise<{keyId: string, digits: string}>}
   */
  async loadKey(text, passphrase) {
    try {
      const pair = await unlockAssociationKeyFile(readAssociationKeyFile(text), passphrase);
      const { keyId, digits } = await associationKeyFingerprint(pair.publicKey);
      this.key = { pair, keyId, digits };
      return { keyId, digits };
    } catch (e) {
      if (e instanceof KeyFileError) {
        throw new OpenError(`key.error.${e.reason}`, { detail: e.detail });
      }
      throw new OpenError('key.error.invalid', { detail: '' });
    }
  }

  forgetKey() {
    this.key = null;
  }

  /**
   * Fetches a referral (`GET /api/v1/intake/referrals/{id}`) and opens it with the loaded key.
   * @returns {Promise<{referral: object, form: object}>}
   */
  async open(id) {
    if (!this.key) {
      throw new OpenError('open.noKey');
    }
    const referral = await this.api.request('GET', `/api/v1/intake/referrals/${encodeURIComponent(id)}`);
    if (referral.keyId !== this.key.keyId) {
      throw new OpenError('open.otherKey', { keyId: referral.keyId });
    }
    try {
      const { content } = await openReferral({
        sealed: fromBase64url(referral.sealed), recipient: this.key.pair, associationId: referral.association,
        formVersion: referral.formVersion ?? 1, referralId: referral.id,
      });
      return { referral, form: content };
    } catch (e) {
      if (e instanceof CryptoError && e.reason !== Reason.UNSUPPORTED_VERSION) {
        throw new OpenError('open.altered');
      }
      throw new OpenError('open.unsupported');
    }
  }

  /** `POST …/acknowledge`, `…/accept` or `…/decline`: the new status. */
  async act(id, action) {
    const answer = await this.api.request('POST', `/api/v1/intake/referrals/${encodeURIComponent(id)}/${action}`);
    return answer.status;
  }
}
