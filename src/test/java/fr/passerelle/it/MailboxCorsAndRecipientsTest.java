package fr.passerelle.it;

import static fr.passerelle.it.MailboxFixture.letter;
import static fr.passerelle.it.MailboxFixture.newToken;
import static fr.passerelle.it.MailboxFixture.sealed;
import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import fr.passerelle.staff.StaffAccount;
import fr.passerelle.staff.StaffStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The mailbox's public edges: the recipients list, CORS for the embedding site, and the metrics. */
@ExtendWith(VertxExtension.class)
class MailboxCorsAndRecipientsTest {
  private static final String SITE = "https://www.asso.example";
  private final Ed25519.KeyPair root = Ed25519.generate(MailboxFixture.RANDOM);
  private TestNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private void start(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_ORGANISATION_ID", MailboxFixture.ORG,
        "PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", Base64Url.encode(root.publicKey()),
        "PASSERELLE_HTTP_ALLOWED_ORIGINS", SITE, "PASSERELLE_LIMITS_SESSIONS_PER_MINUTE", "1000"));
  }

  @Test
  void theRecipientsAreTheCertificatesOfEnabledAccountsValidNow(Vertx vertx) {
    start(vertx);
    StaffStore staff = node.node().services().stores().staff();
    Instant now = node.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    byte[] camille = certificate("camille", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)),
        root.privateKey());
    byte[] expired = certificate("ioana", now.minus(Duration.ofDays(30)), now.minus(Duration.ofSeconds(1)),
        root.privateKey());
    byte[] foreign = certificate("supervisor", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)),
        Ed25519.generate(MailboxFixture.RANDOM).privateKey());
    byte[] disabled = certificate("intake", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)),
        root.privateKey());
    await(staff.saveCertificate(id("camille"), camille));
    await(staff.saveCertificate(id("ioana"), expired));
    await(staff.saveCertificate(id("supervisor"), foreign));
    await(staff.saveCertificate(id("intake"), disabled));
    StaffAccount intake = await(staff.findByUsername("intake")).orElseThrow();
    await(staff.update(new StaffAccount(intake.id(), intake.username(), intake.pseudonym(), intake.role(),
        intake.languages(), intake.skills(), intake.capacity(), false, intake.passwordHash(), intake.association(),
        intake.createdAt())));

    JsonObject recipients = await(node.transport().request("GET", "/api/v1/letters/recipients", Optional.empty(),
        Optional.empty())).body();

    assertThat(recipients.getJsonArray("certificates")).containsExactly(Base64Url.encode(camille));
  }

  @Test
  void theEmbeddingSiteMayCallTheVisitorRoutesWithTheMailboxHeader(Vertx vertx) throws Exception {
    start(vertx);
    for (String path : new String[] {"/api/v1/mailbox", "/api/v1/mailbox/letters", "/api/v1/letters/recipients"}) {
      HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri(path))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", SITE)
          .header("Access-Control-Request-Method", "DELETE")
          .header("Access-Control-Request-Headers", "authorization"));
      assertThat(preflight.statusCode()).as(path).isEqualTo(204);
      assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue(SITE);
      assertThat(preflight.headers().firstValue("access-control-allow-methods").orElseThrow()).contains("DELETE");
      assertThat(preflight.headers().firstValue("access-control-allow-headers").orElseThrow())
          .contains("authorization");
      assertThat(preflight.headers().firstValue("access-control-allow-credentials")).isEmpty();
    }
    HttpResponse<String> stranger = send(HttpRequest.newBuilder(uri("/api/v1/mailbox"))
        .header("Origin", "https://elsewhere.example").header("Authorization", "Mailbox " + newToken()));
    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(stranger.headers().firstValue("access-control-allow-origin")).isEmpty();
    HttpResponse<String> staffRoute = send(HttpRequest.newBuilder(uri("/api/v1/mailboxes"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", SITE)
        .header("Access-Control-Request-Method", "GET"));
    assertThat(staffRoute.headers().firstValue("access-control-allow-origin")).isEmpty();
  }

  @Test
  void theMetricsCountLettersAndMailboxesWithoutAnyId(Vertx vertx) {
    start(vertx);
    MailboxFixture http = new MailboxFixture(node);
    String answered = newToken();
    String waiting = newToken();
    http.leave(answered, letter("l-1", sealed(1, 300)));
    http.leave(waiting, letter("l-1", sealed(1, 300)));
    http.leave(waiting, letter("l-1", sealed(1, 300)));
    http.staff("POST", "/api/v1/mailboxes/" + MailboxFixture.mailboxId(answered) + "/letters",
        Optional.of("camille"), Optional.of(letter("r-1", sealed(2, 300))));

    String metrics = ((PrometheusMeterRegistry) node.node().services().registry()).scrape();

    assertThat(metrics).contains("passerelle_letters_total{from=\"visitor\"} 2.0")
        .contains("passerelle_letters_total{from=\"worker\"} 1.0")
        .contains("passerelle_mailboxes{state=\"awaiting\"} 1.0")
        .contains("passerelle_mailboxes{state=\"answered\"} 1.0")
        .doesNotContain(MailboxFixture.mailboxId(answered)).doesNotContain(answered).doesNotContain("l-1")
        .doesNotContain("r-1");
  }

  private byte[] certificate(String username, Instant notBefore, Instant notAfter, byte[] rootPrivate) {
    return new WorkerCertificate(MailboxFixture.ORG, id(username), "Camille",
        X25519.generate(MailboxFixture.RANDOM).publicKey(), Ed25519.generate(MailboxFixture.RANDOM).publicKey(),
        notBefore, notAfter).sign(rootPrivate);
  }

  private String id(String username) {
    return await(node.node().services().stores().staff().findByUsername(username)).orElseThrow().id();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + node.port() + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
