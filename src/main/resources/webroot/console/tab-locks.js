/**
 * Which tab of this console holds a conversation's ratchet: the one holding its Web Lock. A lock is released when
 * its tab closes, reloads or crashes, so a reloaded page finds it free; another tab may take it over (`steal`), and
 * the tab that lost it is told. Locks stay within this browser profile and origin.
 */

const PREFIX = 'passerelle-conversation-';

/** The conversation locks this tab holds. */
export class TabLocks {
  /** @param {(conversationId: string) => void} onLost told when another tab takes a conversation over */
  constructor(onLost) {
    this.onLost = onLost;
    /** Releases of the locks held, by conversation id. */
    this.held = new Map();
  }

  /** Whether this browser can tell tabs apart; without Web Locks every tab behaves as the only one. */
  static get supported() {
    return typeof navigator.locks?.request === 'function';
  }

  /**
   * Takes a conversation's lock if no other tab holds it, or from that tab with `takeOver`.
   * @param {string} conversationId
   * @param {boolean} [takeOver]
   * @returns {Promise<boolean>} whether this tab holds it now
   */
  hold(conversationId, takeOver = false) {
    if (this.held.has(conversationId)) {
      return Promise.resolve(true);
    }
    if (!TabLocks.supported) {
      this.held.set(conversationId, () => {});
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      let release;
      const kept = new Promise((r) => { release = r; });
      navigator.locks.request(PREFIX + conversationId, takeOver ? { steal: true } : { ifAvailable: true },
        (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          this.held.set(conversationId, release);
          resolve(true);
          return kept;
        }).catch(() => {
        // Stolen by another tab (an AbortError): the lock is no longer ours.
        if (this.held.get(conversationId) === release) {
          this.held.delete(conversationId);
          this.onLost(conversationId);
        }
        resolve(false);
      });
    });
  }

  /** Lets another tab (or a later page) take the conversation. */
  release(conversationId) {
    this.held.get(conversationId)?.();
    this.held.delete(conversationId);
  }

  /** Whether a conversation is free or held by this tab (not held by another tab of this browser). */
  async freeOrMine(conversationId) {
    if (this.held.has(conversationId) || !TabLocks.supported) {
      return true;
    }
    const { held } = await navigator.locks.query();
    return !held.some((lock) => lock.name === PREFIX + conversationId);
  }

  releaseAll() {
    [...this.held.keys()].forEach((id) => this.release(id));
  }
}
