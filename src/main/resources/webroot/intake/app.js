/**
 * The intake page at `/intake/`: an intake officer logs in (role `intake`), loads their association's key file in
 * this browser, and opens, prints, acknowledges, accepts or declines the referrals sent to the association. Tokens,
 * the key and the decrypted forms stay in this page's memory; closing it forgets them.
 */
import { ApiError, call, StaffSession } from '../lib/staff-session.js';
import { formView } from './form-view.js';
import { clearText, el, formatDateTime, load, preferredLanguage, setText, translate } from './i18n.js';
import { Inbox, OpenError } from './inbox.js';

const $ = (id) => document.getElementById(id);

/** The intake officer's session: the shared staff session, with JSON requests that refresh an expired token. */
class IntakeSession extends StaffSession {
  async request(method, path, body) {
    try {
      return await call(method, path, await this.accessToken(), body);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'token_expired' && this.tokens) {
        await this.refresh();
        return call(method, path, this.tokens.accessToken, body);
      }
      throw e;
    }
  }
}

const session = new IntakeSession();
const inbox = new Inbox(session);
/** The referral on screen: its id, its status, and its decrypted form (in memory only). */
let shown = null;
/** In demo mode only: the demo association's key file, offered by the server to its intake officers. */
let demoKeyFile = null;

async function main() {
  $('language').value = await load(preferredLanguage());
  translate(document);
  $('language').onchange = async () => {
    await load($('language').value);
    translate(document);
  };
  $('login-form').onsubmit = (event) => { event.preventDefault(); login(); };
  $('logout').onclick = () => logout();
  $('key-file').onchange = () => keyFileChosen();
  $('key-form').onsubmit = (event) => { event.preventDefault(); useKey(); };
  $('key-forget').onclick = () => forgetKey();
  $('key-demo').onclick = () => useDemoKey();
  $('referral-print').onclick = () => window.print();
  $('referral-ack').onclick = () => act('acknowledge');
  $('referral-accept').onclick = () => act('accept');
  $('referral-decline').onclick = () => act('decline');
  $('referral-close').onclick = () => closeReferral();
  $('list-refresh').onclick = () => refresh();
  session.onEnd = () => ended();
}

async function login() {
  clearText($('login-error'));
  $('login-submit').disabled = true;
  try {
    const who = await session.login($('username').value, $('password').value);
    $('password').value = '';
    if (who.role !== 'intake') {
      await session.logout(({ refreshToken }) => ({ refreshToken }));
      setText($('login-error'), 'login.notIntake');
      return;
    }
    $('login').hidden = true;
    $('inbox').hidden = false;
    $('logout').hidden = false;
    await showAssociation();
    await offerDemoKey();
    await refresh();
    $('key-file').focus();
  } catch (e) {
    setText($('login-error'), `login.error.${e.code === 'auth_failed' || e.code === 'account_locked'
      || e.code === 'rate_limited' ? e.code : 'other'}`, { reason: e.code ?? 'network' });
  } finally {
    $('login-submit').disabled = false;
  }
}

async function showAssociation() {
  try {
    const mine = await session.request('GET', '/api/v1/associations/mine');
    setText($('association'), 'association.name', { name: mine.name });
  } catch {
    clearText($('association'));
  }
}

async function refresh() {
  clearText($('list-error'));
  try {
    const { referrals } = await inbox.list();
    const body = $('list-body');
    body.replaceChildren(...referrals.map((r) => el('tr', { attrs: { 'data-referral': r.id, 'data-status': r.status } },
      el('td', { text: formatDateTime(r.created) }),
      el('td', { text: r.expiresAt ? formatDateTime(r.expiresAt) : '' }),
      el('td', { i18n: `status.${r.status}` }),
      el('td', {}, r.status === 'sent'
        ? button('list.open', () => openReferral(r.id), { 'data-open': r.id })
        : el('span', { i18n: 'list.opened' })))));
    $('list-table').hidden = referrals.length === 0;
    $('list-empty').hidden = referrals.length > 0;
  } catch (e) {
    setText($('list-error'), 'list.failed', { reason: e.code ?? 'network' });
  }
}

