package fr.passerelle.worker;

import fr.passerelle.app.Services;
import fr.passerelle.audit.AuditAction;
import fr.passerelle.conversation.Conversation;
import fr.passerelle.conversation.Delivery;
import fr.passerelle.conversation.Party;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.protocol.ClientFrame;
import fr.passerelle.protocol.FrameSocket;
import fr.passerelle.protocol.ServerFrames;
import fr.passerelle.queue.QueueService;
import fr.passerelle.queue.QueueSnapshot;
import fr.passerelle.staff.AccountWatch;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAccount;
import fr.passerelle.store.Ids;
import fr.passerelle.store.WakeUps;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** One worker's WebSocket: presence, the queue, offers, and several conversations at once. */
public final class WorkerSocket {
  private final Services services;
  private final WorkerSockets local;
  private final FrameSocket socket;
  private final Consumer<QueueSnapshot> listing = this::showQueue;
  private final Map<String, Delivery> deliveries = new HashMap<>();
  private final String socketId = Ids.newId();
  private final ConversationCommands commands;
  private final CertificateCheck certificates;
  private StaffAccount account;
  private WakeUps.Subscription workerEvents;
  private JsonObject lastListing = new JsonObject();
  private boolean available;
  /** Whether the certificate on file was valid when the console connected; told in {@code ready}. */
  private boolean hasCertificate;
  private AccountWatch watch;

  public WorkerSocket(Services services, WorkerSockets local, OrganisationRoot root, ServerWebSocket ws) {
    this.services = services;
    this.local = local;
    this.certificates = new CertificateCheck(root, services.clock());
    this.socket = new FrameSocket(services.vertx(), ws, "worker", services.config().limits(), services.sockets());
    this.commands = new ConversationCommands(services, socket, () -> account, this::attach, this::detach);
    socket.start(this::handle, this::closed);
  }

  private String workerId() {
    return account.id();
  }

  private Future<?> handle(ClientFrame frame) {
    if (!socket.isAuthenticated()) {
      if (frame instanceof ClientFrame.StaffAuth auth) {
        return authenticate(auth.token());
      }
      return Future.failedFuture(ApiException.of(ErrorCode.NOT_AUTHENTICATED));
    }
    if (frame instanceof ClientFrame.Presence presence) {
      return services.stores().presence().setAvailable(workerId(), presence.available()).map(p -> {
        socket.send(ServerFrames.of("presence").put("status", presence.available() ? "available" : "away"));
        services.queue().changed();
        return p;
      });
    } else if (frame instanceof ClientFrame.Accept accept) {
      // `assigned` first: the console must know the conversation before its first envelope arrives.
      return services.queue().accept(workerId(), accept.entry()).compose(c -> {
        socket.send(assignedFrame(c, false, Optional.empty()));
        // The worker's other sockets (tabs) learn of it too; this one ignores its own announcement.
        services.stores().wakeUps().publish(WakeUps.worker(workerId()), QueueService.assigned(c)
            .put("origin", socketId));
        return attach(c).compose(v -> services.audit().record(account.id(), account.username(),
            AuditAction.CONVERSATION_ACCEPTED, Optional.empty(), Optional.empty()));
      });
    } else if (frame instanceof ClientFrame.Decline decline) {
      return services.queue().decline(workerId(), decline.entry())
          .onSuccess(v -> socket.send(ServerFrames.of("declined").put("entry", decline.entry())));
    } else if (frame instanceof ClientFrame.Ping) {
      socket.send(ServerFrames.of("pong"));
      return Future.succeededFuture();
    }
    return commands.handle(frame, deliveries);
  }

