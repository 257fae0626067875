package fr.passerelle.visitor;

import fr.passerelle.app.Services;
import fr.passerelle.conversation.ConversationEvents;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.conversation.Delivery;
import fr.passerelle.conversation.Party;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.protocol.ClientFrame;
import fr.passerelle.protocol.FrameSocket;
import fr.passerelle.protocol.ServerFrames;
import fr.passerelle.queue.QueueEntry;
import fr.passerelle.store.Ids;
import fr.passerelle.store.WakeUps;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One visitor's WebSocket: authenticate with the session secret, wait in the queue, talk, leave or erase. */
public final class VisitorSocket {
  /** Close code when the same session authenticates on another socket. */
  public static final short SUPERSEDED = 4001;

  private final Services services;
  private final FrameSocket socket;
  private final String socketId = Ids.newId();
  private VisitorSession session;
  private WakeUps.Subscription sessionEvents;
  private Optional<Delivery> delivery = Optional.empty();
  private Optional<PositionUpdates> positions = Optional.empty();
  /** Session events that arrive before {@code ready} is sent wait here, so {@code ready} is always first. */
  private List<JsonObject> beforeReady = new ArrayList<>();
  private long keepAlive = -1;
  /** True while this socket speaks for the session: not after a quick exit, nor once another socket took over. */
  private boolean ownsSession;

  public VisitorSocket(Services services, ServerWebSocket ws) {
    this.services = services;
    this.socket = new FrameSocket(services.vertx(), ws, "visitor", services.config().limits(), services.sockets());
    socket.start(this::handle, this::closed);
  }

