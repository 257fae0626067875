package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.passerelle.conversation.Conversation;
import fr.passerelle.conversation.ConversationStore.Appended;
import fr.passerelle.conversation.Party;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.queue.Flag;
import fr.passerelle.queue.QueueEntry;
import fr.passerelle.visitor.VisitorSession;
import fr.passerelle.worker.WorkerPresence;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What every store contract needs: the stores under test, a way to wait on them, and small scenario builders. */
interface StoreFixture {

  // Close to the real clock, because the stores read their clock where an operation has no "now" of its own.
  Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  Duration SESSION_LIFE = Duration.ofHours(1);
  int ROOMY = 100;

  Stores stores();

  default <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** Waits for the future to fail with an {@link ApiException} of that code. */
  default ApiException failure(Future<?> future, ErrorCode code) {
    Throwable thrown = catchThrowable(() -> await(future));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    assertThat(thrown.getCause()).isInstanceOf(ApiException.class);
    ApiException failure = (ApiException) thrown.getCause();
    assertThat(failure.code()).isEqualTo(code);
    return failure;
  }

  default VisitorSession newSession(String id) throws Exception {
    VisitorSession session = new VisitorSession(id, new byte[] {1, 2, 3}, List.of("fr", "ro"), Optional.empty(),
        Optional.empty(), NOW.plus(SESSION_LIFE));
    await(stores().sessions().create(session));
    return session;
  }

  static QueueEntry entry(String id, String sessionId, Flag... flags) {
    Set<Flag> set = flags.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(flags));
    return new QueueEntry(id, sessionId, List.of("fr", "ro"), set, Optional.of("housing"), "key-" + id, 0, NOW,
        Optional.empty());
  }

  /** A new session waiting in the queue under entry id {@code "e-" + sessionId}. */
  default QueueEntry waiting(String sessionId, Flag... flags) throws Exception {
    newSession(sessionId);
    return await(stores().queue().enqueue(entry("e-" + sessionId, sessionId, flags), ROOMY));
  }

  default WorkerPresence online(String workerId, int capacity) throws Exception {
    return await(stores().presence().online(workerId, "pseudo-" + workerId, Set.of("fr"), Set.of(), capacity, true));
  }

  /** A new session in an active conversation {@code "c-" + sessionId} with the worker, who must be online. */
  default Conversation talking(String sessionId, String workerId) throws Exception {
    QueueEntry entry = waiting(sessionId);
    return await(stores().queue().claim(entry.id(), workerId, "c-" + sessionId, NOW));
  }

  default Appended send(String conversationId, Party from, String envelopeId, Instant at) throws Exception {
    return await(stores().conversations().append(conversationId, from, envelopeId, "h-" + envelopeId,
        "b-" + envelopeId, at));
  }

  default int active(String workerId) throws Exception {
    return await(stores().presence().find(workerId)).orElseThrow().active();
  }
}
