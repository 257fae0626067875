package fr.passerelle.store.memory;

import fr.passerelle.association.Association;
import fr.passerelle.association.AssociationDetails;
import fr.passerelle.association.AssociationKey;
import fr.passerelle.association.AssociationStore;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The association directory in this process's memory; every method holds one lock, so each is atomic. */
public final class MemoryAssociationStore implements AssociationStore {
  private static final Comparator<Association> ORDER = Comparator
      .comparing((Association a) -> a.details().name(), String.CASE_INSENSITIVE_ORDER).thenComparing(Association::id);

  private final Map<String, Association> byId = new HashMap<>();

  @Override
  public synchronized Future<Association> create(Association association) {
    if (byId.putIfAbsent(association.id(), association) != null) {
      return Future.failedFuture(new ApiException(ErrorCode.CONFLICT, "an association with this id exists"));
    }
    return Future.succeededFuture(association);
  }

  @Override
  public synchronized Future<Optional<Association>> find(String id) {
    return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
  }

  @Override
  public synchronized Future<List<Association>> list() {
    return Future.succeededFuture(byId.values().stream().sorted(ORDER).toList());
  }

  @Override
  public synchronized Future<Association> updateDetails(String id, AssociationDetails details, Instant now) {
    Association old = byId.get(id);
    if (old == null) {
      return Future.failedFuture(ApiException.of(ErrorCode.UNKNOWN_ASSOCIATION));
    }
    return Future.succeededFuture(put(new Association(id, details, old.keys(), old.createdAt(), now)));
  }

  @Override
  public synchronized Future<Association> addKey(String id, byte[] publicKey, Instant now) {
    Association old = byId.get(id);
    if (old == null) {
      return Future.failedFuture(ApiException.of(ErrorCode.UNKNOWN_ASSOCIATION));
    }
    if (old.keys().stream().anyMatch(k -> Arrays.equals(k.publicKey(), publicKey))) {
      return Future.failedFuture(new ApiException(ErrorCode.CONFLICT,
          "this key is already registered for this association"));
    }
    List<AssociationKey> keys = new ArrayList<>(old.keys().stream()
        .map(k -> k.current() ? new AssociationKey(k.publicKey(), k.since(), Optional.of(now)) : k).toList());
    keys.add(new AssociationKey(publicKey, now, Optional.empty()));
    return Future.succeededFuture(put(new Association(id, old.details(), keys, old.createdAt(), now)));
  }

  private Association put(Association association) {
    byId.put(association.id(), association);
    return association;
  }
}
