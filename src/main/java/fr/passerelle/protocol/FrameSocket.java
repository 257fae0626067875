package fr.passerelle.protocol;

import fr.passerelle.config.LimitsConfig;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A WebSocket speaking the Passerelle frame protocol: parses and validates each text frame, handles frames one
 * at a time in arrival order, answers failures with typed error frames, and closes a socket that keeps erring
 * or does not authenticate in time.
 */
public final class FrameSocket {
  private static final Logger LOG = Logger.getLogger(FrameSocket.class.getName());
  private static final int MAX_BACKLOG = 32;
  public static final short POLICY_VIOLATION = 1008;
  public static final short SERVICE_RESTART = 1012;

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final String kind;
  private final LimitsConfig limits;
  private final SocketRegistry sockets;
  private Future<Void> tail = Future.succeededFuture();
  private int backlog;
  private int errors;
  private boolean authenticated;
  private final Context context;
  private final Thread eventLoop;
  private volatile boolean closed;

  public FrameSocket(Vertx vertx, ServerWebSocket ws, String kind, LimitsConfig limits, SocketRegistry sockets) {
    this.vertx = vertx;
    this.ws = ws;
    this.kind = kind;
    this.limits = limits;
    this.sockets = sockets;
    this.context = vertx.getOrCreateContext();
    this.eventLoop = Thread.currentThread(); // created by the connection's handler, on its event loop
  }

  public String kind() {
    return kind;
  }

  /** Starts reading; {@code handler} gets every valid frame and returns when it is done with it. */
  public void start(Function<ClientFrame, Future<?>> handler, Runnable onClose) {
    sockets.add(this);
    long authTimer = vertx.setTimer(limits.authTimeout().toMillis(), id -> {
      if (!authenticated) {
        fail(new ApiException(ErrorCode.NOT_AUTHENTICATED, "authenticate with the first frame"), Optional.empty());
        close(POLICY_VIOLATION, "authentication timeout");
      }
    });
    ws.textMessageHandler(text -> enqueue(text, handler));
    ws.binaryMessageHandler(b -> fail(new ApiException(ErrorCode.BAD_JSON, "frames are JSON text"),
        Optional.empty()));
    ws.exceptionHandler(e -> LOG.log(Level.FINE, "websocket error: {0}", e.getClass().getSimpleName()));
    ws.closeHandler(v -> {
      closed = true;
      vertx.cancelTimer(authTimer);
      sockets.remove(this);
      onClose.run();
    });
  }

  private void enqueue(String text, Function<ClientFrame, Future<?>> handler) {
    if (++backlog > MAX_BACKLOG) {
      ws.pause();
    }
    tail = tail.transform(previous -> {
      if (closed) {
        return Future.succeededFuture(); // nothing more is done for a socket that has gone
      }
      Future<?> handled;
      try {
        handled = handler.apply(ClientFrame.parse(text, limits.maxFrameBytes()));
      } catch (RuntimeException e) {
        handled = Future.failedFuture(e);
      }
      return handled.<Void>transform(done -> {
        if (done.failed()) {
          fail(done.cause(), ref(text));
        }
        if (--backlog <= MAX_BACKLOG) {
          ws.resume();
        }
        return Future.succeededFuture();
      });
    });
  }

  /** Marks the socket authenticated (the auth timer then has nothing to do). */
  public void authenticated() {
    authenticated = true;
  }

  /** True when the client is not reading fast enough: frames that can be skipped should be. */
  public boolean congested() {
    return ws.writeQueueFull();
  }

  public boolean isAuthenticated() {
    return authenticated;
  }

  /** True once the socket closed, from either side: work still in flight for it should stop and undo. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Sends a frame. From another thread (the routing loop), the write is queued on this socket's own context, so
   * frames keep the order in which this socket's context produced them.
   */
  public void send(JsonObject frame) {
    if (Thread.currentThread() == eventLoop) {
      write(frame);
    } else {
      context.runOnContext(v -> write(frame));
    }
  }

  /** Runs {@code task} on this socket's context: where its own state may be read and written. */
  public void onContext(Runnable task) {
    context.runOnContext(v -> task.run());
  }

  private void write(JsonObject frame) {
    if (!closed) {
      ws.writeTextMessage(frame.encode());
    }
  }

  /** Sends a typed error frame; unexpected failures are logged by class only and reported as {@code internal}. */
  public void fail(Throwable cause, Optional<String> ref) {
    ApiException e = cause instanceof ApiException api ? api : ApiException.of(ErrorCode.INTERNAL);
    if (!(cause instanceof ApiException)) {
      LOG.log(Level.WARNING, "unexpected failure handling a " + kind + " frame: " + cause.getClass().getName());
    }
    sockets.countError(e.code().wire());
    send(ServerFrames.error(e, ref));
    if (!authenticated && e.code().status() != 429 && e.code().status() < 500) {
      close(POLICY_VIOLATION, "authentication failed");
    } else if (isAbuse(e.code()) && ++errors >= limits.errorsBeforeClose()) {
      close(POLICY_VIOLATION, "too many errors");
    }
  }

  /**
   * Malformed frames, failed authentication and rate limiting count towards closing the socket; races a
   * well-behaved client can meet (an entry just taken, a conversation just ended) do not.
   */
  private static boolean isAbuse(ErrorCode code) {
    int status = code.status();
    return status == 400 || status == 401 || status == 403 || status == 413 || status == 429;
  }

  /** Closes after every frame already sent; from another thread, on this socket's context like {@link #send}. */
  public Future<Void> close(short code, String reason) {
    if (Thread.currentThread() != eventLoop) {
      Promise<Void> closedThere = Promise.promise();
      context.runOnContext(v -> close(code, reason).onComplete(closedThere));
      return closedThere.future();
    }
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    return ws.close(code, reason);
  }

  Future<Void> shutdown(int retryAfterSeconds) {
    send(ServerFrames.of("shutdown").put("retryAfterSeconds", retryAfterSeconds));
    return close(SERVICE_RESTART, "server restarting");
  }

  /** The client's own id for the frame, when it gave one, so it can match an error to its request. */
  private static Optional<String> ref(String text) {
    try {
      return Optional.ofNullable(new JsonObject(text).getValue("id")).filter(String.class::isInstance)
          .map(String.class::cast).filter(s -> s.length() <= 64);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
