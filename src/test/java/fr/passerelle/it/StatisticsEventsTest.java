package fr.passerelle.it;

import static fr.passerelle.it.MailboxFixture.letter;
import static fr.passerelle.it.MailboxFixture.newToken;
import static fr.passerelle.it.MailboxFixture.sealed;
import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.statistics.Cell;
import fr.passerelle.statistics.CellKey;
import fr.passerelle.statistics.Measure;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real sessions, queue and conversations on a real node, through the reference clients, increment the statistics
 * cell of the session's campaign (its département), first language and the month in the organisation's zone.
 */
@ExtendWith(VertxExtension.class)
class StatisticsEventsTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_LIMITS_SESSIONS_PER_MINUTE", "1000"));
    var created = await(node.transport().request("POST", "/api/v1/campaigns", Optional.of(node.token("admin")),
        Optional.of(new JsonObject().put("code", "ads-93").put("label", "Annonces 93").put("departement", "93")
            .encode())));
    assertThat(created.status()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private VisitorClient visitor(Optional<String> campaign, String... languages) {
    return await(VisitorClient.start(node.transport(), List.of(languages), campaign));
  }

  private CellKey cell(String departement, String language, String campaign) {
    return new CellKey(YearMonth.from(node.clock().instant().atZone(PARIS)), departement, language, campaign);
  }

  private Map<Measure, Long> counts(CellKey key) {
    return await(node.node().services().stores().statistics().cells(key.month(), key.month())).stream()
        .filter(c -> c.key().equals(key)).findFirst().map(Cell::counts).orElse(Map.of());
  }

  private void eventually(CellKey key, Map<Measure, Long> expected) {
    TestNode.eventually(() -> counts(key).equals(expected));
  }

  private static Map<Measure, Long> of(Object... measureThenCount) {
    Map<Measure, Long> counts = new EnumMap<>(Measure.class);
    for (int i = 0; i < measureThenCount.length; i += 2) {
      counts.put((Measure) measureThenCount[i], ((Number) measureThenCount[i + 1]).longValue());
    }
    return counts;
  }

  @Test
  void aRegisteredCampaignCountsUnderItsDepartementAndTheFirstLanguage() {
    VisitorClient visitor = visitor(Optional.of("ads-93"), "ro", "fr");
    await(visitor.join(List.of("ro", "fr"), "a2V5"));
    await(visitor.leave());

    eventually(cell("93", "ro", "ads-93"),
        of(Measure.SESSIONS_STARTED, 1, Measure.QUEUE_JOINED, 1, Measure.ABANDONED, 1));
  }

  @Test
  void anUnknownCodeOrNoCodeStillWorksAndCountsUnderUnknownAndAMadeUpLanguageUnderOther() {
    VisitorClient unknownCode = visitor(Optional.of("made-up"), "fr");
    VisitorClient noCode = visitor(Optional.empty(), "fr");
    await(unknownCode.join(List.of("fr"), "a2V5"));
    await(noCode.join(List.of("fr"), "a2V5"));

    visitor(Optional.of("ads-93"), "xx", "fr");

    eventually(cell("unknown", "fr", "unknown"), of(Measure.SESSIONS_STARTED, 2, Measure.QUEUE_JOINED, 2));
    eventually(cell("93", "other", "ads-93"), of(Measure.SESSIONS_STARTED, 1));
    assertThat(await(node.node().services().stores().statistics().cells(YearMonth.of(2000, 1),
        YearMonth.of(2999, 12)))).extracting(c -> c.key().campaign()).doesNotContain("made-up");
  }

  @Test
  void aConversationAndItsPossibleMinorFlagAreCountedOnce() {
    VisitorClient visitor = visitor(Optional.of("ads-93"), "fr");
    WorkerClient camille = node.worker("camille");
    String conversation = ConversationLifecycleTest.connect(visitor, camille);
    for (int i = 0; i < 2; i++) {
      camille.channel().send(new JsonObject().put("type", "flag").put("conversation", conversation)
          .put("flag", "possible-minor"));
      await(camille.channel().next("flagged"));
    }
    camille.channel().send(new JsonObject().put("type", "flag").put("conversation", conversation)
        .put("flag", "danger"));
    await(camille.channel().next("flagged"));

    eventually(cell("93", "fr", "ads-93"), of(Measure.SESSIONS_STARTED, 1, Measure.QUEUE_JOINED, 1,
        Measure.CONVERSATIONS, 1, Measure.POSSIBLE_MINOR, 1));
  }

  @Test
  void aQuickExitWhileWaitingIsAnAbandonment() {
    VisitorClient visitor = visitor(Optional.of("ads-93"), "bg");
    await(visitor.join(List.of("bg"), "a2V5"));
    await(visitor.erase());

    eventually(cell("93", "bg", "ads-93"),
        of(Measure.SESSIONS_STARTED, 1, Measure.QUEUE_JOINED, 1, Measure.ABANDONED, 1));
  }

  @Test
  void aSessionThatExpiresWhileWaitingIsAnAbandonmentOfTheMonthItTimedOutIn() {
    VisitorClient visitor = visitor(Optional.of("ads-93"), "sq");
    await(visitor.join(List.of("sq"), "a2V5"));
    CellKey joined = cell("93", "sq", "ads-93");
    eventually(joined, of(Measure.SESSIONS_STARTED, 1, Measure.QUEUE_JOINED, 1));

    node.clock().advance(Duration.ofHours(13));
    await(node.node().purge().runOnce());

    CellKey timedOut = cell("93", "sq", "ads-93");
    if (timedOut.equals(joined)) {
      eventually(joined, of(Measure.SESSIONS_STARTED, 1, Measure.QUEUE_JOINED, 1, Measure.ABANDONED, 1));
    } else {
      eventually(timedOut, of(Measure.ABANDONED, 1));
    }
  }

  @Test
  void aVisitorsLetterCountsUnderItsLanguageWithoutCampaign() {
    MailboxFixture mailbox = new MailboxFixture(node);
    String token = newToken();
    assertThat(mailbox.leave(token, letter("l-1", sealed(1, 100)).put("languages", new JsonArray().add("ru")))
        .status()).isEqualTo(201);
    assertThat(mailbox.leave(token, letter("l-1", sealed(1, 100))).status()).as("a duplicate").isEqualTo(200);

    eventually(cell("unknown", "ru", "unknown"), of(Measure.LETTERS, 1));
  }

  @Test
  void monthsOlderThanTheRetentionArePurgedAndTheOthersKept() {
    var statistics = node.node().services().stores().statistics();
    YearMonth now = YearMonth.from(node.clock().instant().atZone(PARIS));
    // retention.statistics is 1827 days by default: the month that day falls in is partly recent, so it stays.
    YearMonth reached = YearMonth.from(node.clock().instant().minus(Duration.ofDays(1827)).atZone(PARIS));
    CellKey older = new CellKey(reached.minusMonths(1), "93", "fr", "ads-93");
    CellKey partlyRecent = new CellKey(reached, "93", "fr", "ads-93");
    CellKey recent = new CellKey(now.minusYears(4), "93", "fr", "ads-93");
    for (CellKey key : List.of(older, partlyRecent, recent)) {
      await(statistics.increment(key, Measure.CONVERSATIONS));
    }

    await(node.node().purge().runOnce());

    assertThat(await(statistics.cells(now.minusYears(10), now))).extracting(Cell::key)
        .containsExactly(partlyRecent, recent);
  }

  @Test
  void theDepartementIsTheCampaignsAtTheTimeOfTheEvent() {
    visitor(Optional.of("ads-93"), "es");
    eventually(cell("93", "es", "ads-93"), of(Measure.SESSIONS_STARTED, 1));
    var patched = await(node.transport().request("PATCH", "/api/v1/campaigns/ads-93",
        Optional.of(node.token("admin")), Optional.of(new JsonObject().put("departement", "974").encode())));
    assertThat(patched.status()).isEqualTo(200);

    visitor(Optional.of("ads-93"), "es");

    eventually(cell("974", "es", "ads-93"), of(Measure.SESSIONS_STARTED, 1));
    assertThat(counts(cell("93", "es", "ads-93"))).isEqualTo(of(Measure.SESSIONS_STARTED, 1));
  }
}
