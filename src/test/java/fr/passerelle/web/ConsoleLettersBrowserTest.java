package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.MailboxVisitor;
import fr.passerelle.client.Transport;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.Content;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.Letter;
import fr.passerelle.e2e.MessageCode;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's Messages section against letters the Java reference client writes (docs/protocol.md 12.12): a
 * visitor's letter opens in the worker's browser, and a mailbox whose visitor letters name two reply keys gets no
 * reply field, with the reason, since a reply sealed to either key could reach someone else.
 */
class ConsoleLettersBrowserTest {
  private static final String ORG = "org-demo";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ConsoleFixture fixture;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aJavaVisitorsLetterOpensAndTwoReplyKeysInOneMailboxAreRefusedAReply() {
    ConsolePage camille = fixture.open();
    ConsoleWorkers.certified(camille, "camille");
    Transport transport = fixture.node().transport();
    byte[] root = fixture.node().node().organisationRoot().publicKey();
    String code = MessageCode.generate(RANDOM);
    MailboxVisitor visitor = new MailboxVisitor(transport, root, ORG, fixture.node().clock(), RANDOM,
        KeySource.random(RANDOM), code);
    await(visitor.leave("java-1", "Une lettre écrite par le client Java.", "fr"));

    camille.click("#letters-refresh");
    camille.click("#letters-list .letters-open");
    camille.waitUntil("the Java letter, opened", () -> camille.text(".letter.visitor .letter-text")
        .equals("Une lettre écrite par le client Java."));
    camille.waitFor("#letters-reply");

    // A second visitor letter in the same mailbox names another reply key.
    byte[] otherReplyKey = X25519.generate(RANDOM).publicKey();
    byte[] contentKey = new byte[32];
    RANDOM.nextBytes(contentKey);
    byte[] sealed = Letter.sealFromVisitor(new Letter.Address(ORG, visitor.mailboxId(), "java-2"),
        Content.letter("Répondez à cette autre clé.", otherReplyKey, "fr"), recipients(transport),
        contentKey, KeySource.random(RANDOM));
    Transport.Response posted = await(transport.authorized("POST", "/api/v1/mailbox/letters",
        Optional.of("Mailbox " + Base64Url.encode(MessageCode.derive(code, ORG).token())),
        Optional.of(new JsonObject().put("id", "java-2").put("sealed", Base64Url.encode(sealed)).encode())));
    assertThat(posted.status()).isEqualTo(201);

    camille.click("#letters-list .letters-open");
    camille.waitUntil("both letters", () -> camille.all(".letter.visitor").size() == 2);
    camille.waitUntil("no reply, and why", () -> camille.text("#letters-thread").contains(
        "les messages de cette boîte ne donnent pas tous la même clé de réponse"));
    assertThat(camille.all("#letters-reply")).isEmpty();
    camille.screenshot("letters-two-reply-keys");
  }

  private static List<Letter.Recipient> recipients(Transport transport) {
    JsonObject answer = await(transport.request("GET", "/api/v1/letters/recipients", Optional.empty(),
        Optional.empty())).body();
    return answer.getJsonArray("certificates").stream().map(c -> WorkerCertificate.parse(
        Base64Url.decode((String) c).orElseThrow())).map(c -> new Letter.Recipient(c.workerId(), c.identityDhKey()))
        .toList();
  }
}
