/**
 * The worker's WebSocket (`/ws/worker`, docs/protocol.md 4): authenticates with the first frame (never in the URL),
 * hands every frame to the console, and reconnects by itself with a growing delay, or at once when the browser says
 * the network is back (the window's `online` event). After a reconnect the server sends `ready` again and re-delivers
 * everything not acknowledged.
 */

const DELAYS_MS = [500, 1000, 2000, 5000, 10000];
// Refusals of the authentication that another attempt would only repeat.
const FATAL = new Set(['account_disabled', 'forbidden', 'auth_failed']);

/** One worker's connection, kept up until {@link WorkerSocket#close}. */
export class WorkerSocket {
  /**
   * @param {import('./api.js').Api} api for a fresh access token at each (re)connection
   * @param {(frame: object) => void} onFrame every frame from the server, in order
   * @param {(connected: boolean) => void} onStatus told when the socket is authenticated or lost
   */
  constructor(api, onFrame, onStatus) {
    this.api = api;
    this.onFrame = onFrame;
    this.onStatus = onStatus;
    this.ws = null;
    this.ready = false;
    this.closed = false;
    this.attempt = 0;
    this.retryTimer = null;
    this.onOnline = () => this.reconnectNow();
    window.addEventListener('online', this.onOnline);
  }

  connect() {
    if (this.closed) {
      return;
    }
    clearTimeout(this.retryTimer);
    const url = new URL('/ws/worker', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onopen = async () => {
      try {
        ws.send(JSON.stringify({ type: 'auth', token: await this.api.accessToken() }));
      } catch {
        ws.close();
      }
    };
    ws.onmessage = (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame.type === 'ready') {
        this.ready = true;
        this.attempt = 0;
        this.onStatus(true);
      }
      if (frame.type === 'shutdown') {
        this.attempt = 0;
      }
      if (frame.type === 'error' && !this.ready) {
        if (frame.code === 'token_expired') {
          this.api.refresh().catch(() => {});
        } else if (FATAL.has(frame.code)) {
          this.close();
        }
      }
      this.onFrame(frame);
    };
    ws.onclose = () => {
      if (this.ws !== ws) {
        return;
      }
      const wasReady = this.ready;
      this.ready = false;
      if (wasReady) {
        this.onStatus(false);
      }
      this.scheduleReconnect();
    };
  }

  scheduleReconnect() {
    if (this.closed) {
      return;
    }
    const delay = DELAYS_MS[Math.min(this.attempt, DELAYS_MS.length - 1)];
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  /**
   * The network is back: an attempt now rather than at the end of the current delay, which starts again from the
   * shortest. An authenticated socket is kept; one still trying (maybe on the network that went) is dropped.
   */
  reconnectNow() {
    if (this.closed || this.ready) {
      return;
    }
    this.attempt = 0;
    const stale = this.ws;
    this.ws = null;
    stale?.close();
    this.connect();
  }

  /**
   * Sends a frame if the socket is authenticated; false otherwise (the caller keeps what must be resent).
   * @param {object} frame
   * @returns {boolean}
   */
  send(frame) {
    if (!this.ready || this.ws?.readyState !== WebSocket.OPEN) {
      return false;
    }
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  /** Closes for good (logout): no reconnect. */
  close() {
    this.closed = true;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.retryTimer);
    this.ready = false;
    if (this.ws) {
      const ws = this.ws;
      this.ws = null;
      ws.close(1000);
    }
  }
}
