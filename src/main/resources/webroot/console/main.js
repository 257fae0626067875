/**
 * The worker console's entry point: language, login, and the screen for the account's role (the worker's console,
 * the admin views, or a pointer elsewhere for other roles). Logging out closes everything and forgets the tokens.
 */
import { AdminView } from './admin-view.js';
import { Alerts } from './alerts.js';
import { Api, ApiError } from './api.js';
import { confirmDialog } from './confirm.js';
import { clearText, el, setText, show } from './dom.js';
import { LANGUAGES, preferredLanguage, setLanguage, t } from './i18n.js';
import { WorkerView } from './worker-view.js';

const $ = (id) => document.getElementById(id);
const api = new Api();
const alerts = new Alerts();
let screen = null;

async function boot() {
  const select = $('language-select');
  for (const code of LANGUAGES) {
    select.append(el('option', { attrs: { value: code }, i18n: `app.languageName.${code}` }));
  }
  await setLanguage(preferredLanguage());
  select.value = preferredLanguage();
  select.onchange = () => setLanguage(select.value).then(() => alerts.refreshTitle());
  alerts.refreshTitle();
  $('login-form').addEventListener('submit', login);
  $('logout').onclick = () => logout(false);
  $('logout-everywhere').onclick = () => logout(true);
  api.onSessionEnd = (reason) => leave(reason === 'disabled' ? 'auth.error.account_disabled' : 'auth.expired');
  $('login-username').focus();
}

async function login(event) {
  event.preventDefault();
  const error = $('login-error');
  clearText(error);
  clearText($('login-notice'));
  const username = $('login-username').value.trim();
  const password = $('login-password').value;
  if (!username || !password) {
    setText(error, 'auth.missing');
    return;
  }
  $('login-submit').disabled = true;
  try {
    const session = await api.login(username, password);
    $('login-password').value = '';
    enter(session);
  } catch (e) {
    const code = e instanceof ApiError ? e.code : 'internal';
    const minutes = e.retryAfter ? Math.ceil(e.retryAfter / 60) : 1;
    setText(error, `auth.error.${['auth_failed', 'account_locked', 'account_disabled', 'rate_limited', 'network']
      .includes(code) ? code : 'other'}`, { minutes });
  } finally {
    $('login-submit').disabled = false;
  }
}

function enter(session) {
  show($('login-view'), false);
  show($('user-tools'), true);
  setText($('who'), 'auth.who', { pseudonym: session.pseudonym, role: t(`role.${session.role}`) });
  if (session.role === 'worker') {
    screen = new WorkerView(api, alerts);
  } else if (session.role === 'admin') {
    screen = new AdminView(api);
  } else {
    screen = null;
    show($('other-view'), true);
    setText($('other-text'), session.role === 'supervisor' ? 'other.supervisor' : 'other.intake');
  }
  screen?.start();
  $('main').focus();
}

async function logout(everywhere) {
  const open = screen instanceof WorkerView ? screen.console.openConversations.length : 0;
  const question = everywhere
    ? { title: 'auth.everywhereTitle', text: open > 0 ? 'auth.everywhereOpen' : 'auth.everywhereText',
      ok: 'auth.logoutEverywhere', params: { count: open } }
    : open > 0 ? { title: 'auth.logoutTitle', text: 'auth.logoutOpen', ok: 'auth.logout', params: { count: open } }
      : null;
  if (question && !(await confirmDialog(question))) {
    return;
  }
  await api.logout({ everywhere });
  leave(everywhere ? 'auth.loggedOutEverywhere' : 'auth.loggedOut');
}

/** Back to the login form, with every screen closed and nothing of the session left in memory. */
function leave(reasonKey) {
  screen?.stop();
  screen = null;
  show($('other-view'), false);
  show($('user-tools'), false);
  show($('alert-banner'), false);
  show($('login-view'), true);
  clearText($('login-error'));
  setText($('login-notice'), reasonKey);
  alerts.setCount(0);
  $('login-username').focus();
}

boot();
