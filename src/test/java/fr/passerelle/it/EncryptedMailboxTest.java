package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.MailboxVisitor;
import fr.passerelle.client.MailboxWorker;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.MessageCode;
import fr.passerelle.e2e.WorkerKeys;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Letters through the running server with the Java reference clients: a visitor leaves a letter, a worker reads and
 * answers, the visitor reads the verified reply and writes again, a colleague reads the whole thread and answers.
 * Then everything the server holds, logged and exported as metrics is searched for every plaintext, the code, the
 * token and every private key: none is there.
 */
@ExtendWith(VertxExtension.class)
class EncryptedMailboxTest {
  private static final String ORG = "asso-letters";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Ed25519.KeyPair root = Ed25519.generate(RANDOM);
  private final Map<String, byte[]> secrets = new LinkedHashMap<>();
  private TestNode node;
  private ServerFootprint.LogCapture logs;

  /** Random keys, each recorded before the protocol uses and wipes it. */
  private final KeySource keys = () -> {
    X25519.KeyPair pair = X25519.generate(RANDOM);
    synchronized (secrets) {
      secrets.put("generated private key " + secrets.size(), pair.privateKey().clone());
    }
    return pair;
  };

  @BeforeEach
  void start(Vertx vertx) {
    logs = ServerFootprint.LogCapture.install();
    node = TestNode.start(vertx, Map.of("PASSERELLE_ORGANISATION_ID", ORG,
        "PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", Base64Url.encode(root.publicKey()),
        "PASSERELLE_LIMITS_SESSIONS_PER_MINUTE", "1000"));
    secrets.put("root private key", root.privateKey());
  }

  @AfterEach
  void stop() {
    logs.close();
    node.close();
  }

  @Test
  void aLetterAndItsRepliesLeaveNoPlaintextCodeTokenOrKeyOnTheServer() {
    MailboxWorker camille = worker("camille", "Camille");
    MailboxWorker ioana = worker("ioana", "Ioana");
    String code = MessageCode.generate(RANDOM);
    MessageCode.Derived derived = MessageCode.derive(code, ORG);
    secrets.put("message code", code.getBytes(StandardCharsets.US_ASCII));
    secrets.put("message code as shown", MessageCode.display(code).getBytes(StandardCharsets.US_ASCII));
    secrets.put("mailbox token", derived.token());
    secrets.put("reply key", derived.replyKey());
    MailboxVisitor visitor = new MailboxVisitor(node.transport(), root.publicKey(), ORG, node.clock(), RANDOM, keys,
        MessageCode.display(code).toLowerCase());

    await(visitor.leave("l-1", plain("Bună seara. Am nevoie de ajutor, dar nu pot vorbi acum. Scrieți-mi mâine."),
        "ro"));

    JsonArray mailboxes = await(camille.mailboxes());
    assertThat(mailboxes).hasSize(1);
    assertThat(mailboxes.getJsonObject(0).getString("id")).isEqualTo(visitor.mailboxId());
    assertThat(mailboxes.getJsonObject(0).getBoolean("awaitingReply")).isTrue();
    List<MailboxWorker.Read> thread = await(camille.read(visitor.mailboxId()));
    assertThat(thread.get(0).content().orElseThrow().getString("text"))
        .isEqualTo("Bună seara. Am nevoie de ajutor, dar nu pot vorbi acum. Scrieți-mi mâine.");
    node.clock().advance(Duration.ofMinutes(10));
    await(camille.reply(visitor.mailboxId(), "r-1",
        plain("Bună ziua. Vă putem ajuta; scrieți-ne când puteți, răspundem în fiecare zi.")));

    List<MailboxVisitor.Reply> replies = await(visitor.replies());
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).pseudonym()).isEqualTo("Camille");
    assertThat(replies.get(0).content().getString("text"))
        .isEqualTo("Bună ziua. Vă putem ajuta; scrieți-ne când puteți, răspundem în fiecare zi.");
    await(visitor.leave("l-2", plain("Mulțumesc. Sunt la Marseille, lângă gară."), "ro"));

    List<MailboxWorker.Read> seenByColleague = await(ioana.read(visitor.mailboxId()));
    assertThat(seenByColleague).extracting(read -> read.content().orElseThrow().getString("text")).containsExactly(
        "Bună seara. Am nevoie de ajutor, dar nu pot vorbi acum. Scrieți-mi mâine.",
        "Bună ziua. Vă putem ajuta; scrieți-ne când puteți, răspundem în fiecare zi.",
        "Mulțumesc. Sunt la Marseille, lângă gară.");
    await(ioana.reply(visitor.mailboxId(), "r-2", plain("Bună, sunt Ioana. Vă sun asociația din Marseille?")));
    assertThat(await(visitor.replies())).extracting(MailboxVisitor.Reply::pseudonym)
        .containsExactly("Camille", "Ioana");

    ServerFootprint footprint = footprint();
    String storedLetter = await(node.node().services().stores().mailboxes().find(visitor.mailboxId())).orElseThrow()
        .letters().get(0).sealed();
    assertThat(footprint.found(Map.of("a stored letter", Base64Url.decode(storedLetter).orElseThrow())))
        .as("the search reaches the stored letters").isNotEmpty();
    assertThat(logs.lines()).as("the search reaches the logs").isNotEmpty();
    assertThat(footprint.found(secrets)).isEmpty();
    assertThat(await(visitor.delete())).isEqualTo(204);
    assertThat(await(camille.mailboxes())).isEmpty();
  }

  private MailboxWorker worker(String username, String pseudonym) {
    WorkerKeys identity = WorkerKeys.generate(RANDOM);
    secrets.put(username + "'s identity DH private key", identity.identityDh().privateKey());
    secrets.put(username + "'s identity signing key", identity.identitySigning().privateKey());
    Instant now = node.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    String id = await(node.node().services().stores().staff().findByUsername(username)).orElseThrow().id();
    byte[] certificate = new WorkerCertificate(ORG, id, pseudonym, identity.identityDh().publicKey(),
        identity.identitySigning().publicKey(), now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30)))
        .sign(root.privateKey());
    String token = node.token(username);
    var uploaded = await(node.transport().request("PUT", "/api/v1/workers/me/certificate", Optional.of(token),
        Optional.of(new io.vertx.core.json.JsonObject().put("certificate", Base64Url.encode(certificate)).encode())));
    assertThat(uploaded.status()).isEqualTo(200);
    return new MailboxWorker(node.transport(), token, id, identity, certificate, root.publicKey(), ORG, node.clock(),
        RANDOM, keys);
  }

  /** Records a plaintext as a secret (and each of its words of more than six letters) before it is sent. */
  private String plain(String text) {
    synchronized (secrets) {
      secrets.put("plaintext: " + text, text.getBytes(StandardCharsets.UTF_8));
      for (String word : text.split("[\\s.,;:?!']+")) {
        if (word.length() > 6) {
          secrets.put("word of a plaintext: " + word, word.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return text;
  }

  private ServerFootprint footprint() {
    ServerFootprint footprint = new ServerFootprint().addReachableFrom(node.node());
    logs.lines().forEach(footprint::addText);
    try {
      HttpRequest request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + node.node().managementPort() + "/metrics")).build();
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return footprint.addText(response.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
