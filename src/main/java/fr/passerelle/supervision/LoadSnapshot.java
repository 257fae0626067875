package fr.passerelle.supervision;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live load the supervisor dashboard shows: counts only, never a visitor, session or conversation id, never
 * content. Cumulative figures ({@code abandoned}, {@code offersDeclined}, waits) are read from the meter registry
 * since the node started.
 *
 * @param waitingByLanguage waiting visitors under the FIRST language they chose
 * @param waitingByPriority waiting visitors by priority 0 (none), 1 (possible minor), 2 (danger); all three present
 * @param capacityTotal the sum of the capacity of available workers
 * @param capacityUsed the sum of active conversations of all online workers
 * @param offersPending queue entries with an unexpired push offer
 * @param waitP50Seconds median queue wait, see {@link LoadSampler} for how it is read
 * @param offersDeclined offers declined or timed out
 * @param offersTimedOut of those, the offers that timed out
 * @param mailboxesAwaiting anonymous mailboxes whose last letter is the visitor's, as the mailbox gauge last counted
 */
public record LoadSnapshot(
    Instant at,
    int waiting,
    Map<String, Integer> waitingByLanguage,
    Map<Integer, Integer> waitingByPriority,
    long longestWaitSeconds,
    int workersOnline,
    int workersAvailable,
    int capacityTotal,
    int capacityUsed,
    int conversationsActive,
    int offersPending,
    long abandoned,
    double waitP50Seconds,
    double waitP90Seconds,
    long offersDeclined,
    long offersTimedOut,
    int mailboxesAwaiting) {

  public LoadSnapshot {
    waitingByLanguage = Collections.unmodifiableMap(new TreeMap<>(waitingByLanguage));
    waitingByPriority = Collections.unmodifiableMap(new TreeMap<>(waitingByPriority));
  }

  public JsonObject toJson() {
    JsonObject byLanguage = new JsonObject();
    waitingByLanguage.forEach(byLanguage::put);
    JsonObject byPriority = new JsonObject();
    waitingByPriority.forEach((priority, count) -> byPriority.put(String.valueOf(priority), count));
    return new JsonObject()
        .put("at", at.toString())
        .put("waiting", waiting)
        .put("waitingByLanguage", byLanguage)
        .put("waitingByPriority", byPriority)
        .put("longestWaitSeconds", longestWaitSeconds)
        .put("workersOnline", workersOnline)
        .put("workersAvailable", workersAvailable)
        .put("capacityTotal", capacityTotal)
        .put("capacityUsed", capacityUsed)
        .put("conversationsActive", conversationsActive)
        .put("offersPending", offersPending)
        .put("abandoned", abandoned)
        .put("waitP50Seconds", waitP50Seconds)
        .put("waitP90Seconds", waitP90Seconds)
        .put("offersDeclined", offersDeclined)
        .put("offersTimedOut", offersTimedOut)
        .put("mailboxesAwaiting", mailboxesAwaiting);
  }
}
