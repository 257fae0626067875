package fr.passerelle.supervision;

import fr.passerelle.config.LimitsConfig;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffPrincipal;
import fr.passerelle.staff.TokenVerifier;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The supervisor feed on {@value #PATH}: authenticate with the first frame, then receive a load frame at once and
 * every second. Frames carry counts only.
 */
public final class SupervisorSocket {
  public static final String PATH = "/ws/supervisor";
  static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);
  static final Duration PERIOD = Duration.ofSeconds(1);
  static final short POLICY_VIOLATION = 1008;
  static final short MESSAGE_TOO_BIG = 1009;
  static final short INTERNAL_ERROR = 1011;
  private static final Set<Role> ALLOWED = Set.of(Role.SUPERVISOR, Role.ADMIN);

  private final Vertx vertx;
  private final TokenVerifier verifier;
  private final LimitsConfig limits;
  private final Duration authTimeout;
  private final LoadBroadcaster broadcaster;

  public SupervisorSocket(Vertx vertx, LoadSampler sampler, TokenVerifier verifier, LimitsConfig limits) {
    this(vertx, sampler, verifier, limits, AUTH_TIMEOUT);
  }

  SupervisorSocket(Vertx vertx, LoadSampler sampler, TokenVerifier verifier, LimitsConfig limits,
      Duration authTimeout) {
    this.vertx = vertx;
    this.verifier = verifier;
    this.limits = limits;
    this.authTimeout = authTimeout;
    this.broadcaster = new LoadBroadcaster(vertx, sampler, PERIOD);
  }

  /** Routes {@value #PATH} on the public router. */
  public void mount(Router router) {
    router.get(PATH).handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    ctx.request().toWebSocket().onSuccess(this::serve).onFailure(ctx::fail);
  }

  private void serve(ServerWebSocket ws) {
    Connection connection = new Connection(ws);
    long timer = vertx.setTimer(authTimeout.toMillis(), id -> connection.authTimedOut());
    ws.closeHandler(v -> {
      vertx.cancelTimer(timer);
      connection.closed();
    });
    ws.textMessageHandler(connection::onText);
    ws.binaryMessageHandler(buffer -> connection.fail(ErrorCode.BAD_JSON, Optional.empty()));
  }

  LoadBroadcaster broadcaster() {
    return broadcaster;
  }

  /** One supervisor's socket: waiting for its auth frame, verifying it, then subscribed to the load. */
  private final class Connection {
    private final ServerWebSocket ws;
    private volatile State state = State.AWAITING_AUTH; // read by the shared sampler's thread too
    private Optional<Runnable> unsubscribe = Optional.empty();
    private int errors;

    Connection(ServerWebSocket ws) {
      this.ws = ws;
    }

    void onText(String text) {
      if (text.getBytes(StandardCharsets.UTF_8).length > limits.maxFrameBytes()) {
        fail(ErrorCode.TOO_LARGE, Optional.of(MESSAGE_TOO_BIG));
        return;
      }
      JsonObject frame;
      try {
        frame = new JsonObject(text);
      } catch (RuntimeException e) {
        fail(ErrorCode.BAD_JSON, state == State.AWAITING_AUTH ? Optional.of(POLICY_VIOLATION) : Optional.empty());
        return;
      }
      String type = String.valueOf(frame.getValue("type"));
      if (state == State.AWAITING_AUTH) {
        authenticate(type, frame);
      } else if (state == State.READY && type.equals("ping")) {
        ws.writeTextMessage(new JsonObject().put("type", "pong").encode());
      } else if (state == State.READY) {
        fail(ErrorCode.UNKNOWN_TYPE, Optional.empty());
      }
    }

    private void authenticate(String type, JsonObject frame) {
      if (!type.equals("auth") || !(frame.getValue("token") instanceof String token)) {
        fail(ErrorCode.NOT_AUTHENTICATED, Optional.of(POLICY_VIOLATION));
        return;
      }
      state = State.VERIFYING;
      ws.pause(); // frames sent before the verdict wait for it instead of racing it
      verifier.verify(token).onComplete(result -> {
        ws.resume();
        if (state == State.CLOSED) {
          return;
        }
        if (result.failed()) {
          ErrorCode code = result.cause() instanceof ApiException api ? api.code() : ErrorCode.INTERNAL;
          fail(code, Optional.of(code == ErrorCode.INTERNAL ? INTERNAL_ERROR : POLICY_VIOLATION));
        } else if (!ALLOWED.contains(result.result().role())) {
          fail(ErrorCode.FORBIDDEN, Optional.of(POLICY_VIOLATION));
        } else {
          ready(result.result());
        }
      });
    }

    private void ready(StaffPrincipal principal) {
      state = State.READY;
      ws.writeTextMessage(new JsonObject().put("type", "ready").put("role", principal.role().wire()).encode());
      unsubscribe = Optional.of(broadcaster.subscribe(this::send));
    }

    /** A dashboard that cannot keep up skips a frame; the next one carries the whole state anyway. */
    private void send(LoadSnapshot snapshot) {
      if (state == State.READY && !ws.writeQueueFull()) {
        ws.writeTextMessage(new JsonObject().put("type", "load").mergeIn(snapshot.toJson()).encode());
      }
    }

    void authTimedOut() {
      if (state == State.AWAITING_AUTH || state == State.VERIFYING) {
        fail(ErrorCode.NOT_AUTHENTICATED, Optional.of(POLICY_VIOLATION));
      }
    }

    /** Sends an error frame; closes with {@code closeCode} if given, or after too many errors. */
    void fail(ErrorCode code, Optional<Short> closeCode) {
      if (state == State.CLOSED) {
        return;
      }
      ws.writeTextMessage(new JsonObject().put("type", "error").put("code", code.wire())
          .put("message", code.title()).encode());
      errors++;
      Optional<Short> close = closeCode.or(() -> errors >= limits.errorsBeforeClose()
          ? Optional.of(POLICY_VIOLATION) : Optional.empty());
      close.ifPresent(status -> {
        closed();
        ws.close(status, code.wire());
      });
    }

    void closed() {
      state = State.CLOSED;
      unsubscribe.ifPresent(Runnable::run);
      unsubscribe = Optional.empty();
    }
  }

  private enum State { AWAITING_AUTH, VERIFYING, READY, CLOSED }
}