function button(key, onclick, attrs = {}) {
  const node = el('button', { i18n: key, attrs: { type: 'button', ...attrs } });
  node.onclick = onclick;
  return node;
}

/** A demo node hands its demo association's key file to its intake officers: offer it, and nothing otherwise. */
async function offerDemoKey() {
  try {
    demoKeyFile = (await session.request('GET', '/api/v1/associations/mine/demo-key-file')).keyFile;
  } catch {
    demoKeyFile = null;
  }
  $('key-demo-row').hidden = !demoKeyFile;
}

async function useDemoKey() {
  try {
    const { keyId, digits } = await inbox.loadKey(demoKeyFile, '');
    setText($('key-status'), 'key.loaded', { keyId, digits });
    $('key-forget').hidden = false;
  } catch (e) {
    setText($('key-status'), e instanceof OpenError ? e.key : 'key.error.invalid', e.params ?? { detail: '' });
  }
}

async function keyFileChosen() {
  const file = $('key-file').files[0];
  $('passphrase-row').hidden = !(file && Inbox.needsPassphrase(await file.text()));
}

async function useKey() {
  const file = $('key-file').files[0];
  if (!file) {
    setText($('key-status'), 'key.choose');
    return;
  }
  setText($('key-status'), 'key.opening');
  $('key-submit').disabled = true;
  try {
    const { keyId, digits } = await inbox.loadKey(await file.text(), $('key-passphrase').value);
    setText($('key-status'), 'key.loaded', { keyId, digits });
    $('key-forget').hidden = false;
  } catch (e) {
    setText($('key-status'), e instanceof OpenError ? e.key : 'key.error.invalid', e.params ?? { detail: '' });
  } finally {
    $('key-passphrase').value = '';
    $('key-file').value = ''; // the file is read; the page keeps only the key, in memory
    $('passphrase-row').hidden = true;
    $('key-submit').disabled = false;
  }
}

function forgetKey() {
  inbox.forgetKey();
  $('key-forget').hidden = true;
  setText($('key-status'), 'key.forgotten');
}

async function openReferral(id) {
  clearText($('list-error'));
  try {
    const { referral, form } = await inbox.open(id);
    shown = { id, status: 'sent' };
    $('referral-form').replaceChildren(formView(form, referral, formatDateTime));
    clearText($('referral-status'));
    clearText($('referral-error'));
    renderActions();
    $('referral').hidden = false;
    $('referral-heading').focus();
  } catch (e) {
    const key = e instanceof OpenError ? e.key : e.code === 'gone' ? 'open.gone' : 'open.failed';
    setText($('list-error'), key, { reason: e.code ?? '', ...(e.params ?? {}) });
  }
}

async function act(action) {
  clearText($('referral-error'));
  try {
    shown.status = await inbox.act(shown.id, action);
    setText($('referral-status'), `status.done.${shown.status}`);
    renderActions();
    await refresh();
  } catch (e) {
    setText($('referral-error'), 'referral.failed', { reason: e.code ?? 'network' });
  }
}

function renderActions() {
  const acknowledged = shown.status !== 'sent';
  $('referral-warning').hidden = acknowledged;
  $('referral-ack').hidden = acknowledged;
  $('referral-accept').hidden = !acknowledged;
  $('referral-decline').hidden = !acknowledged;
  const decided = shown.status === 'accepted' || shown.status === 'declined';
  $('referral-accept').disabled = decided;
  $('referral-decline').disabled = decided;
}

function closeReferral() {
  shown = null;
  $('referral-form').replaceChildren(); // the decrypted form leaves the page
  $('referral').hidden = true;
  $('list-heading').focus?.();
}

function ended() {
  closeReferral();
  inbox.forgetKey();
  demoKeyFile = null;
  $('key-demo-row').hidden = true;
  $('inbox').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  setText($('login-error'), 'login.ended');
}

async function logout() {
  await session.logout(({ refreshToken }) => ({ refreshToken }));
  ended();
  clearText($('login-error'));
}

main();
