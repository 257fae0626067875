package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Received;
import fr.passerelle.client.SecureVisitor;
import fr.passerelle.client.SecureWorker;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.WorkerKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole encrypted conversation through the running server, with the Java reference clients: handshake, messages
 * both ways, a reconnect on each side, a transfer with a sealed note, a new handshake, the end. Then everything the
 * server holds, logged and exported as metrics is searched for every plaintext and every private key: none is there.
 */
@ExtendWith(VertxExtension.class)
class EncryptedConversationTest {
  private static final String ORG = "asso-e2e";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Ed25519.KeyPair root = Ed25519.generate(RANDOM);
  /** Every secret the clients hold or write, by name: none may reach the server in any form. */
  private final Map<String, byte[]> secrets = new LinkedHashMap<>();
  private final List<byte[]> generatedPublicKeys = new ArrayList<>();
  private TestNode node;
  private ServerFootprint.LogCapture logs;

  /** Random keys, each recorded before the protocol uses and wipes it. */
  private final KeySource keys = () -> {
    X25519.KeyPair pair = X25519.generate(RANDOM);
    synchronized (secrets) {
      secrets.put("generated private key " + secrets.size(), pair.privateKey().clone());
      generatedPublicKeys.add(pair.publicKey().clone());
    }
    return pair;
  };

  @BeforeEach
  void start(Vertx vertx) {
    logs = ServerFootprint.LogCapture.install();
    node = TestNode.start(vertx, Map.of("PASSERELLE_ORGANISATION_ID", ORG,
        "PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", Base64Url.encode(root.publicKey())));
    secrets.put("root private key", root.privateKey());
  }

  @AfterEach
  void stop() {
    logs.close();
    node.close();
  }

