package fr.passerelle.store.memory;

import fr.passerelle.conversation.Consent;
import fr.passerelle.conversation.Envelope;
import fr.passerelle.conversation.Party;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The envelopes of one conversation, the ids it has ever stored and the visitor's answers to referral requests;
 * only touched under the state lock.
 */
final class ConversationLog {

  /** What is remembered of an envelope id after the envelope itself is acked or purged. */
  private record Receipt(long seq, Party from, Instant storedAt) {}

  private final TreeMap<Long, Envelope> envelopes = new TreeMap<>();
  // Kept for the conversation's lifetime so a resend after an ack is still recognised as a duplicate. Keyed by
  // sender and id: the two ends choose their ids independently and may well both start at "1".
  private final Map<String, Receipt> receipts = new HashMap<>();
  private final Map<String, Consent> consents = new HashMap<>();
  private long lastSeq;

  /** The envelope {@code from} first stored under {@code id}, rebuilt from its receipt if it was deleted since. */
  Optional<Envelope> original(Party from, String id, String header, String body) {
    Receipt receipt = receipts.get(key(from, id));
    if (receipt == null) {
      return Optional.empty();
    }
    Envelope stored = envelopes.get(receipt.seq());
    return Optional.of(stored != null ? stored
        : new Envelope(receipt.seq(), id, receipt.from(), header, body, receipt.storedAt()));
  }

  Envelope add(Party from, String id, String header, String body, Instant now) {
    Envelope envelope = new Envelope(++lastSeq, id, from, header, body, now);
    envelopes.put(envelope.seq(), envelope);
    receipts.put(key(from, id), new Receipt(envelope.seq(), from, now));
    return envelope;
  }

  List<Envelope> after(Party to, long after) {
    return envelopes.tailMap(after, false).values().stream().filter(e -> e.from() == to.other()).toList();
  }

  /** Deletes the envelopes addressed to {@code by} up to {@code seq}; returns how many. */
  int ack(Party by, long seq) {
    return removeIf(envelopes.headMap(seq, true), e -> e.from() == by.other());
  }

  /** Deletes the envelopes stored before {@code before}; returns how many. */
  int purgeBefore(Instant before) {
    return removeIf(envelopes, e -> e.storedAt().isBefore(before));
  }

  /** Records or replaces the answer to a request; false if it is a new request and the log holds the maximum. */
  boolean consent(Consent consent) {
    if (!consents.containsKey(consent.request()) && consents.size() >= Consent.MAX_PER_CONVERSATION) {
      return false;
    }
    consents.put(consent.request(), consent);
    return true;
  }

  Optional<Consent> consent(String request) {
    return Optional.ofNullable(consents.get(request));
  }

  private static String key(Party from, String id) {
    return from.wire() + "/" + id;
  }

  int size() {
    return envelopes.size();
  }

  private static int removeIf(Map<Long, Envelope> view, java.util.function.Predicate<Envelope> doomed) {
    int before = view.size();
    view.values().removeIf(doomed);
    return before - view.size();
  }
}
