package fr.passerelle.web;

import static fr.passerelle.web.ConversationEnd.decode;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.Content;
import fr.passerelle.e2e.Handshake;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.SealedReferral;
import fr.passerelle.e2e.TransferNote;
import fr.passerelle.e2e.WorkerKeys;
import fr.passerelle.web.ConversationEnd.InJava;
import fr.passerelle.web.ConversationEnd.InPage;
import fr.passerelle.web.ConversationEnd.Message;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two implementations against each other, with random keys (docs/protocol.md 12.3 to 12.8): a conversation with
 * the worker in Java and the visitor in the page, and one the other way round, each side reading the other's
 * messages out of order and refusing replays and tampered bodies; the safety codes of both sides; transfer notes and
 * referrals sealed by one implementation and opened by the other. The page keeps its keys and sessions between calls
 * ({@code test/interop.js}).
 */
class InteropBrowserTest {
  private static final String PAGE = InPage.MODULE;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final KeySource KEYS = KeySource.random(RANDOM);
  private static final String ORG_ID = "org-interop";
  private static final Instant NOT_BEFORE = Instant.parse("2027-01-01T00:00:00Z");
  private static final Instant NOW = NOT_BEFORE.plus(Duration.ofDays(3));
  private static final String JAVA_WORKER_ID = "w-java";
  private static final String PAGE_WORKER_ID = "w-page";
  private static final String GREETING = "Bonjour, je m'appelle Camille 👋";
  private static final Ed25519.KeyPair ROOT = Ed25519.generate(RANDOM);
  private static final WorkerKeys JAVA_WORKER = WorkerKeys.generate(RANDOM);
  private static final byte[] JAVA_CERTIFICATE = certify(JAVA_WORKER_ID, "Camille",
      JAVA_WORKER.identityDh().publicKey(), JAVA_WORKER.identitySigning().publicKey());
  // What converse reads, in order: the texts, and the refusals of replays.
  private static final List<String> EXPECTED_READS = List.of(
      say("w4"), say("w2"), say("w3"),
      say("v7"), say("v5"), say("v6"), "DUPLICATE",
      say("w9"), "DUPLICATE",
      say("v10"),
      say("w11"), say("w8"), "AUTH_FAILED",
      say("v12"), "AUTH_FAILED");
  private static Browser browser;
  private static byte[] pageWorkerDhKey;
  private static byte[] pageCertificate;

  /** Both sides of a conversation just after its handshake, and what the visitor read and showed of the init. */
  private record Conversation(ConversationEnd worker, ConversationEnd visitor, String greeting, String pseudonym) {}

