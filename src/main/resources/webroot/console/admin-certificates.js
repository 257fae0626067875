/**
 * Worker certificate signing in the admin's browser: the organisation key file is read from disk into this page
 * (never uploaded), checked against the organisation the server trusts, and each pending request is signed here
 * and uploaded as a certificate (`PUT /api/v1/staff/{id}/certificate`).
 */
import { field, showProblem } from './admin-common.js';
import { announce, clearText, el, setText, show } from './dom.js';
import { formatDate, formatDateTime } from './i18n.js';
import { KeyFileError, readKeyFile, unlockKeyFile } from '../lib/key-file.js';
import { equal, fromBase64url, signCertificate, toBase64url, toHex } from '../lib/index.js';

const DAY = 24 * 3600;
/** Five minutes back, so a server clock slightly behind the admin's does not find the certificate "not valid yet". */
const SKEW_SECONDS = 300;
const VALIDITY_DAYS = [30, 60, 90];

export class CertificatesAdmin {
  /**
   * @param {import('./api.js').Api} api
   * @param {HTMLElement} panel
   * @param {{key: {orgId: string, privateKey: CryptoKey} | null}} keyHolder the loaded key, kept across tabs
   */
  constructor(api, panel, keyHolder) {
    this.api = api;
    this.panel = panel;
    this.keyHolder = keyHolder;
    this.org = null;
    this.file = null;
  }

  start() {
    this.fileInput = el('input', { attrs: { type: 'file', accept: '.json,application/json' },
      on: { change: () => this.readFile() } });
    this.passphrase = el('input', { attrs: { type: 'password', autocomplete: 'off' } });
    this.unlockForm = el('form', { className: 'unlock', attrs: { hidden: true },
      on: { submit: (e) => { e.preventDefault(); this.unlock(); } } },
    el('p', { i18n: 'admin.certificates.sealed' }),
    field('admin.certificates.passphrase', this.passphrase),
    el('p', { className: 'hint', i18n: 'admin.certificates.sealedSlow' }),
    el('p', {}, el('button', { attrs: { type: 'submit' }, className: 'primary', i18n: 'admin.certificates.unlock' })));
    this.keyStatus = el('p', { className: 'notice key-status', attrs: { role: 'status' } });
    this.keyError = el('p', { className: 'error', attrs: { role: 'alert' } });
    this.forget = el('button', { attrs: { type: 'button', hidden: true }, i18n: 'admin.certificates.forget',
      on: { click: () => this.forgetKey() } });
    this.status = el('p', { className: 'notice sign-status', attrs: { role: 'status' } });
    this.list = el('tbody');
    this.validity = el('select', {}, ...VALIDITY_DAYS.map((d) => el('option', { attrs: { value: d },
      i18n: 'admin.certificates.days', params: { days: d } })));
    this.panel.append(
      el('h2', { i18n: 'admin.certificates.heading' }),
      el('p', { i18n: 'admin.certificates.intro' }),
      el('section', { className: 'key-box', attrs: { 'aria-labelledby': 'key-heading' } },
        el('h3', { attrs: { id: 'key-heading' }, i18n: 'admin.certificates.keyHeading' }),
        field('admin.certificates.file', this.fileInput, 'admin.certificates.fileHint'),
        this.unlockForm, this.keyStatus, this.keyError, this.forget),
      el('section', { attrs: { 'aria-labelledby': 'requests-heading' } },
        el('h3', { attrs: { id: 'requests-heading' }, i18n: 'admin.certificates.requestsHeading' }),
        field('admin.certificates.validity', this.validity),
        this.status,
        this.table = el('table', { className: 'requests-table' },
          el('caption', { className: 'visually-hidden', i18n: 'admin.certificates.requestsHeading' }),
          el('thead', {}, el('tr', {}, ...['worker', 'requested', 'keys', 'actions'].map((c) => el('th', {
            attrs: { scope: 'col' }, i18n: `admin.certificates.column.${c}` })))),
          this.list),
        el('p', { className: 'empty', attrs: { id: 'requests-empty', hidden: true },
          i18n: 'admin.certificates.none' }),
        el('button', { attrs: { type: 'button' }, i18n: 'common.refresh', on: { click: () => this.load() } })));
    this.renderKey();
    this.load();
  }

  async load() {
    try {
      this.org = await this.api.organisation();
      this.requests = (await this.api.request('GET', '/api/v1/certificate-requests')).requests;
      this.renderRequests();
    } catch (e) {
      showProblem(this.status, e);
    }
  }

