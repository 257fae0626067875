/**
 * The worker's screen: certificate status, availability, the queue with its metadata, push offers with their
 * countdown, and the conversations side by side with their unread counts.
 */
import { ChatPanel } from './chat-view.js';
import { confirmDialog } from './confirm.js';
import { Credentials } from './credentials.js';
import { LettersView } from './letters-view.js';
import { announce, clearText, duration, el, setAttr, setText, show } from './dom.js';
import { formatDate, languageName, onLanguageChange } from './i18n.js';
import { Secure } from './secure.js';
import { closeReferralDialog, consentChanged, openReferralDialog } from './referral-dialog.js';
import { ReferralList } from './referral-list.js';
import { openTransferDialog } from './transfer-dialog.js';
import { WorkerConsole } from './worker.js';
import { randomId } from './conversation.js';
import { toHex } from '../lib/index.js';

const $ = (id) => document.getElementById(id);

/** Everything a logged-in worker sees and does. */
export class WorkerView {
  /**
   * @param {import('./api.js').Api} api
   * @param {import('./alerts.js').Alerts} alerts
   */
  constructor(api, alerts) {
    this.api = api;
    this.alerts = alerts;
    this.credentials = new Credentials(api, api.session.staffId);
    this.secure = new Secure(this.credentials, api);
    this.console = new WorkerConsole(api, this.secure, this.callbacks());
    this.letters = new LettersView(api, this.credentials, alerts, () => this.refreshAttention());
    this.referrals = new ReferralList(api);
    this.panels = new Map();
    this.tabs = new Map();
    this.rows = new Map();
    this.offerItems = new Map();
    this.canned = [];
    /** Entries that appeared since the worker last looked at the queue. */
    this.newVisitors = new Set();
    this.connected = false;
    this.ticker = null;
  }