  @Test
  void aConversationWithReconnectsAndATransferLeavesNoPlaintextOrKeyOnTheServer() {
    SecureWorker camille = worker("camille", "Camille");
    SecureWorker ioana = worker("ioana", "Ioana");
    SecureVisitor visitor = new SecureVisitor(node.visitor("fr"), root.publicKey(), ORG, node.clock(), keys);

    await(visitor.join(List.of("fr")));
    await(camille.client().available());
    String entry = await(camille.client().queueWithAtLeast(1)).getJsonArray("entries").getJsonObject(0)
        .getString("entry");
    String first = await(camille.accept(entry, plain("Bonjour, je suis là pour vous écouter. Vous pouvez écrire en toute sécurité.")));

    Received greeting = await(visitor.nextMessage());
    assertThat(greeting.text()).isEqualTo("Bonjour, je suis là pour vous écouter. Vous pouvez écrire en toute sécurité.");
    assertThat(visitor.worker().orElseThrow().pseudonym()).isEqualTo("Camille");
    assertThat(visitor.safetyCode()).isPresent().isEqualTo(camille.safetyCode(first));

    exchange(visitor, camille, first, "J'ai besoin d'aide, je suis à Lyon depuis deux semaines.",
        "Merci de nous écrire. Êtes-vous en sécurité là où vous êtes ?");

    // The visitor's socket drops; the worker writes meanwhile; the server holds those envelopes.
    await(visitor.client().channel().close());
    await(camille.send(first, plain("Prenez votre temps, je reste là.")));
    await(camille.send(first, plain("Vous pouvez aussi utiliser la sortie rapide à tout moment.")));
    ServerFootprint whileStored = footprint();
    assertThat(whileStored.found(publicKeysInHeaders()))
        .as("the search reaches the stored envelopes: their headers carry ratchet public keys").isNotEmpty();
    assertThat(whileStored.found(secrets)).isEmpty();

    await(visitor.reconnect());
    assertThat(await(visitor.nextMessage()).text()).isEqualTo("Prenez votre temps, je reste là.");
    assertThat(await(visitor.nextMessage()).text()).isEqualTo("Vous pouvez aussi utiliser la sortie rapide à tout moment.");

    // Now the worker's socket drops, and the visitor writes meanwhile.
    await(camille.client().channel().close());
    await(visitor.send(plain("Oui, pour l'instant. Je voudrais parler à quelqu'un qui parle roumain.")));
    await(camille.reconnect());
    assertThat(await(camille.nextMessage()).text())
        .isEqualTo("Oui, pour l'instant. Je voudrais parler à quelqu'un qui parle roumain.");

    // Transfer to Ioana, with a note only she can open; the visitor sends a new key, Ioana answers it.
    await(ioana.client().available());
    String ioanaId = await(node.node().services().stores().staff().findByUsername("ioana")).orElseThrow().id();
    await(camille.client().colleague("Ioana"));
    await(camille.transfer(node.transport(), first, ioanaId,
        plain("Elle préfère être appelée Ana. Arrivée à Lyon il y a deux semaines, parle roumain.")));
    Received note = await(ioana.nextMessage());
    assertThat(note.type()).isEqualTo("transfer-note");
    assertThat(note.text()).isEqualTo("Elle préfère être appelée Ana. Arrivée à Lyon il y a deux semaines, parle roumain.");
    assertThat(note.content().getString("from")).isEqualTo("Camille");
    String second = note.conversation();

    Future<Received> ioanaHearsBack = ioana.nextMessage(); // answers the visitor's new key with an init
    Received hello = await(visitor.nextMessage());
    assertThat(hello.type()).isEqualTo("hello");
    assertThat(visitor.conversation()).isEqualTo(second);
    assertThat(visitor.worker().orElseThrow().pseudonym()).isEqualTo("Ioana");
    await(visitor.send(plain("Bună ziua, mulțumesc.")));
    assertThat(await(ioanaHearsBack).text()).isEqualTo("Bună ziua, mulțumesc.");
    assertThat(visitor.safetyCode()).isEqualTo(ioana.safetyCode(second)).isNotEqualTo(camille.safetyCode(first));
    exchange(visitor, ioana, second, "Aș vrea să vorbesc cu o asociație.", "Desigur. Vă pot pune în legătură.");

    await(ioana.client().end(second));
    await(visitor.client().channel().next("ended"));

    ServerFootprint afterwards = footprint();
    assertThat(afterwards.found(Map.of("Camille's certificate",
        await(node.node().services().stores().staff().certificate(staffId("camille"))).orElseThrow())))
        .as("the search reaches what the server keeps").isNotEmpty();
    assertThat(logs.lines()).as("the search reaches the logs").isNotEmpty();
    assertThat(afterwards.found(secrets)).isEmpty();
  }