  async readFile() {
    clearText(this.keyError);
    const chosen = this.fileInput.files?.[0];
    this.file = null;
    show(this.unlockForm, false);
    if (!chosen) {
      return;
    }
    try {
      const file = readKeyFile(await chosen.text());
      if (this.org && (file.orgId !== this.org.orgId || !equal(file.publicKey, this.org.rootPublicKey))) {
        throw new KeyFileError('otherOrganisation', file.orgId);
      }
      if (file.encrypted) {
        this.file = file;
        show(this.unlockForm, true);
        this.passphrase.focus();
      } else {
        await this.keep(file, await unlockKeyFile(file));
      }
    } catch (e) {
      this.keyFailed(e);
    } finally {
      // The file input would keep the file (and so the key) reachable from the page: empty it.
      this.fileInput.value = '';
    }
  }

  async unlock() {
    clearText(this.keyError);
    const passphrase = this.passphrase.value;
    this.passphrase.value = '';
    setText(this.keyStatus, 'admin.certificates.unlocking');
    try {
      await this.keep(this.file, await unlockKeyFile(this.file, passphrase));
      show(this.unlockForm, false);
      this.file = null;
    } catch (e) {
      clearText(this.keyStatus);
      this.keyFailed(e);
    }
  }

  async keep(file, privateKey) {
    this.keyHolder.key = { orgId: file.orgId, privateKey };
    this.renderKey();
    this.renderRequests();
    announce('admin.certificates.loaded', { orgId: file.orgId });
  }

  keyFailed(e) {
    const reason = e instanceof KeyFileError ? e.reason : 'invalid';
    setText(this.keyError, `admin.certificates.error.${reason}`, { detail: e.detail ?? '' });
  }

  forgetKey() {
    this.keyHolder.key = null;
    this.renderKey();
    this.renderRequests();
  }

  renderKey() {
    const key = this.keyHolder.key;
    if (key) {
      setText(this.keyStatus, 'admin.certificates.loaded', { orgId: key.orgId });
    } else {
      setText(this.keyStatus, 'admin.certificates.noKey');
    }
    this.forget.hidden = !key;
  }

  renderRequests() {
    if (!this.requests) {
      return;
    }
    this.list.replaceChildren(...this.requests.map((r) => el('tr', { attrs: { 'data-worker': r.workerId } },
      el('td', { text: r.pseudonym }),
      el('td', { text: formatDateTime(new Date(r.requestedAt)) }),
      el('td', { className: 'fingerprint', text: `${fingerprint(r.dhKey)} · ${fingerprint(r.signingKey)}` }),
      el('td', {}, el('button', { attrs: { type: 'button', disabled: !this.keyHolder.key, 'data-sign': r.workerId },
        className: 'primary', i18n: 'admin.certificates.sign', params: { pseudonym: r.pseudonym },
        on: { click: (e) => this.sign(r, e.target) } })))));
    show(document.getElementById('requests-empty'), this.requests.length === 0);
    show(this.table, this.requests.length > 0);
  }

  async sign(request, button) {
    button.disabled = true;
    clearText(this.status);
    try {
      const notBefore = Math.floor(Date.now() / 1000) - SKEW_SECONDS;
      const certificate = await signCertificate({
        orgId: this.keyHolder.key.orgId, workerId: request.workerId, pseudonym: request.pseudonym,
        identityDhKey: fromBase64url(request.dhKey), identitySigningKey: fromBase64url(request.signingKey),
        notBefore, notAfter: notBefore + Number(this.validity.value) * DAY,
      }, this.keyHolder.key.privateKey);
      const answer = await this.api.request('PUT', `/api/v1/staff/${encodeURIComponent(request.workerId)}/certificate`,
        { certificate: toBase64url(certificate) });
      this.requests = this.requests.filter((r) => r !== request);
      this.renderRequests();
      setText(this.status, 'admin.certificates.signed', { pseudonym: answer.pseudonym,
        until: formatDate(new Date(answer.notAfter)) });
    } catch (e) {
      if (e.code) {
        showProblem(this.status, e);
      } else {
        setText(this.status, 'admin.certificates.error.sign', { detail: e.reason ?? e.message });
      }
      button.disabled = false;
    }
  }

  stop() {}
}

/** The first bytes of a key in hex, as the worker's console shows them, for the admin to compare. */
function fingerprint(key) {
  return toHex(fromBase64url(key).subarray(0, 4));
}
