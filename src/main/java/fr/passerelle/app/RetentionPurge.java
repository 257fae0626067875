package fr.passerelle.app;

import fr.passerelle.config.RetentionConfig;
import fr.passerelle.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes, every {@code retention.purgeInterval}, whatever has outlived its retention period: sessions, envelopes and
 * ended conversations, mailboxes, audit entries. A new kind of data adds its step to {@link #runOnce}.
 */
public final class RetentionPurge {
  private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

  private final Vertx vertx;
  private final Stores stores;
  private final RetentionConfig retention;
  private final Clock clock;
  private final Supplier<Future<Void>> afterPurge;
  private long timer = -1;

  /** {@code afterPurge} runs after each pass, such as a refresh of the gauges that count what it may have deleted. */
  public RetentionPurge(Vertx vertx, Stores stores, RetentionConfig retention, Clock clock,
      Supplier<Future<Void>> afterPurge) {
    this.afterPurge = afterPurge;
    this.vertx = vertx;
    this.stores = stores;
    this.retention = retention;
    this.clock = clock;
  }

  public void start() {
    timer = vertx.setPeriodic(retention.purgeInterval().toMillis(), id -> runOnce());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  public Future<Integer> runOnce() {
    Instant now = clock.instant();
    return stores.conversations().purge(now, now.minus(retention.envelope()), now.minus(retention.endedGrace()))
        .compose(n -> stores.mailboxes().purge(now.minus(retention.mailbox())).map(m -> n + m))
        .compose(n -> stores.audit().purge(now.minus(retention.audit())).map(a -> n + a))
        .compose(n -> afterPurge.get().map(n))
        .onSuccess(n -> LOG.log(n > 0 ? Level.INFO : Level.FINE, "retention purge deleted {0} items", n))
        .onFailure(e -> LOG.log(Level.WARNING, "retention purge failed: {0}", e.getClass().getName()));
  }
}
