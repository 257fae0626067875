package fr.passerelle.store.memory;

import fr.passerelle.audit.AuditCursor;
import fr.passerelle.audit.AuditEntry;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.audit.AuditPage;
import fr.passerelle.audit.AuditQuery;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The audit log in this process's memory, ordered by time then id; every method holds one lock. */
public final class MemoryAuditLog implements AuditLog {
  private final TreeMap<AuditCursor, AuditEntry> entries = new TreeMap<>();
  private final Set<String> ids = new HashSet<>();

  @Override
  public synchronized Future<Void> append(AuditEntry entry) {
    if (ids.add(entry.id())) {
      entries.put(entry.position(), entry);
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<AuditPage> find(AuditQuery query) {
    NavigableMap<AuditCursor, AuditEntry> older = query.cursor()
        .map(c -> entries.headMap(c, false)).orElse(entries).descendingMap();
    List<AuditEntry> page = new ArrayList<>();
    for (AuditEntry entry : older.values()) {
      if (query.matches(entry)) {
        if (page.size() == query.limit()) {
          return Future.succeededFuture(new AuditPage(List.copyOf(page),
              Optional.of(page.get(page.size() - 1).position())));
        }
        page.add(entry);
      }
    }
    return Future.succeededFuture(new AuditPage(List.copyOf(page), Optional.empty()));
  }

  @Override
  public synchronized Future<Integer> purge(Instant before) {
    NavigableMap<AuditCursor, AuditEntry> old = entries.headMap(new AuditCursor(before, ""), false);
    int deleted = old.size();
    old.keySet().forEach(p -> ids.remove(p.id()));
    old.clear();
    return Future.succeededFuture(deleted);
  }
}
