package fr.passerelle.worker;

import fr.passerelle.config.RoutingConfig;
import fr.passerelle.protocol.ServerFrames;
import fr.passerelle.queue.Eligibility;
import fr.passerelle.queue.QueueEntry;
import fr.passerelle.queue.QueueSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code queue} frame a worker sees: waiting visitors as metadata only (no session id), those this worker may
 * take first, each group in queue order, at most {@value #MAX_ENTRIES} of them with the totals; and the
 * colleagues they could transfer to. The cap keeps the frame small however long the queue grows.
 */
final class QueueListing {
  static final int MAX_ENTRIES = 50;

  private QueueListing() {}

  static JsonObject of(QueueSnapshot snapshot, WorkerPresence me, RoutingConfig routing) {
    Eligibility eligibility = new Eligibility(routing.languageFallback());
    Set<String> eligible = snapshot.waiting().stream()
        .filter(e -> eligibility.eligible(e, me, snapshot.now())).map(QueueEntry::id).collect(Collectors.toSet());
    JsonArray entries = new JsonArray();
    snapshot.waiting().stream()
        .sorted(Comparator.comparing(e -> !eligible.contains(e.id()))) // stable: queue order within each group
        .limit(MAX_ENTRIES)
        .forEach(e -> entries.add(ServerFrames.entry(e, snapshot.now(), eligible.contains(e.id()),
            Eligibility.languageMatch(e, me))
            .put("offeredToMe", e.offeredAt(snapshot.now()) && e.offer().get().workerId().equals(me.workerId()))));
    JsonArray colleagues = new JsonArray();
    snapshot.workers().stream().filter(w -> w.connected() && !w.workerId().equals(me.workerId()))
        .forEach(w -> colleagues.add(
        new JsonObject().put("id", w.workerId()).put("pseudonym", w.pseudonym()).put("available", w.available())
            .put("free", w.free()).put("languages", new JsonArray(w.languages().stream().sorted().toList()))
            .put("skills", new JsonArray(w.skills().stream().sorted().toList()))));
    return ServerFrames.of("queue").put("waiting", snapshot.waiting().size()).put("eligible", eligible.size())
        .put("entries", entries).put("colleagues", colleagues)
        .put("me", new JsonObject().put("available", me.available()).put("active", me.active())
            .put("capacity", me.capacity()));
  }
}
