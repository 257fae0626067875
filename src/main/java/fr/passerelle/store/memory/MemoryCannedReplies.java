package fr.passerelle.store.memory;

import fr.passerelle.canned.CannedReply;
import fr.passerelle.canned.CannedReplyStore;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Canned replies in this process's memory; every method holds one lock, so each is atomic. */
public final class MemoryCannedReplies implements CannedReplyStore {
  private static final Comparator<CannedReply> ORDER = Comparator.comparing(CannedReply::language)
      .thenComparing(CannedReply::title, String.CASE_INSENSITIVE_ORDER).thenComparing(CannedReply::id);

  private final Map<String, CannedReply> byId = new HashMap<>();

  @Override
  public synchronized Future<List<CannedReply>> list() {
    return Future.succeededFuture(byId.values().stream().sorted(ORDER).toList());
  }

  @Override
  public synchronized Future<CannedReply> create(CannedReply reply) {
    if (byId.putIfAbsent(reply.id(), reply) != null) {
      return Future.failedFuture(new ApiException(ErrorCode.CONFLICT, "a canned reply with this id exists"));
    }
    return Future.succeededFuture(reply);
  }

  @Override
  public synchronized Future<CannedReply> replace(CannedReply reply) {
    if (byId.replace(reply.id(), reply) == null) {
      return Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "no such canned reply"));
    }
    return Future.succeededFuture(reply);
  }

  @Override
  public synchronized Future<Void> delete(String id) {
    if (byId.remove(id) == null) {
      return Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "no such canned reply"));
    }
    return Future.succeededFuture();
  }
}