  @BeforeAll
  static void start() {
    browser = Browser.start();
    JsonObject keys = browser.object(PAGE, "newWorker", PAGE_WORKER_ID);
    pageWorkerDhKey = decode(keys.getString("identityDhKey"));
    pageCertificate = certify(PAGE_WORKER_ID, "Zoë", pageWorkerDhKey, decode(keys.getString("identitySigningKey")));
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  @Test
  void aJavaWorkerAndAVisitorInTheBrowserReadEachOtherOutOfOrderAndRefuseReplays() {
    Conversation conversation = javaWorkerWithPageVisitor("c-java-worker");
    assertThat(conversation.greeting()).isEqualTo(GREETING);
    assertThat(conversation.pseudonym()).isEqualTo("Camille");
    assertThat(converse(conversation)).containsExactlyElementsOf(EXPECTED_READS);
  }

  @Test
  void aWorkerInTheBrowserAndAJavaVisitorReadEachOtherOutOfOrderAndRefuseReplays() {
    Conversation conversation = pageWorkerWithJavaVisitor("c-page-worker");
    assertThat(conversation.greeting()).isEqualTo(GREETING);
    assertThat(conversation.pseudonym()).isEqualTo("Zoë");
    assertThat(converse(conversation)).containsExactlyElementsOf(EXPECTED_READS);
  }

  @Test
  void bothImplementationsShowTheSameSafetyCodeWhicheverHoldsWhichSide() {
    Conversation javaWorker = javaWorkerWithPageVisitor("c-code-java-worker");
    Conversation pageWorker = pageWorkerWithJavaVisitor("c-code-page-worker");
    for (Conversation conversation : List.of(javaWorker, pageWorker)) {
      assertThat(conversation.worker().safetyCode()).matches("\\d{5} \\d{5} \\d{5} \\d{5}")
          .isEqualTo(conversation.visitor().safetyCode());
    }
    assertThat(javaWorker.worker().safetyCode()).isNotEqualTo(pageWorker.worker().safetyCode());
  }

  @Test
  void aTamperedBodyFromEitherImplementationIsRefusedByTheOtherWithAuthFailed() {
    for (Conversation conversation : List.of(javaWorkerWithPageVisitor("c-tamper-java-worker"),
        pageWorkerWithJavaVisitor("c-tamper-page-worker"))) {
      Message fromWorker = conversation.worker().send("Êtes-vous en sécurité ?");
      assertThat(conversation.visitor().receive(fromWorker.withBodyBitFlipped())).isEqualTo("AUTH_FAILED");
      assertThat(conversation.visitor().receive(fromWorker)).as("the refusal changed nothing")
          .isEqualTo("Êtes-vous en sécurité ?");
      Message fromVisitor = conversation.visitor().send("Oui, merci 🙏");
      assertThat(conversation.worker().receive(fromVisitor.withBodyBitFlipped())).isEqualTo("AUTH_FAILED");
      assertThat(conversation.worker().receive(fromVisitor)).isEqualTo("Oui, merci 🙏");
    }
  }

  @Test
  void aTransferNoteSealedInEitherImplementationOpensInTheOther() {
    String text = "Visiteuse roumanophone, hébergement ce soir ; 115 proposé 📞";
    JsonObject expected = new JsonObject(new String(Content.transferNote(text, NOW), StandardCharsets.UTF_8));

    String fromPage = (String) browser.call(PAGE, "sealNote", PAGE_WORKER_ID, new JsonObject().put("orgId", ORG_ID)
        .put("certificate", encode(pageCertificate)).put("recipientWorkerId", JAVA_WORKER_ID)
        .put("recipientDhKey", encode(JAVA_WORKER.identityDh().publicKey())).put("text", text)
        .put("writtenAt", NOW.toString()));
    TransferNote.Opened opened = TransferNote.open(JAVA_WORKER.identityDh().privateKey(), ORG_ID, JAVA_WORKER_ID,
        ROOT.publicKey(), NOW, decode(fromPage));
    assertThat(opened.sender().workerId()).isEqualTo(PAGE_WORKER_ID);
    assertThat(new JsonObject(new String(opened.content(), StandardCharsets.UTF_8))).isEqualTo(expected);

    byte[] fromJava = TransferNote.seal(JAVA_WORKER, JAVA_CERTIFICATE, ORG_ID, PAGE_WORKER_ID, pageWorkerDhKey,
        Content.transferNote(text, NOW), KEYS);
    JsonObject read = browser.object(PAGE, "openNote", PAGE_WORKER_ID, new JsonObject().put("note", encode(fromJava))
        .put("orgId", ORG_ID).put("rootPublicKey", encode(ROOT.publicKey())).put("now", NOW.getEpochSecond()));
    assertThat(read.getString("senderWorkerId")).isEqualTo(JAVA_WORKER_ID);
    assertThat(new JsonObject(read.getString("content"))).isEqualTo(expected);
  }

  @Test
  void aReferralSealedInEitherImplementationOpensInTheOther() {
    String form = "{\"departement\":\"93\",\"languages\":[\"uk\",\"fr\"],\"note\":\"Зоя 👶🏽\"}";

    X25519.KeyPair javaAssociation = X25519.generate(RANDOM);
    String fromPage = (String) browser.call(PAGE, "sealForm", new JsonObject()
        .put("associationKey", encode(javaAssociation.publicKey())).put("associationId", "assoc-java")
        .put("referralId", "r-from-page").put("json", form));
    byte[] opened = SealedReferral.open(javaAssociation.privateKey(), "assoc-java", 1, "r-from-page", decode(fromPage));
    assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(form);

    byte[] pageAssociation = decode((String) browser.call(PAGE, "newAssociation", "assoc-page"));
    byte[] fromJava = SealedReferral.seal(pageAssociation, "assoc-page", 1, "r-from-java",
        form.getBytes(StandardCharsets.UTF_8), KEYS);
    assertThat(browser.call(PAGE, "openForm", "assoc-page", new JsonObject().put("sealed", encode(fromJava))
        .put("referralId", "r-from-java"))).isEqualTo(form);
  }

  /**
   * Eleven messages after the init, each side reading some out of order: within a chain on both sides, and across a
   * DH ratchet step (w8 after w11). Replays within the current chain are DUPLICATE; replays from an earlier turn,
   * whose keys are gone, fail to open (AUTH_FAILED, docs/protocol.md 12.4).
   */
  private static List<String> converse(Conversation conversation) {
    ConversationEnd worker = conversation.worker();
    ConversationEnd visitor = conversation.visitor();
    List<String> read = new ArrayList<>();
    Message w2 = worker.send(say("w2"));
    Message w3 = worker.send(say("w3"));
    Message w4 = worker.send(say("w4"));
    receive(visitor, read, w4, w2, w3);
    Message v5 = visitor.send(say("v5"));
    Message v6 = visitor.send(say("v6"));
    Message v7 = visitor.send(say("v7"));
    receive(worker, read, v7, v5, v6, v6);
    Message w8 = worker.send(say("w8"));
    Message w9 = worker.send(say("w9"));
    receive(visitor, read, w9, w9);
    receive(worker, read, visitor.send(say("v10")));
    receive(visitor, read, worker.send(say("w11")), w8, w2);
    receive(worker, read, visitor.send(say("v12")), v5);
    return read;
  }

  private static void receive(ConversationEnd receiver, List<String> read, Message... messages) {
    for (Message message : messages) {
      read.add(receiver.receive(message));
    }
  }

  private static String say(String label) {
    return label + " · ça va ? 🙂";
  }

  /** The Java worker's init for a visitor key the page made, accepted in the page. */
  private static Conversation javaWorkerWithPageVisitor(String conversationId) {
    byte[] visitorKey = decode((String) browser.call(PAGE, "newVisitorKey", conversationId));
    Handshake.Initiated init = Handshake.initiate(JAVA_WORKER, JAVA_CERTIFICATE, ORG_ID, ROOT.publicKey(),
        conversationId, visitorKey, Content.text(GREETING), KEYS);
    JsonObject accepted = browser.object(PAGE, "accept", conversationId, new JsonObject().put("orgId", ORG_ID)
        .put("rootPublicKey", encode(ROOT.publicKey())).put("now", NOW.getEpochSecond())
        .put("header", encode(init.header())).put("body", encode(init.body())));
    return new Conversation(new InJava(init.session()), new InPage(browser, conversationId),
        accepted.getString("text"), accepted.getString("pseudonym"));
  }

  /** The page worker's init for a Java visitor key, accepted in Java. */
  private static Conversation pageWorkerWithJavaVisitor(String conversationId) {
    X25519.KeyPair visitorKey = X25519.generate(RANDOM);
    JsonObject init = browser.object(PAGE, "start", conversationId, PAGE_WORKER_ID, new JsonObject()
        .put("orgId", ORG_ID).put("rootPublicKey", encode(ROOT.publicKey())).put("certificate", encode(pageCertificate))
        .put("visitorKey", encode(visitorKey.publicKey())).put("text", GREETING));
    Handshake.Accepted accepted = Handshake.accept(visitorKey, ROOT.publicKey(), ORG_ID, conversationId, NOW,
        decode(init.getString("header")), decode(init.getString("body")), KEYS);
    String greeting = new JsonObject(new String(accepted.content(), StandardCharsets.UTF_8)).getString("text");
    return new Conversation(new InPage(browser, conversationId), new InJava(accepted.session()), greeting,
        accepted.certificate().pseudonym());
  }

  private static byte[] certify(String workerId, String pseudonym, byte[] dhKey, byte[] signingKey) {
    return new WorkerCertificate(ORG_ID, workerId, pseudonym, dhKey, signingKey, NOT_BEFORE,
        NOT_BEFORE.plus(Duration.ofDays(90))).sign(ROOT.privateKey());
  }

  private static String encode(byte[] bytes) {
    return Base64Url.encode(bytes);
  }
}
