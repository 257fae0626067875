package fr.passerelle.mailbox;

import fr.passerelle.conversation.Party;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code passerelle_letters_total{from}} and {@code passerelle_mailboxes{state="awaiting"|"answered"}}. No tag ever
 * holds a mailbox or letter id. The gauges are refreshed from the store after every change and every purge.
 */
public final class MailboxMetrics {
  static final String LETTERS = "passerelle.letters";
  /** The gauge of mailboxes, by {@link #TAG_STATE}. */
  public static final String MAILBOXES = "passerelle.mailboxes";
  public static final String TAG_STATE = "state";
  /** The state of a mailbox whose last letter is the visitor's. */
  public static final String AWAITING = "awaiting";

  private final MailboxStore store;
  private final Counter fromVisitor;
  private final Counter fromWorker;
  private final AtomicInteger awaiting = new AtomicInteger();
  private final AtomicInteger answered = new AtomicInteger();

  public MailboxMetrics(MailboxStore store, MeterRegistry registry) {
    this.store = store;
    fromVisitor = letters(registry, Party.VISITOR);
    fromWorker = letters(registry, Party.WORKER);
    Gauge.builder(MAILBOXES, awaiting, AtomicInteger::get).tag(TAG_STATE, AWAITING)
        .description("Mailboxes whose last letter is the visitor's").register(registry);
    Gauge.builder(MAILBOXES, answered, AtomicInteger::get).tag(TAG_STATE, "answered")
        .description("Mailboxes whose last letter is a worker's").register(registry);
  }

  void stored(Party from) {
    (from == Party.VISITOR ? fromVisitor : fromWorker).increment();
  }

  /** Reads the store once and sets the gauges. */
  public Future<Void> refresh() {
    return store.list().map(all -> {
      set(all);
      return null;
    });
  }

  private void set(List<Mailbox> all) {
    int waiting = (int) all.stream().filter(Mailbox::awaitingReply).count();
    awaiting.set(waiting);
    answered.set(all.size() - waiting);
  }

  private static Counter letters(MeterRegistry registry, Party from) {
    return Counter.builder(LETTERS).tag("from", from.wire()).description("Letters stored, by writer")
        .register(registry);
  }
}
