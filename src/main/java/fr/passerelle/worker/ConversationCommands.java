package fr.passerelle.worker;

import fr.passerelle.app.Services;
import fr.passerelle.audit.AuditAction;
import fr.passerelle.conversation.Conversation;
import fr.passerelle.conversation.Delivery;
import fr.passerelle.conversation.Party;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
import fr.passerelle.protocol.ClientFrame;
import fr.passerelle.protocol.FrameSocket;
import fr.passerelle.protocol.ServerFrames;
import fr.passerelle.staff.StaffAccount;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A worker's frames about one of their conversations: send, ack, sync, transfer, end, flag. Transfer, end and flag
 * are audited, without the conversation's id: it leads to the visitor's session.
 */
final class ConversationCommands {
  private final Services services;
  private final FrameSocket socket;
  private final Supplier<StaffAccount> account;
  private final Function<Conversation, Future<Void>> attach;
  private final Function<String, Future<Void>> detach;

  ConversationCommands(Services services, FrameSocket socket, Supplier<StaffAccount> account,
      Function<Conversation, Future<Void>> attach, Function<String, Future<Void>> detach) {
    this.services = services;
    this.socket = socket;
    this.account = account;
    this.attach = attach;
    this.detach = detach;
  }

  /** The conversation if it is this worker's (ended ones included), else {@code unknown_conversation}. */
  Future<Conversation> owned(String conversationId) {
    return services.conversations().ownedBy(conversationId, workerId());
  }

  Future<?> handle(ClientFrame frame, Map<String, Delivery> deliveries) {
    var conversations = services.conversations();
    if (frame instanceof ClientFrame.Send send) {
      String id = required(send.conversation());
      return owned(id).compose(c -> conversations.send(c.id(), Party.WORKER, send.id(), send.header(), send.body()))
          .onSuccess(a -> socket.send(ServerFrames.stored(id, a.envelope(), a.duplicate())));
    } else if (frame instanceof ClientFrame.Ack ack) {
      String id = required(ack.conversation());
      return owned(id).compose(c -> services.stores().conversations().ack(id, Party.WORKER, ack.seq()));
    } else if (frame instanceof ClientFrame.Sync sync) {
      String id = required(sync.conversation());
      return owned(id).compose(c -> {
        Future<Void> attached = deliveries.containsKey(id) ? Future.succeededFuture() : attach.apply(c);
        return attached.map(v -> {
          deliveries.get(id).syncFrom(sync.after());
          return v;
        });
      });
    } else if (frame instanceof ClientFrame.Transfer transfer) {
      if (transfer.to().filter(workerId()::equals).isPresent()) {
        return Future.failedFuture(JsonBody.invalid("to", "must be another worker"));
      }
      return active(transfer.conversation())
          .compose(c -> conversations.transfer(c, transfer.to(), transfer.note()))
          .compose(next -> detach.apply(transfer.conversation()).map(v -> next))
          .compose(next -> audit(AuditAction.CONVERSATION_TRANSFERRED, next.map(Conversation::workerId),
              Optional.of(next.isPresent() ? "worker" : "queue")).map(v -> next))
          .onSuccess(next -> socket.send(ServerFrames.of("transferred").put("conversation", transfer.conversation())
              .put("to", next.isPresent() ? "worker" : "queue")));
    } else if (frame instanceof ClientFrame.End end) {
      return active(end.conversation()).compose(c -> conversations.end(c.id(), "worker"))
          .compose(c -> detach.apply(c.id()).map(v -> c))
          .compose(c -> audit(AuditAction.CONVERSATION_ENDED, Optional.empty(), Optional.empty()).map(v -> c))
          .onSuccess(c -> socket.send(ServerFrames.of("ended").put("conversation", c.id()).put("by", "worker")));
    } else if (frame instanceof ClientFrame.Mark mark) {
      return active(mark.conversation()).compose(c -> conversations.flag(c.id(), mark.flag()))
          .compose(c -> audit(AuditAction.CONVERSATION_FLAGGED, Optional.empty(), Optional.of(mark.flag().wire()))
              .map(v -> c))
          .onSuccess(c -> socket.send(ServerFrames.of("flagged").put("conversation", c.id())
              .put("flags", ServerFrames.flags(c.flags())).put("priority", c.priority())));
    }
    return Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_TYPE, "not a worker frame"));
  }

  private String workerId() {
    return account.get().id();
  }

  private Future<Void> audit(AuditAction action, Optional<String> target, Optional<String> detail) {
    return services.audit().record(workerId(), account.get().username(), action, target, detail);
  }

  private Future<Conversation> active(String conversationId) {
    return owned(conversationId).map(c -> {
      if (!c.active()) {
        throw ApiException.of(ErrorCode.CONVERSATION_ENDED);
      }
      return c;
    });
  }

  private static String required(Optional<String> conversation) {
    return conversation.orElseThrow(() -> JsonBody.invalid("conversation", "is required"));
  }
}