  async start() {
    show($('worker-view'), true);
    show($('worker-tools'), true);
    this.bindTools();
    this.credentials.onChange(() => this.renderCredentials());
    this.renderCredentials();
    this.loadCanned();
    this.ticker = setInterval(() => this.tick(), 1000);
    this.beforeUnload = (event) => {
      if (this.console.openConversations.length > 0) {
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', this.beforeUnload);
    onLanguageChange(() => this.refreshAttention());
    this.watchOtherTabs();
    this.console.start();
    this.letters.start();
    $('worker-view').append(this.referrals.root);
    this.referrals.start();
    await this.credentials.start();
  }

  /**
   * A conversation's keys live in the tab that took it: a second console of the same worker in this browser would
   * see conversations it cannot read. Both tabs say so (BroadcastChannel stays within this browser).
   */
  watchOtherTabs() {
    if (typeof BroadcastChannel !== 'function') {
      return;
    }
    this.tabs$ = new BroadcastChannel(`passerelle-console-${this.api.session.staffId}`);
    this.tabs$.onmessage = (event) => {
      if (event.data === 'here') {
        this.tabs$.postMessage('also-here');
      }
      this.banner('alert.otherTab');
    };
    this.tabs$.postMessage('here');
  }

  /** Leaves the screen: the socket closes, and the conversations' keys are dropped with the page's memory. */
  stop() {
    this.tabs$?.close();
    clearInterval(this.ticker);
    window.removeEventListener('beforeunload', this.beforeUnload);
    this.credentials.stop();
    this.console.stop();
    this.letters.stop();
    this.referrals.stop();
    this.referrals.root.remove();
    closeReferralDialog();
    show($('worker-view'), false);
    show($('worker-tools'), false);
    $('chat-grid').replaceChildren();
    $('chat-tabs').replaceChildren();
    $('queue-list').replaceChildren();
    $('offer-list').replaceChildren();
    clearText($('credentials'));
    $('credentials').replaceChildren();
    this.alerts.setCount(0);
  }

  bindTools() {
    const presence = $('presence-toggle');
    presence.onclick = async () => {
      presence.disabled = true;
      try {
        await this.console.setAvailable(this.console.status !== 'available');
      } catch (e) {
        this.banner('alert.failed', { reason: e.code ?? 'internal' });
      } finally {
        this.renderPresence();
      }
    };
    const sound = $('sound-toggle');
    sound.onclick = () => {
      this.alerts.sound = !this.alerts.sound;
      sound.setAttribute('aria-pressed', String(this.alerts.sound));
    };
    $('notify-button').onclick = async () => {
      const granted = await this.alerts.allowNotifications();
      setText($('notify-button'), granted ? 'alerts.notificationsOn' : 'alerts.notifications');
    };
    $('queue-panel').addEventListener('focusin', () => this.seenQueue());
  }

  async loadCanned() {
    try {
      this.canned = (await this.api.request('GET', '/api/v1/canned-replies')).replies;
      this.panels.forEach((panel) => panel.renderCanned());
    } catch {
      this.canned = [];
    }
  }

  // ---- credentials -------------------------------------------------------------------------------------------

  renderCredentials() {
    const box = $('credentials');
    const c = this.credentials;
    box.dataset.state = c.state;
    const parts = [];
    if (c.state === 'checking') {
      parts.push(el('p', { i18n: 'credentials.checking' }));
    } else if (c.state === 'ready') {
      parts.push(el('p', { i18n: 'credentials.ready', params: {
        until: formatDate(new Date(Number(c.parsed.notAfter) * 1000)) } }));
      if (c.renewalRequested) {
        parts.push(el('p', { i18n: 'credentials.renewal' }));
      }
    } else if (c.state === 'pending') {
      parts.push(el('p', { i18n: c.keysCreated ? 'credentials.keysCreated' : 'credentials.keysKept' }),
        el('p', { i18n: 'credentials.pending' }),
        el('p', { className: 'fingerprint', i18n: 'credentials.fingerprint', params: {
          fingerprint: `${toHex(c.identity.dh.publicKey.subarray(0, 4))} · ${toHex(c.identity.signing.publicKey
            .subarray(0, 4))}` } }),
        el('p', { className: 'actions' },
          el('button', { attrs: { type: 'button', id: 'check-certificate' }, i18n: 'credentials.checkNow',
            on: { click: () => c.checkNow() } }),
          c.demo ? el('button', { attrs: { type: 'button', id: 'demo-certificate' }, className: 'demo',
            i18n: 'credentials.demo', on: { click: () => c.signOnDemoServer() } }) : null),
        c.demo ? el('p', { className: 'hint', i18n: 'credentials.demoHint' }) : null);
    } else {
      parts.push(el('p', { className: 'error', i18n: 'credentials.failed', params: {
        reason: c.error?.code ?? c.error?.reason ?? 'internal' } }),
      el('button', { attrs: { type: 'button' }, i18n: 'common.retry', on: { click: () => c.start() } }));
    }
    box.replaceChildren(...parts);
    this.renderPresence();
    this.panels.forEach((panel) => panel.render());
  }

  renderPresence() {
    const button = $('presence-toggle');
    const available = this.console.status === 'available';
    button.setAttribute('aria-pressed', String(available));
    button.dataset.status = available ? 'available' : 'away';
    setText(button, available ? 'presence.available' : 'presence.away');
    // Without a certificate this browser cannot encrypt: better not be offered anyone.
    button.disabled = !this.connected || (this.credentials.state !== 'ready' && !available);
  }

  // ---- socket callbacks --------------------------------------------------------------------------------------

  callbacks() {
    return {
      connection: (connected) => {
        this.connected = connected;
        setText($('connection'), connected ? 'connection.online' : 'connection.offline');
        $('connection').dataset.online = String(connected);
        this.renderPresence();
      },
      ready: () => this.renderPresence(),
      presence: () => this.renderPresence(),
      queue: (listing) => this.renderQueue(listing),
      offer: (offer) => this.addOffer(offer),
      offerGone: (entry) => this.removeOffer(entry),
      added: (conversation) => this.addConversation(conversation),
      changed: (conversation) => this.conversationChanged(conversation),
      message: (conversation, message) => this.onMessage(conversation, message),
      messageChanged: (conversation, message) => this.panels.get(conversation.id)?.update(message),
      consent: (conversation, request) => consentChanged(conversation, request),
      newVisitors: (entries) => {
        entries.forEach((entry) => this.newVisitors.add(entry));
        if (this.freshVisitors() > 0) {
          this.alerts.ring('visitor');
          this.banner('alert.newVisitors', { count: this.freshVisitors() });
        }
        this.refreshAttention();
      },
      failed: (code) => {
        if (code === 'account_disabled' || (!this.connected && (code === 'auth_failed' || code === 'forbidden'))) {
          // The server will not take this session any more: back to the login form, with the reason.
          this.api.forget();
          this.api.onSessionEnd(code === 'account_disabled' ? 'disabled' : 'expired');
        } else {
          this.banner('alert.failed', { reason: code });
        }
      },
    };
  }

  banner(key, params) {
    const banner = $('alert-banner');
    this.bannerKey = key;
    setText(banner, key, params);
    show(banner, true);
  }

  seenQueue() {
    if (this.newVisitors.size > 0) {
      this.newVisitors.clear();
      this.refreshAttention();
    }
  }

  /** New visitors still waiting and not offered to this worker (an offer counts on its own). */
  freshVisitors() {
    const waiting = new Set((this.console.listing?.entries ?? []).map((e) => e.entry));
    return [...this.newVisitors].filter((id) => waiting.has(id) && !this.console.offers.has(id)).length;
  }

  /** The tab title's count: offers, unread messages, new visitors. Counts only, never content. */
  refreshAttention() {
    let unread = 0;
    this.console.conversations.forEach((c) => { unread += c.unread; });
    const fresh = this.freshVisitors();
    this.alerts.setCount(this.console.offers.size + unread + fresh + this.letters.awaiting);
    if (this.bannerKey === 'alert.newVisitors') {
      // The count follows the queue: people taken by colleagues or gone are no longer new.
      if (fresh === 0) {
        show($('alert-banner'), false);
        this.bannerKey = null;
      } else {
        setText($('alert-banner'), 'alert.newVisitors', { count: fresh });
      }
    }
  }

  // ---- queue -------------------------------------------------------------------------------------------------

  renderQueue(listing) {
    setText($('queue-summary'), 'queue.summary', {
      waiting: listing.waiting, eligible: listing.eligible, active: listing.me.active, capacity: listing.me.capacity,
    });
    const list = $('queue-list');
    const ids = new Set(listing.entries.map((e) => e.entry));
    for (const [id, row] of this.rows) {
      if (!ids.has(id)) {
        row.item.remove();
        this.rows.delete(id);
      }
    }
    listing.entries.forEach((entry, index) => {
      let row = this.rows.get(entry.entry);
      if (!row) {
        row = this.queueRow(entry);
        this.rows.set(entry.entry, row);
      }
      this.fillRow(row, entry);
      if (list.children[index] !== row.item) {
        list.insertBefore(row.item, list.children[index] ?? null);
      }
    });
    show($('queue-empty'), listing.entries.length === 0);
    this.refreshAttention();
  }

  queueRow(entry) {
    const row = {
      languages: el('span', { className: 'languages' }),
      badges: el('span', { className: 'badges' }),
      wait: el('span', { className: 'wait' }),
      topic: el('span', { className: 'topic' }),
      match: el('span', { className: 'match' }),
      accept: el('button', { attrs: { type: 'button' }, className: 'accept', i18n: 'queue.accept',
        on: { click: () => this.accept(entry.entry, row.accept) } }),
    };
    row.item = el('li', { className: 'entry', attrs: { 'data-entry': entry.entry } },
      el('p', { className: 'entry-line' }, row.languages, row.badges),
      el('p', { className: 'entry-line' }, row.wait, row.match), row.topic, row.accept);
    return row;
  }

  fillRow(row, entry) {
    row.item.dataset.priority = String(entry.priority);
    row.item.dataset.eligible = String(entry.eligible);
    row.languages.textContent = entry.languages.map(languageName).join(', ');
    row.badges.replaceChildren(...entry.flags.map((flag) => el('span', { className: `badge flag-${flag}`,
      i18n: `flag.${flag}` })), entry.offeredToMe ? el('span', { className: 'badge offered', i18n: 'queue.offered' })
      : '');
    setText(row.wait, 'queue.waiting', { time: duration(entry.waitingSeconds) });
    setText(row.match, entry.eligible ? (entry.languageMatch ? 'queue.languageMatch' : 'queue.fallback')
      : 'queue.notEligible');
    show(row.topic, Boolean(entry.topic));
    if (entry.topic) {
      setText(row.topic, 'queue.topic', { topic: entry.topic });
    }
    const pushOnly = this.console.mode === 'push' && !entry.offeredToMe;
    row.accept.disabled = !entry.eligible || pushOnly || this.credentials.state !== 'ready';
    setAttr(row.accept, 'aria-label', 'queue.acceptLabel', {
      languages: entry.languages.map(languageName).join(', '), time: duration(entry.waitingSeconds) });
  }

  async accept(entry, button) {
    button.disabled = true;
    try {
      await this.console.accept(entry);
      this.seenQueue();
    } catch (e) {
      this.banner('alert.acceptFailed', { reason: e.code ?? 'internal' });
      button.disabled = false;
    }
  }

  // ---- offers ------------------------------------------------------------------------------------------------

  addOffer(offer) {
    this.removeOffer(offer.entry, false);
    const countdown = el('span', { className: 'countdown', attrs: { role: 'timer' } });
    const item = el('li', { className: 'offer', attrs: { 'data-entry': offer.entry } },
      el('p', { className: 'offer-title', i18n: 'offers.title' }),
      el('p', {}, el('span', { className: 'languages', text: offer.languages.map(languageName).join(', ') }),
        ...offer.flags.map((flag) => el('span', { className: `badge flag-${flag}`, i18n: `flag.${flag}` }))),
      el('p', { i18n: 'queue.waiting', params: { time: duration(offer.waitingSeconds) } }),
      offer.topic ? el('p', { className: 'topic', i18n: 'queue.topic', params: { topic: offer.topic } }) : null,
      countdown,
      el('p', { className: 'actions' },
        el('button', { attrs: { type: 'button' }, className: 'primary offer-accept', i18n: 'offers.accept',
          on: { click: (e) => this.answerOffer(offer.entry, true, e.target) } }),
        el('button', { attrs: { type: 'button' }, className: 'offer-decline', i18n: 'offers.decline',
          on: { click: (e) => this.answerOffer(offer.entry, false, e.target) } })));
    this.offerItems.set(offer.entry, { item, countdown, offer });
    $('offer-list').append(item);
    show($('offers'), true);
    this.tickOffer(this.offerItems.get(offer.entry));
    this.alerts.ring('offer');
    announce('offers.announce');
    this.refreshAttention();
  }

  removeOffer(entry, refresh = true) {
    const shown = this.offerItems.get(entry);
    if (shown) {
      shown.item.remove();
      this.offerItems.delete(entry);
    }
    show($('offers'), this.offerItems.size > 0);
    if (refresh) {
      this.refreshAttention();
    }
  }

  async answerOffer(entry, accept, button) {
    button.disabled = true;
    try {
      await (accept ? this.console.accept(entry) : this.console.decline(entry));
    } catch (e) {
      this.banner('alert.acceptFailed', { reason: e.code ?? 'internal' });
      button.disabled = false;
    }
  }

  tickOffer(shown) {
    const left = Math.max(0, Math.ceil((shown.offer.expiresAt - Date.now()) / 1000));
    setText(shown.countdown, 'offers.countdown', { seconds: left });
  }

  tick() {
    this.console.expireOffers();
    this.offerItems.forEach((shown) => this.tickOffer(shown));
  }

  // ---- conversations -----------------------------------------------------------------------------------------

  addConversation(conversation) {
    const panel = new ChatPanel(conversation, {
      send: (text) => this.console.send(conversation, text).catch(() => {}),
      flag: (flag) => this.flag(conversation, flag),
      transfer: () => this.transfer(conversation),
      refer: () => this.refer(conversation),
      end: () => this.end(conversation),
      openNote: () => this.openNote(conversation),
      close: () => this.closeConversation(conversation),
      takeOver: () => this.console.takeOver(conversation).catch(() => {}),
      focus: () => {
        this.console.markRead(conversation);
      },
    }, () => this.canned);
    this.panels.set(conversation.id, panel);
    $('chat-grid').append(panel.root);
    const badge = el('span', { className: 'unread', attrs: { hidden: true } });
    const tab = el('button', { attrs: { type: 'button', 'aria-controls': panel.root.id }, className: 'chat-tab',
      on: { click: () => panel.focusComposer() } }, el('span', { className: 'tab-label' }), badge);
    const item = el('li', { attrs: { 'data-conversation': conversation.id } }, tab);
    this.tabs.set(conversation.id, { item, tab, badge });
    $('chat-tabs').append(item);
    show($('chats-empty'), false);
    this.conversationChanged(conversation);
    announce('chat.announceNew', { label: conversation.label });
    this.alerts.ring('visitor');
  }

  conversationChanged(conversation) {
    this.panels.get(conversation.id)?.render();
    const tab = this.tabs.get(conversation.id);
    if (tab) {
      setText(tab.tab.firstChild, 'chat.tab', { label: conversation.label });
      tab.item.dataset.state = conversation.state;
      tab.item.dataset.priority = String(conversation.priority);
      tab.badge.hidden = conversation.unread === 0;
      tab.badge.textContent = String(conversation.unread);
      setAttr(tab.badge, 'aria-label', 'chat.unreadLabel', { count: conversation.unread });
    }
    this.refreshAttention();
  }

  onMessage(conversation, message) {
    const panel = this.panels.get(conversation.id);
    panel?.append(message);
    if (message.from === 'visitor') {
      if (panel?.hasFocus() && !document.hidden) {
        this.console.markRead(conversation);
      } else {
        this.alerts.ring('message');
      }
    }
    this.conversationChanged(conversation);
  }

  async flag(conversation, flag) {
    const confirmed = await confirmDialog({ title: `flag.${flag}.confirmTitle`, text: `flag.${flag}.confirmText`,
      ok: `flag.${flag}.action` });
    if (!confirmed) {
      return;
    }
    try {
      await this.console.flag(conversation, flag);
      this.panels.get(conversation.id)?.announceFlag(flag);
    } catch (e) {
      this.banner('alert.failed', { reason: e.code ?? 'internal' });
    }
  }

  transfer(conversation) {
    const colleagues = this.console.listing?.colleagues ?? [];
    openTransferDialog(conversation, colleagues, (to, note) => this.console.transfer(conversation, to, note));
  }

  /** "Refer to an association": the request goes to the visitor as a message of the conversation. */
  refer(conversation) {
    openReferralDialog(conversation, this.api, {
      ask: (json) => this.console.sendShown(conversation,
        { id: randomId(), from: 'system', key: 'referral.asked', at: new Date() }, json),
      sent: () => this.referrals.refresh(),
    });
  }

  async end(conversation) {
    const confirmed = await confirmDialog({ title: 'end.confirmTitle', text: 'end.confirmText', ok: 'chat.end',
      params: { label: conversation.label } });
    if (!confirmed) {
      return;
    }
    try {
      await this.console.end(conversation);
    } catch (e) {
      this.banner('alert.failed', { reason: e.code ?? 'internal' });
    }
  }

  async openNote(conversation) {
    try {
      await this.console.openNote(conversation);
    } catch (e) {
      this.panels.get(conversation.id)?.noteFailed(e.reason ?? e.code ?? 'internal');
    }
  }

  closeConversation(conversation) {
    this.console.close(conversation);
    this.panels.get(conversation.id)?.root.remove();
    this.panels.delete(conversation.id);
    this.tabs.get(conversation.id)?.item.remove();
    this.tabs.delete(conversation.id);
    show($('chats-empty'), this.panels.size === 0);
    this.refreshAttention();
    $('chats-heading').focus?.();
  }
}
