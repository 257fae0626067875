package fr.passerelle.audit;

import io.vertx.core.Future;
import java.time.Instant;

/** The audit log's storage, shared by every node. Each operation is atomic. */
public interface AuditLog {

  /** Keeps an entry; an entry with an id already kept changes nothing. */
  Future<Void> append(AuditEntry entry);

  /** The entries the query selects, newest first (by time, then id), one page of them. */
  Future<AuditPage> find(AuditQuery query);

  /** Deletes the entries written before {@code before}; completes with how many went. */
  Future<Integer> purge(Instant before);
}
