package fr.passerelle.worker;

import fr.passerelle.config.RoutingConfig;
import fr.passerelle.protocol.ServerFrames;
import fr.passerelle.queue.Eligibility;
import fr.passerelle.queue.QueueSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The {@code queue} frame a worker sees: every waiting visitor as metadata only (no session id), marked with
 * whether this worker may take them and shares a language, plus the colleagues they could transfer to.
 */
final class QueueListing {
  private QueueListing() {}

  static JsonObject of(QueueSnapshot snapshot, fr.passerelle.worker.WorkerPresence me, RoutingConfig routing) {
    Eligibility eligibility = new Eligibility(routing.languageFallback());
    JsonArray entries = new JsonArray();
    snapshot.waiting().forEach(e -> entries.add(ServerFrames.entry(e, snapshot.now(),
        eligibility.eligible(e, me, snapshot.now()), Eligibility.languageMatch(e, me))
        .put("offeredToMe", e.offeredAt(snapshot.now()) && e.offer().get().workerId().equals(me.workerId()))));
    JsonArray colleagues = new JsonArray();
    snapshot.workers().stream().filter(w -> !w.workerId().equals(me.workerId())).forEach(w -> colleagues.add(
        new JsonObject().put("id", w.workerId()).put("pseudonym", w.pseudonym()).put("available", w.available())
            .put("free", w.free()).put("languages", new JsonArray(w.languages().stream().sorted().toList()))
            .put("skills", new JsonArray(w.skills().stream().sorted().toList()))));
    return ServerFrames.of("queue").put("entries", entries).put("colleagues", colleagues)
        .put("me", new JsonObject().put("available", me.available()).put("active", me.active())
            .put("capacity", me.capacity()));
  }
}
