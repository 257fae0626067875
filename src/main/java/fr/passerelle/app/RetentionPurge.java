package fr.passerelle.app;

import fr.passerelle.config.RetentionConfig;
import fr.passerelle.store.Stores;
import fr.passerelle.visitor.VisitorSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes, every {@code retention.purgeInterval}, whatever has outlived its retention period: sessions, envelopes and
 * ended conversations (with the visitor's consent records), mailboxes, audit entries, referrals (unacknowledged
 * ciphertext expired, then status records). A new kind of data adds its step to {@link #runOnce}.
 */
public final class RetentionPurge {
  private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

  private final Vertx vertx;
  private final Stores stores;
  private final RetentionConfig retention;
  private final Clock clock;
  private final Supplier<Future<Void>> afterPurge;
  private final ZoneId zone;
  private final Consumer<VisitorSession> timedOut;
  private long timer = -1;

  /**
   * {@code afterPurge} runs after each pass, such as a refresh of the gauges that count what it may have deleted;
   * {@code timedOut} hears of each visitor whose session expired while waiting in the queue. Statistics months are
   * those of {@code zone}.
   */
  public RetentionPurge(Vertx vertx, Stores stores, RetentionConfig retention, Clock clock,
      Supplier<Future<Void>> afterPurge, ZoneId zone, Consumer<VisitorSession> timedOut) {
    this.zone = zone;
    this.timedOut = timedOut;
    this.afterPurge = afterPurge;
    this.vertx = vertx;
    this.stores = stores;
    this.retention = retention;
    this.clock = clock;
  }

  /** The oldest statistics month kept: the one the retention reaches into, since part of it is still recent. */
  YearMonth firstKeptMonth(Instant now) {
    return YearMonth.from(now.minus(retention.statistics()).atZone(zone));
  }

  public void start() {
    timer = vertx.setPeriodic(retention.purgeInterval().toMillis(), id -> runOnce());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  public Future<Integer> runOnce() {
    Instant now = clock.instant();
    return stores.conversations().purge(now, now.minus(retention.envelope()), now.minus(retention.endedGrace()),
            timedOut)
        .compose(n -> stores.mailboxes().purge(now.minus(retention.mailbox())).map(m -> n + m))
        .compose(n -> stores.statistics().purge(firstKeptMonth(now)).map(m -> n + m))
        .compose(n -> stores.audit().purge(now.minus(retention.audit())).map(a -> n + a))
        .compose(n -> stores.referrals().purge(now, now.minus(retention.referral())).map(r -> n + r))
        .compose(n -> afterPurge.get().map(n))
        .onSuccess(n -> LOG.log(n > 0 ? Level.INFO : Level.FINE, "retention purge deleted {0} items", n))
        .onFailure(e -> LOG.log(Level.WARNING, "retention purge failed: {0}", e.getClass().getName()));
  }
}
