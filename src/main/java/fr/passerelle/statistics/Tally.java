package fr.passerelle.statistics;

import fr.passerelle.conversation.Conversation;
import fr.passerelle.store.Stores;
import fr.passerelle.visitor.VisitorSession;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts events into statistics cells as they happen. The cell is the month now in the organisation's time zone,
 * the département of the session's campaign (from the registry, at the time of the event), the session's first
 * language and the campaign code; an unregistered or absent code counts as {@value Departements#UNKNOWN}, so a
 * visitor cannot make up cells. Counting never fails the action counted: a store failure is logged and dropped.
 */
public final class Tally {
  private static final Logger LOG = Logger.getLogger(Tally.class.getName());

  private final Stores stores;
  private final ZoneId zone;
  private final Clock clock;

  public Tally(Stores stores, ZoneId zone, Clock clock) {
    this.stores = stores;
    this.zone = zone;
    this.clock = clock;
  }

  /** Adds one to {@code measure} in the current cell of {@code origin}. */
  public Future<Void> count(Measure measure, Origin origin) {
    YearMonth month = YearMonth.from(clock.instant().atZone(zone));
    Future<Optional<Campaign>> campaign = origin.campaign().map(code -> stores.campaigns().find(code))
        .orElse(Future.succeededFuture(Optional.empty()));
    return campaign.map(found -> new CellKey(month,
            found.map(Campaign::departement).orElse(CellKey.UNKNOWN), origin.language(),
            found.map(Campaign::code).orElse(CellKey.UNKNOWN)))
        .compose(key -> stores.statistics().increment(key, measure))
        .recover(e -> {
          LOG.log(Level.WARNING, "statistics count failed: {0}", e.getClass().getName());
          return Future.succeededFuture();
        });
  }

  public Future<Void> count(Measure measure, VisitorSession session) {
    return count(measure, Origin.of(session));
  }

  /** Counts an event of a conversation under its visitor's session; nothing if the session is already gone. */
  public Future<Void> count(Measure measure, Conversation conversation) {
    return stores.sessions().find(conversation.sessionId(), clock.instant())
        .compose(session -> session.map(s -> count(measure, s)).orElse(Future.succeededFuture()))
        .recover(e -> Future.succeededFuture());
  }
}
