/**
 * The visitor's socket to the relay (docs/protocol.md sections 3, 6 and 10): authenticates with the session and its
 * secret, which stay in memory, and reconnects by itself with back-off until told to stop. Frames go to one handler
 * in arrival order.
 */
const BACKOFF_SECONDS = [1, 2, 4, 8, 15];
const PING_EVERY_MS = 25_000;
const PONG_WITHIN_MS = 10_000;
/** Frames after which the server will not take this session back on this socket, or at all. */
const FINAL = new Set(['superseded', 'erased']);

export class Connection {
  /**
   * @param {string} relay origin, such as `https://chat.example.org`
   * @param {{session: string, secret: string}} credentials
   * @param {{frame: (frame: object) => void, status: (status: 'online' | 'reconnecting' | 'closed') => void}} handlers
   */
  constructor(relay, credentials, handlers) {
    this.url = `${relay.replace(/^http/, 'ws')}/ws/visitor`;
    this.credentials = credentials;
    this.handlers = handlers;
    this.ws = null;
    this.ready = false;
    this.stopped = false;
    this.attempt = 0;
    this.retryTimer = null;
    this.pingTimer = null;
    this.pongTimer = null;
    this.retryAfterMs = null;
    this.onOnline = () => this.reconnectNow();
    window.addEventListener('online', this.onOnline);
  }

  start() {
    this.connect();
  }

  /**
   * Sends a frame if the socket is open and authenticated.
   * @returns {boolean} whether it was sent; the caller resends what matters after the next `ready`
   */
  send(frame) {
    if (!this.ready || this.ws?.readyState !== WebSocket.OPEN) {
      return false;
    }
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  /** Closes for good: no reconnect, credentials forgotten. */
  stop() {
    this.stopped = true;
    this.ready = false;
    clearTimeout(this.retryTimer);
    this.stopPings();
    window.removeEventListener('online', this.onOnline);
    if (this.ws && this.ws.readyState <= WebSocket.OPEN) {
      this.ws.close(1000);
    }
    this.ws = null;
    this.credentials = null;
  }

  /**
   * Quick exit on the server: `erase` on this socket, or on a new one if it is down; settles when the server says
   * `erased`, the socket closes, or `timeoutMs` passes, whichever comes first. Then stops.
   */
  erase(timeoutMs) {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.erasing = null;
        this.stop();
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.erasing = done;
      clearTimeout(this.retryTimer);
      if (this.ready) {
        this.send({ type: 'erase' });
      } else if (!this.ws || this.ws.readyState > WebSocket.OPEN) {
        this.connect(); // sends erase once authenticated
      }
    });
  }

  connect() {
    if (this.stopped) {
      return;
    }
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', ...this.credentials }));
    ws.onmessage = (event) => this.receive(ws, event.data);
    ws.onclose = () => this.closed(ws);
  }

  receive(ws, data) {
    if (ws !== this.ws) {
      return;
    }
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return; // the relay only sends JSON; anything else is not ours to act on
    }
    this.expectPongAgain();
    if (frame.type === 'ready') {
      this.ready = true;
      this.attempt = 0;
      this.startPings();
      if (this.erasing) {
        this.send({ type: 'erase' });
        return;
      }
      this.handlers.status('online');
    } else if (frame.type === 'shutdown') {
      this.retryAfterMs = 1000 * (Number(frame.retryAfterSeconds) || 1);
    } else if (frame.type === 'error' && !this.ready) {
      this.stopped = true; // refused before authentication: this session cannot be resumed
    } else if (FINAL.has(frame.type)) {
      this.stopped = true;
      if (frame.type === 'erased' && this.erasing) {
        this.erasing();
        return;
      }
    }
    if (!this.erasing) {
      this.handlers.frame(frame);
    }
  }

  closed(ws) {
    if (ws !== this.ws) {
      return;
    }
    this.ready = false;
    this.stopPings();
    if (this.erasing) {
      this.erasing();
      return;
    }
    if (this.stopped) {
      this.handlers.status('closed');
      return;
    }
    this.handlers.status('reconnecting');
    const base = this.retryAfterMs ?? 1000 * BACKOFF_SECONDS[Math.min(this.attempt, BACKOFF_SECONDS.length - 1)];
    this.retryAfterMs = null;
    this.attempt++;
    this.retryTimer = setTimeout(() => this.connect(), base * (1 + 0.3 * Math.random()));
  }

  /** The network came back: no need to wait for the back-off. */
  reconnectNow() {
    if (!this.stopped && !this.ready && this.ws?.readyState === WebSocket.CLOSED) {
      clearTimeout(this.retryTimer);
      this.connect();
    }
  }

  // A socket can die without a close event (a phone changing networks): a ping unanswered closes it.
  startPings() {
    this.stopPings();
    this.pingTimer = setInterval(() => {
      if (this.send({ type: 'ping' })) {
        this.pongTimer ??= setTimeout(() => this.ws?.close(), PONG_WITHIN_MS);
      }
    }, PING_EVERY_MS);
  }

  expectPongAgain() {
    clearTimeout(this.pongTimer);
    this.pongTimer = null;
  }

  stopPings() {
    clearInterval(this.pingTimer);
    this.expectPongAgain();
  }
}
