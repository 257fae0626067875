package fr.passerelle.supervision;

import fr.passerelle.config.LimitsConfig;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.protocol.ClientFrame;
import fr.passerelle.protocol.FrameSocket;
import fr.passerelle.protocol.ServerFrames;
import fr.passerelle.protocol.SocketRegistry;
import fr.passerelle.staff.AccountWatch;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffStore;
import fr.passerelle.staff.TokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The supervisor feed on {@value #PATH}: authenticate with the first frame, then receive the last hour of load (one
 * {@code history} frame), a {@code load} frame at once, and one every second. Frames carry counts only: no content,
 * no visitor or session ids.
 */
public final class SupervisorSocket {
  public static final String PATH = "/ws/supervisor";
  static final Duration PERIOD = Duration.ofSeconds(1);
  private static final Set<Role> ALLOWED = Set.of(Role.SUPERVISOR, Role.ADMIN);

  private final Vertx vertx;
  private final TokenVerifier verifier;
  private final LimitsConfig limits;
  private final SocketRegistry sockets;
  private final StaffStore staff;
  private final Duration recheck;
  private final LoadBroadcaster broadcaster;
  private final LoadHistory history;
  private final Clock clock;

  public SupervisorSocket(Vertx vertx, LoadSampler sampler, TokenVerifier verifier, LimitsConfig limits,
      SocketRegistry sockets, StaffStore staff, Duration recheck, Clock clock) {
    this.vertx = vertx;
    this.verifier = verifier;
    this.limits = limits;
    this.sockets = sockets;
    this.staff = staff;
    this.recheck = recheck;
    this.broadcaster = new LoadBroadcaster(vertx, sampler, PERIOD);
    this.history = sampler.history();
    this.clock = clock;
  }

  /** Routes {@value #PATH} on the public router. */
  public void mount(Router router) {
    router.get(PATH).handler(ctx -> ctx.request().toWebSocket().onSuccess(this::serve).onFailure(ctx::fail));
  }

  private void serve(ServerWebSocket ws) {
    FrameSocket socket = new FrameSocket(vertx, ws, "supervisor", limits, sockets);
    Runnable[] unsubscribe = {() -> { }};
    socket.start(frame -> handle(socket, frame, unsubscribe), () -> unsubscribe[0].run());
  }

  private Future<?> handle(FrameSocket socket, ClientFrame frame, Runnable[] unsubscribe) {
    if (!socket.isAuthenticated()) {
      if (!(frame instanceof ClientFrame.StaffAuth auth)) {
        return Future.failedFuture(ApiException.of(ErrorCode.NOT_AUTHENTICATED));
      }
      return verifier.verify(auth.token()).map(principal -> {
        if (!ALLOWED.contains(principal.role())) {
          throw new ApiException(ErrorCode.FORBIDDEN, "the supervisor feed needs the supervisor or admin role");
        }
        socket.authenticated();
        socket.send(ServerFrames.of("ready").put("role", principal.role().wire()));
        // Sent before subscribing, so the charts are drawn before the first live sample is appended.
        socket.send(ServerFrames.of("history").mergeIn(history.toJson(clock.instant())));
        Runnable stopFeed = broadcaster.subscribe(snapshot -> {
          // A dashboard that cannot keep up skips a frame: the next one carries the whole state anyway.
          if (!socket.congested()) {
            socket.send(ServerFrames.of("load").mergeIn(snapshot.toJson()));
          }
        });
        AccountWatch watch = AccountWatch.start(vertx, staff, principal.staffId(), recheck, () -> {
          socket.fail(ApiException.of(ErrorCode.ACCOUNT_DISABLED), Optional.empty());
          socket.close(FrameSocket.POLICY_VIOLATION, "account disabled");
        });
        unsubscribe[0] = () -> {
          stopFeed.run();
          watch.stop();
        };
        return principal;
      });
    }
    if (frame instanceof ClientFrame.Ping) {
      socket.send(ServerFrames.of("pong"));
      return Future.succeededFuture();
    }
    return Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_TYPE, "not a supervisor frame"));
  }

  LoadBroadcaster broadcaster() {
    return broadcaster;
  }
}
