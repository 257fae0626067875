package fr.passerelle.store.memory;

import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.referral.Referral;
import fr.passerelle.referral.ReferralStatus;
import fr.passerelle.referral.ReferralStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Referrals in memory, behind their own lock: no operation touches another store. */
final class MemoryReferralStore implements ReferralStore {

  private final Map<String, Referral> referrals = new HashMap<>();

  private synchronized <T> Future<T> atomically(Supplier<T> operation) {
    try {
      return Future.succeededFuture(operation.get());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<Stored> create(Referral referral) {
    return atomically(() -> {
      Referral old = referrals.get(referral.id());
      if (old == null) {
        referrals.put(referral.id(), referral);
        return new Stored(referral, false);
      }
      if (old.workerId().equals(referral.workerId()) && old.digest().equals(referral.digest())) {
        return new Stored(old, true);
      }
      throw new ApiException(ErrorCode.CONFLICT, "Referral id already in use.");
    });
  }

  @Override
  public Future<Optional<Referral>> find(String id) {
    return atomically(() -> Optional.ofNullable(referrals.get(id)));
  }

  @Override
  public Future<List<Referral>> ofWorker(String workerId) {
    return atomically(() -> referrals.values().stream().filter(r -> r.workerId().equals(workerId))
        .sorted(Comparator.comparing(Referral::created).thenComparing(Referral::id).reversed()).toList());
  }

  @Override
  public Future<List<Referral>> ofAssociation(String associationId) {
    return atomically(() -> referrals.values().stream().filter(r -> r.associationId().equals(associationId))
        .sorted(Comparator.comparing(Referral::created).thenComparing(Referral::id)).toList());
  }

  @Override
  public Future<Changed> acknowledge(String id, Instant now) {
    return atomically(() -> {
      Referral referral = require(id);
      return switch (referral.status()) {
        case SENT -> new Changed(put(referral.moved(ReferralStatus.RECEIVED, now)), true);
        case EXPIRED -> throw new ApiException(ErrorCode.GONE, "This referral expired unacknowledged.");
        default -> new Changed(referral, false);
      };
    });
  }

  @Override
  public Future<Changed> decide(String id, ReferralStatus decision, Instant now) {
    if (!decision.decided()) {
      return Future.failedFuture(new IllegalArgumentException("not a decision: " + decision));
    }
    return atomically(() -> {
      Referral referral = require(id);
      if (referral.status() == decision) {
        return new Changed(referral, false);
      }
      if (referral.status() != ReferralStatus.RECEIVED) {
        throw new ApiException(ErrorCode.CONFLICT, referral.status().decided()
            ? "This referral was already " + referral.status().wire() + "." : "Acknowledge the referral first.");
      }
      return new Changed(put(referral.moved(decision, now)), true);
    });
  }

  @Override
  public Future<List<Referral>> expiringBefore(Instant before) {
    return atomically(() -> referrals.values().stream()
        .filter(r -> r.status() == ReferralStatus.SENT && r.expiresAt().isBefore(before))
        .sorted(Comparator.comparing(Referral::expiresAt).thenComparing(Referral::id)).toList());
  }

  @Override
  public Future<Integer> purge(Instant now, Instant changedBefore) {
    return atomically(() -> {
      int count = 0;
      for (Referral referral : List.copyOf(referrals.values())) {
        if (referral.status() == ReferralStatus.SENT && !referral.expiresAt().isAfter(now)) {
          put(referral.moved(ReferralStatus.EXPIRED, now));
          count++;
        } else if (referral.status() != ReferralStatus.SENT && referral.updated().isBefore(changedBefore)) {
          referrals.remove(referral.id());
          count++;
        }
      }
      return count;
    });
  }

  private Referral require(String id) {
    Referral referral = referrals.get(id);
    if (referral == null) {
      throw ApiException.of(ErrorCode.NOT_FOUND);
    }
    return referral;
  }

  private Referral put(Referral referral) {
    referrals.put(referral.id(), referral);
    return referral;
  }
}
