/**
 * Alerts that reveal nothing: a short tone, a count in the tab title, and (if the worker allows it) a system
 * notification whose words are fixed ("someone is waiting"). Never a message text, a language or a topic: a title
 * or a notification can be seen over a shoulder or on a locked screen.
 */
import { t } from './i18n.js';

const BASE_TITLE_KEY = 'app.title';

/** The tab title and the alert sound and notifications of the page. */
export class Alerts {
  constructor() {
    this.sound = true;
    this.audio = null;
    this.count = 0;
  }

  /**
   * The number of things waiting for the worker (offers, unread messages, new visitors, mailboxes awaiting a reply),
   * shown as "(3)".
   */
  setCount(count) {
    this.count = count;
    this.refreshTitle();
  }

  refreshTitle() {
    const base = t(BASE_TITLE_KEY);
    document.title = this.count > 0 ? `(${this.count}) ${base}` : base;
  }

  /**
   * Rings (if sound is on) and notifies (if allowed and the page is hidden).
   * @param {'visitor' | 'offer' | 'message' | 'letter'} kind chooses the fixed wording, nothing else
   */
  ring(kind) {
    if (this.sound) {
      this.tone(kind === 'message' ? 660 : 880);
    }
    if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
      try {
        // Fixed words only; the tag replaces the previous notification instead of stacking them.
        new Notification(t('app.title'), { body: t(`notify.${kind}`), tag: 'passerelle-console', silent: true });
      } catch {
        // Some browsers allow notifications only from a service worker: the title count and the tone remain.
      }
    }
  }

  /** Asks the browser's permission to notify; returns whether it is granted. */
  async allowNotifications() {
    if (!('Notification' in window)) {
      return false;
    }
    return (await Notification.requestPermission()) === 'granted';
  }

  tone(frequency) {
    try {
      this.audio ??= new AudioContext();
      const oscillator = this.audio.createOscillator();
      const gain = this.audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.15, this.audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.0001, this.audio.currentTime + 0.4);
      oscillator.connect(gain).connect(this.audio.destination);
      oscillator.start();
      oscillator.stop(this.audio.currentTime + 0.4);
    } catch {
      // No audio output: the title and the on-screen alert still show.
    }
  }
}