  @Test
  void theVisitorRefusesAWorkerWhoseCertificateDoesNotVerifyAndSaysWhy() {
    Instant now = node.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    Ed25519.KeyPair otherRoot = Ed25519.generate(RANDOM);
    Map<CryptoException.Reason, Certifier> refusals = new LinkedHashMap<>();
    refusals.put(CryptoException.Reason.EXPIRED, (keys, id) -> certificate(keys, id, ORG,
        now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)), root.privateKey()));
    refusals.put(CryptoException.Reason.NOT_YET_VALID, (keys, id) -> certificate(keys, id, ORG,
        now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), root.privateKey()));
    refusals.put(CryptoException.Reason.WRONG_ORGANISATION, (keys, id) -> certificate(keys, id, "another-asso",
        now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1)), root.privateKey()));
    Map<String, Certifier> badSignatures = new LinkedHashMap<>();
    badSignatures.put("signed by another root key", (keys, id) -> certificate(keys, id, ORG,
        now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1)), otherRoot.privateKey()));
    badSignatures.put("pseudonym changed after signing", (keys, id) -> {
      byte[] altered = certificate(keys, id, ORG, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1)),
          root.privateKey());
      altered[new String(altered, StandardCharsets.ISO_8859_1).indexOf("Camille") + 6] = 'a'; // "Camilla"
      return altered;
    });

    refusals.forEach(this::assertRefused);
    badSignatures.values().forEach(certifier -> assertRefused(CryptoException.Reason.BAD_SIGNATURE, certifier));
  }

  /** The init of a worker who holds the certificate {@code certifier} makes is refused by the visitor for {@code reason}. */
  private void assertRefused(CryptoException.Reason reason, Certifier certifier) {
    WorkerKeys identity = WorkerKeys.generate(RANDOM);
    SecureWorker camille = new SecureWorker(node.worker("camille"), identity,
        certifier.certify(identity, staffId("camille")), root.publicKey(), node.clock(), keys);
    SecureVisitor visitor = new SecureVisitor(node.visitor("fr"), root.publicKey(), ORG, node.clock(), keys);
    await(visitor.join(List.of("fr")));
    await(camille.client().available());
    String entry = await(camille.client().queueWithAtLeast(1)).getJsonArray("entries").getJsonObject(0)
        .getString("entry");
    await(camille.accept(entry, plain("Bonjour, vous êtes au bon endroit.")));

    Throwable refused = TestNode.failure(visitor.nextMessage());
    assertThat(refused).as(reason.name()).isInstanceOf(CryptoException.class);
    assertThat(((CryptoException) refused).reason()).isEqualTo(reason);
    assertThat(visitor.worker()).isEmpty();
    assertThat(visitor.safetyCode()).isEmpty();
    await(camille.client().end(visitor.conversation()));
    await(camille.client().channel().close());
  }

  @FunctionalInterface
  private interface Certifier {
    byte[] certify(WorkerKeys identity, String workerId);
  }

  private static byte[] certificate(WorkerKeys identity, String workerId, String orgId, Instant notBefore,
      Instant notAfter, byte[] rootPrivate) {
    return new WorkerCertificate(orgId, workerId, "Camille", identity.identityDh().publicKey(),
        identity.identitySigning().publicKey(), notBefore, notAfter).sign(rootPrivate);
  }

  private void exchange(SecureVisitor visitor, SecureWorker worker, String conversation, String fromVisitor,
      String fromWorker) {
    await(visitor.send(plain(fromVisitor)));
    assertThat(await(worker.nextMessage()).text()).isEqualTo(fromVisitor);
    await(worker.send(conversation, plain(fromWorker)));
    assertThat(await(visitor.nextMessage()).text()).isEqualTo(fromWorker);
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

  private SecureWorker worker(String username, String pseudonym) {
    WorkerKeys identity = WorkerKeys.generate(RANDOM);
    secrets.put(username + "'s identity DH private key", identity.identityDh().privateKey());
    secrets.put(username + "'s identity signing key", identity.identitySigning().privateKey());
    Instant now = node.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    byte[] certificate = new WorkerCertificate(ORG, staffId(username), pseudonym, identity.identityDh().publicKey(),
        identity.identitySigning().publicKey(), now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30)))
        .sign(root.privateKey());
    SecureWorker worker = new SecureWorker(node.worker(username), identity, certificate, root.publicKey(),
        node.clock(), keys);
    await(worker.uploadCertificate(node.transport()));
    return worker;
  }

  private String staffId(String username) {
    return await(node.node().services().stores().staff().findByUsername(username)).orElseThrow().id();
  }

  private Map<String, byte[]> publicKeysInHeaders() {
    Map<String, byte[]> publics = new LinkedHashMap<>();
    synchronized (secrets) {
      for (int i = 0; i < generatedPublicKeys.size(); i++) {
        publics.put("generated public key " + i, generatedPublicKeys.get(i));
      }
    }
    return publics;
  }

  /** What the server holds in memory, what it logged, and what it exports as metrics, right now. */
  private ServerFootprint footprint() {
    ServerFootprint footprint = new ServerFootprint().addReachableFrom(node.node());
    logs.lines().forEach(footprint::addText);
    return footprint.addText(scrapeMetrics());
  }

  private String scrapeMetrics() {
    try {
      HttpRequest request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + node.node().managementPort() + "/metrics")).timeout(Duration.ofSeconds(10))
          .build();
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
