package fr.passerelle.conversation;

/** Metric names of the relay, declared once. */
public final class RelayMetrics {
  /** Counter: envelopes stored; tag {@code from} = visitor, worker. */
  public static final String ENVELOPES = "passerelle.relay.envelopes";
  /** Counter: bytes of envelope text stored; tag {@code from}. */
  public static final String BYTES = "passerelle.relay.bytes";
  /** Counter: envelopes sent again with an id already stored (and not stored twice). */
  public static final String DUPLICATES = "passerelle.relay.duplicates";
  /** Counter: conversations ended; tag {@code how} = ended, transferred, requeued, visitor-left, erased. */
  public static final String ENDED = "passerelle.conversations.ended";
  /** Counter: flags raised on conversations; tag {@code flag}. */
  public static final String FLAGS = "passerelle.conversations.flags";

  private RelayMetrics() {}
}