  private Future<?> handle(ClientFrame frame) {
    if (!socket.isAuthenticated()) {
      if (frame instanceof ClientFrame.VisitorAuth auth) {
        return authenticate(auth);
      }
      return Future.failedFuture(ApiException.of(ErrorCode.NOT_AUTHENTICATED));
    }
    if (frame instanceof ClientFrame.Join join) {
      return session().compose(s -> services.queue().join(s, join.languages(), join.publicKey(), join.topic()))
          .map(entry -> {
            socket.send(ServerFrames.of("queued"));
            showPositions();
            return entry;
          });
    } else if (frame instanceof ClientFrame.Leave) {
      return leave();
    } else if (frame instanceof ClientFrame.RotateKey key) {
      return rotateKey(key.publicKey());
    } else if (frame instanceof ClientFrame.Send send) {
      return conversation(send.conversation()).compose(c -> services.conversations()
          .send(c, Party.VISITOR, send.id(), send.header(), send.body())
          .onSuccess(a -> socket.send(ServerFrames.stored(c, a.envelope(), a.duplicate()))));
    } else if (frame instanceof ClientFrame.Ack ack) {
      return conversation(ack.conversation())
          .compose(c -> services.stores().conversations().ack(c, Party.VISITOR, ack.seq()));
    } else if (frame instanceof ClientFrame.Sync sync) {
      return conversation(sync.conversation()).map(c -> {
        delivery.get().syncFrom(sync.after());
        return c;
      });
    } else if (frame instanceof ClientFrame.Consent consent) {
      return consent(consent);
    } else if (frame instanceof ClientFrame.Erase) {
      return erase();
    } else if (frame instanceof ClientFrame.Ping) {
      socket.send(ServerFrames.of("pong"));
      return Future.succeededFuture();
    }
    return Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_TYPE, "not a visitor frame"));
  }

  private Future<?> authenticate(ClientFrame.VisitorAuth auth) {
    var now = services.clock().instant();
    return services.stores().sessions().find(auth.session(), now).compose(found -> {
      if (found.isEmpty() || !ResumeSecrets.matches(auth.secret(), found.get().resumeSecretHash())) {
        return Future.failedFuture(new ApiException(ErrorCode.AUTH_FAILED, "unknown or expired session"));
      }
      if (socket.isClosed()) {
        return Future.succeededFuture();
      }
      session = found.get();
      ownsSession = true;
      socket.authenticated();
      touch();
      keepAlive = services.vertx().setPeriodic(60_000, id -> touch());
      // Subscribe before reading what the session is doing, so that no assignment can fall between the two.
      return services.stores().wakeUps().subscribe(WakeUps.session(session.id()), this::onSessionEvent)
          .compose(sub -> {
            sessionEvents = sub;
            if (socket.isClosed()) {
              return sub.cancel().mapEmpty();
            }
            // One socket per session: any other one, on any node, is closed.
            services.stores().wakeUps().publish(WakeUps.session(session.id()),
                new JsonObject().put("type", "opened").put("socket", socketId));
            return session().compose(current -> {
              session = current;
              return services.stores().queue().findBySession(current.id());
            }).compose(this::ready);
          });
    });
  }

  /** The {@code ready} frame, then what the session is doing, then any session event that came meanwhile. */
  private Future<Void> ready(Optional<QueueEntry> waiting) {
    if (socket.isClosed()) {
      return Future.succeededFuture();
    }
    JsonObject ready = ServerFrames.of("ready").put("session", session.id());
    Future<Void> state;
    if (session.conversationId().isPresent()) {
      socket.send(ready.put("state", "chatting").put("conversation", session.conversationId().get()));
      state = attach(session.conversationId().get());
    } else {
      socket.send(ready.put("state", waiting.isPresent() ? "waiting" : "idle"));
      if (waiting.isPresent()) {
        showPositions();
      }
      state = Future.succeededFuture();
    }
    return state.onComplete(done -> {
      List<JsonObject> early = beforeReady;
      beforeReady = null;
      early.forEach(this::onSessionEvent);
    });
  }

  private void touch() {
    var expiry = services.clock().instant().plus(services.config().retention().session());
    services.stores().sessions().touch(session.id(), expiry);
  }

  /** The current session from the store: its conversation may have changed since this socket read it. */
  private Future<VisitorSession> session() {
    return services.stores().sessions().find(session.id(), services.clock().instant())
        .map(s -> s.orElseThrow(() -> new ApiException(ErrorCode.AUTH_FAILED, "the session has expired")));
  }

  /**
   * The visitor's current conversation. A frame naming another one (sent before a transfer, received after)
   * is refused rather than applied to the new conversation.
   */
  private Future<String> conversation(Optional<String> named) {
    return delivery.map(Delivery::conversationId).filter(id -> named.map(id::equals).orElse(true))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_CONVERSATION,
            "not in that conversation")));
  }

  /** Only for the visitor's current conversation; any other one is {@code not_found}, as if it did not exist. */
  private Future<?> consent(ClientFrame.Consent consent) {
    return conversation(Optional.of(consent.conversation()))
        .recover(e -> Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "not in that conversation")))
        .compose(c -> services.conversations().consent(c, consent.request(), consent.given()))
        .onSuccess(c -> socket.send(ServerFrames.of("consent-recorded").put("request", consent.request())));
  }

  private Future<?> leave() {
    if (delivery.isPresent()) {
      String id = delivery.get().conversationId();
      return detach().compose(v -> services.conversations().end(id, "visitor")).map(c -> {
        socket.send(ServerFrames.of("left"));
        return c;
      });
    }
    return services.queue().leave(session, "left").map(left -> {
      if (!left) {
        throw ApiException.of(ErrorCode.NOT_WAITING);
      }
      positions.ifPresent(PositionUpdates::stop);
      socket.send(ServerFrames.of("left"));
      return left;
    });
  }

  private Future<?> rotateKey(String key) {
    Future<?> done = delivery.isPresent()
        ? services.conversations().rotateVisitorKey(delivery.get().conversationId(), key)
        : services.stores().queue().updateKey(session.id(), key).map(updated -> {
          if (!updated) {
            throw ApiException.of(ErrorCode.NOT_WAITING);
          }
          return updated;
        });
    return done.map(x -> {
      socket.send(ServerFrames.of("key-updated"));
      return x;
    });
  }

  /** Quick exit: everything of this visitor goes at once; their worker learns only that they left. */
  private Future<?> erase() {
    ownsSession = false;
    var stores = services.stores();
    return stores.queue().findBySession(session.id()).compose(waiting -> stores.sessions().erase(session.id())
        .map(conversation -> {
          conversation.ifPresent(c -> {
            stores.wakeUps().publish(WakeUps.conversation(c.id()), ConversationEvents.visitorLeft());
            services.conversations().finished(c, "erased");
          });
          if (waiting.isPresent()) {
            services.queue().abandoned(session, "erased");
            services.queue().changed();
          }
          socket.send(ServerFrames.of("erased"));
          socket.close((short) 1000, "erased");
          return conversation;
        }));
  }

  private void onSessionEvent(JsonObject event) {
    if (beforeReady != null) {
      beforeReady.add(event);
      return;
    }
    if ("opened".equals(event.getString("type")) && !socketId.equals(event.getString("socket"))) {
      ownsSession = false;
      socket.send(ServerFrames.of("superseded"));
      socket.close(SUPERSEDED, "session opened on another connection");
    } else if ("assigned".equals(event.getString("type"))
        && !delivery.map(Delivery::conversationId).equals(Optional.ofNullable(event.getString("conversation")))) {
      positions.ifPresent(PositionUpdates::stop);
      String conversationId = event.getString("conversation");
      String workerId = event.getString("worker");
      // The certificate lets the visitor's client check the worker's keys against the organisation root key.
      services.stores().presence().find(workerId).compose(worker -> services.stores().staff().certificate(workerId)
          .otherwise(Optional.empty())
          .onSuccess(certificate -> {
            JsonObject assigned = ServerFrames.of("assigned").put("conversation", conversationId)
                .put("worker", new JsonObject().put("pseudonym", worker.map(w -> w.pseudonym()).orElse("")));
            certificate.ifPresent(c -> assigned.put("certificate", Base64Url.encode(c)));
            socket.send(assigned);
            detach().compose(v -> attach(conversationId));
          }));
    }
  }

  private Future<Void> attach(String conversationId) {
    Delivery d = new Delivery(services.stores().conversations(), services.stores().wakeUps(), conversationId,
        Party.VISITOR, socket::send);
    delivery = Optional.of(d);
    return d.attach(this::onConversationEvent);
  }

  private Future<Void> detach() {
    Future<Void> done = delivery.map(Delivery::detach).orElse(Future.succeededFuture());
    delivery = Optional.empty();
    return done;
  }

  private void onConversationEvent(JsonObject event) {
    String conversationId = delivery.map(Delivery::conversationId).orElse("");
    switch (event.getString("type")) {
      case "ended" -> {
        delivery.ifPresent(d -> d.pull().eventually(() -> {
          socket.send(ServerFrames.of("ended").put("conversation", conversationId).put("by", "worker"));
          return detach();
        }));
      }
      case "transferred" -> {
        String to = event.getString("to");
        delivery.ifPresent(d -> d.pull().eventually(() -> {
          socket.send(ServerFrames.of("transferred").put("conversation", conversationId).put("to", to));
          if (!"queue".equals(to)) {
            return Future.succeededFuture();
          }
          showPositions();
          return detach();
        }));
      }
      default -> { }
    }
  }

  private void showPositions() {
    if (positions.isEmpty()) {
      positions = Optional.of(new PositionUpdates(services.watcher(), session.id(), socket));
    }
    positions.get().start();
  }

  private void closed() {
    positions.ifPresent(PositionUpdates::stop);
    services.vertx().cancelTimer(keepAlive);
    detach();
    if (sessionEvents != null) {
      sessionEvents.cancel();
    }
    if (ownsSession) {
      var grace = services.clock().instant().plus(services.config().retention().resumeGrace());
      services.stores().sessions().touch(session.id(), grace);
    }
  }
}