  private Future<?> authenticate(String token) {
    return services.tokens().verify(token).compose(principal -> {
      if (principal.role() != Role.WORKER) {
        return Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "the worker console needs the worker role"));
      }
      return services.stores().staff().find(principal.staffId());
    }).compose(found -> {
      account = found.filter(StaffAccount::enabled).orElseThrow(() -> ApiException.of(ErrorCode.ACCOUNT_DISABLED));
      if (socket.isClosed()) {
        return Future.failedFuture(new ApiException(ErrorCode.NOT_AUTHENTICATED, "closed during authentication"));
      }
      socket.authenticated();
      watch = AccountWatch.start(services.vertx(), services.stores().staff(), account.id(),
          services.config().auth().accountRecheck(), this::disabled);
      local.add(account.id());
      // A second tab must not make an available worker away: keep the current availability.
      return services.stores().presence().find(account.id()).compose(current -> services.stores().presence()
          .online(account.id(), account.pseudonym(), account.languages(), account.skills(), account.capacity(),
              current.map(WorkerPresence::available).orElse(false)));
    }).compose(p -> {
      available = p.available();
      return services.stores().wakeUps().subscribe(WakeUps.worker(workerId()), this::onWorkerEvent);
    }).compose(sub -> {
      workerEvents = sub;
      return services.stores().staff().certificate(workerId());
    }).compose(certificate -> {
      hasCertificate = certificate.filter(c -> certificates.validNow(c, workerId())).isPresent();
      return services.stores().conversations().activeFor(workerId());
    }).compose(active -> {
      if (socket.isClosed()) {
        // It closed while we were setting up: undo what the close handler could not see yet.
        workerEvents.cancel();
        return services.stores().presence().offline(account.id()).mapEmpty();
      }
      socket.send(ready(active));
      services.watcher().listen(listing);
      services.watcher().refresh();
      return Future.all(active.stream().map(this::attach).toList()).mapEmpty();
    });
  }

  private JsonObject ready(List<Conversation> active) {
    return ServerFrames.of("ready").put("worker", new JsonObject().put("id", account.id())
            .put("pseudonym", account.pseudonym()).put("languages", new JsonArray(account.languages().stream()
                .sorted().toList())).put("skills", new JsonArray(account.skills().stream().sorted().toList()))
            .put("capacity", account.capacity()))
        .put("status", available ? "available" : "away")
        .put("mode", services.config().routing().mode().name().toLowerCase())
        .put("certificate", hasCertificate)
        .put("conversationLifetimeSeconds", services.config().retention().session().toSeconds())
        .put("conversations", new JsonArray(active.stream().map(ServerFrames::conversation).toList()));
  }

  static JsonObject assignedFrame(Conversation c, boolean transferred, Optional<String> note) {
    JsonObject frame = ServerFrames.conversation(c).put("type", "assigned").put("transferred", transferred);
    note.ifPresent(n -> frame.put("note", n));
    return frame;
  }

  private void onWorkerEvent(JsonObject event) {
    switch (event.getString("type")) {
      case "offer", "offer-withdrawn" -> socket.send(event);
      case "assigned" -> {
        if (!socketId.equals(event.getString("origin"))) {
          boolean transferred = !event.containsKey("origin");
          commands.owned(event.getString("conversation")).compose(c -> {
            socket.send(assignedFrame(c, transferred, Optional.ofNullable(event.getString("note"))));
            return attach(c);
          });
        }
      }
      default -> { }
    }
  }

  private Future<Void> attach(Conversation c) {
    if (deliveries.containsKey(c.id())) {
      return Future.succeededFuture();
    }
    Delivery d = new Delivery(services.stores().conversations(), services.stores().wakeUps(), c.id(), Party.WORKER,
        socket::send);
    deliveries.put(c.id(), d);
    // A new visitor key published before the subscription would be missed: compare once subscribed.
    return d.attach(event -> onConversationEvent(c.id(), event))
        .compose(v -> services.stores().conversations().find(c.id()))
        .map(now -> {
          now.filter(x -> !x.visitorKey().equals(c.visitorKey())).ifPresent(x -> socket.send(ServerFrames
              .of("visitor-key").put("conversation", x.id()).put("publicKey", x.visitorKey())));
          return null;
        });
  }

  private Future<Void> detach(String conversationId) {
    Delivery d = deliveries.remove(conversationId);
    return d == null ? Future.succeededFuture() : d.detach();
  }

  private void onConversationEvent(String conversationId, JsonObject event) {
    switch (event.getString("type")) {
      case "visitor-left" -> {
        Delivery d = deliveries.get(conversationId);
        (d == null ? Future.succeededFuture() : d.pull()).eventually(() -> {
          socket.send(ServerFrames.of("visitor-left").put("conversation", conversationId));
          return detach(conversationId);
        });
      }
      case "consent" -> socket.send(ServerFrames.of("consent").put("conversation", conversationId)
          .put("request", event.getString("request")).put("given", event.getBoolean("given")));
      case "visitor-key" -> socket.send(ServerFrames.of("visitor-key").put("conversation", conversationId)
          .put("publicKey", event.getString("publicKey")));
      // Ended or handed on from another tab of this worker: this one stops following it too.
      case "ended" -> {
        socket.send(ServerFrames.of("ended").put("conversation", conversationId).put("by", event.getString("by")));
        detach(conversationId);
      }
      case "transferred" -> {
        socket.send(ServerFrames.of("transferred").put("conversation", conversationId)
            .put("to", event.getString("to")));
        detach(conversationId);
      }
      default -> { }
    }
  }

  private void showQueue(QueueSnapshot snapshot) {
    WorkerPresence me = snapshot.workers().stream().filter(w -> w.workerId().equals(workerId())).findFirst()
        .orElse(null);
    if (me == null) {
      return;
    }
    JsonObject frame = QueueListing.of(snapshot, me, services.config().routing());
    socket.onContext(() -> {
      if (!frame.equals(lastListing)) {
        lastListing = frame;
        socket.send(frame);
      }
    });
  }

  private void disabled() {
    socket.fail(ApiException.of(ErrorCode.ACCOUNT_DISABLED), Optional.empty());
    socket.close(FrameSocket.POLICY_VIOLATION, "account disabled");
  }

  private void closed() {
    if (watch != null) {
      watch.stop();
    }
    services.watcher().unlisten(listing);
    deliveries.keySet().stream().toList().forEach(this::detach);
    if (workerEvents != null) {
      workerEvents.cancel();
    }
    if (account != null && local.remove(account.id())) {
      services.stores().presence().offline(account.id()).onSuccess(v -> services.queue().changed());
    }
  }
}
