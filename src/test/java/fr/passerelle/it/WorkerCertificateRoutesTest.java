package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.FrameChannel;
import fr.passerelle.client.Transport.Response;
import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Worker certificates over real HTTP: upload against a configured root key, demo signing, serving to visitors. */
@ExtendWith(VertxExtension.class)
class WorkerCertificateRoutesTest {
  private static final String PATH = "/api/v1/workers/me/certificate";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Ed25519.KeyPair root = Ed25519.generate(RANDOM);
  private TestNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private TestNode configured(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_ORGANISATION_ID", "asso-test",
        "PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", Base64Url.encode(root.publicKey())));
    return node;
  }

  private String staffId(String username) {
    return await(node.node().services().stores().staff().findByUsername(username)).orElseThrow().id();
  }

  private byte[] certificate(String orgId, String workerId, Instant notBefore, Instant notAfter, byte[] rootPrivate) {
    return new WorkerCertificate(orgId, workerId, "Camille", X25519.generate(RANDOM).publicKey(),
        Ed25519.generate(RANDOM).publicKey(), notBefore, notAfter).sign(rootPrivate);
  }

  private byte[] valid(String workerId) {
    Instant now = node.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    return certificate("asso-test", workerId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)),
        root.privateKey());
  }

  private Response upload(Optional<String> token, String body) {
    return await(node.transport().request("PUT", PATH, token, Optional.of(body)));
  }

  private Response upload(String username, byte[] certificate) {
    return upload(Optional.of(node.token(username)),
        new JsonObject().put("certificate", Base64Url.encode(certificate)).encode());
  }

  private static void refused(Response response, int status, String code, String detail) {
    assertThat(response.status()).as(response.body().encode()).isEqualTo(status);
    assertThat(response.body().getString("code")).isEqualTo(code);
    assertThat(response.body().getString("detail")).contains(detail);
  }

  @Test
  void aWorkerUploadsACertificateSignedByTheRootKey(Vertx vertx) {
    configured(vertx);
    String camille = staffId("camille");
    byte[] certificate = valid(camille);
    Response response = upload("camille", certificate);
    assertThat(response.status()).as(response.body().encode()).isEqualTo(200);
    assertThat(response.body().getString("workerId")).isEqualTo(camille);
    assertThat(response.body().getString("pseudonym")).isEqualTo("Camille");
    assertThat(Instant.parse(response.body().getString("notAfter"))).isAfter(node.clock().instant());
    assertThat(await(node.node().services().stores().staff().certificate(camille))).hasValue(certificate);
  }

  @Test
  void refusedCertificatesSayWhyWithoutKeyBytes(Vertx vertx) {
    configured(vertx);
    String camille = staffId("camille");
    Instant now = node.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    byte[] expired = certificate("asso-test", camille, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(1)),
        root.privateKey());
    refused(upload("camille", expired), 400, "bad_certificate", "expired");
    byte[] otherOrg = certificate("other-asso", camille, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)),
        root.privateKey());
    refused(upload("camille", otherOrg), 400, "bad_certificate", "wrong organisation");
    byte[] otherRoot = certificate("asso-test", camille, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)),
        Ed25519.generate(RANDOM).privateKey());
    Response response = upload("camille", otherRoot);
    refused(response, 400, "bad_certificate", "not signed by the organisation root key");
    assertThat(response.body().encode()).doesNotContain(Base64Url.encode(root.publicKey()));
    byte[] truncated = java.util.Arrays.copyOf(valid(camille), 40);
    refused(upload("camille", truncated), 400, "bad_certificate", "malformed");
    assertThat(await(node.node().services().stores().staff().certificate(camille))).isEmpty();
  }

  @Test
  void onlyTheWorkerNamedInTheCertificateMayUploadIt(Vertx vertx) {
    configured(vertx);
    refused(upload("ioana", valid(staffId("camille"))), 403, "forbidden", "another worker");
    refused(upload("supervisor", valid(staffId("supervisor"))), 403, "forbidden", "");
    refused(upload(Optional.empty(), new JsonObject().put("certificate", "AAAA").encode()), 401,
        "not_authenticated", "");
  }

  @Test
  void aCertificateWithAnotherPseudonymOrLongerThan90DaysIsRefused(Vertx vertx) {
    configured(vertx);
    String camille = staffId("camille");
    Instant now = node.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    byte[] renamed = new WorkerCertificate("asso-test", camille, "Camila", X25519.generate(RANDOM).publicKey(),
        Ed25519.generate(RANDOM).publicKey(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))
        .sign(root.privateKey());
    refused(upload("camille", renamed), 400, "bad_certificate", "pseudonym differs from the account's");
    assertThat(await(node.node().services().stores().staff().certificate(camille))).isEmpty();
    byte[] tooLong = certificate("asso-test", camille, now.minus(Duration.ofHours(1)),
        now.minus(Duration.ofHours(1)).plus(Duration.ofDays(90)).plusSeconds(1), root.privateKey());
    refused(upload("camille", tooLong), 400, "bad_certificate", "valid for more than 90 days");
    byte[] longest = certificate("asso-test", camille, now.minus(Duration.ofHours(1)),
        now.minus(Duration.ofHours(1)).plus(Duration.ofDays(90)), root.privateKey());
    assertThat(upload("camille", longest).status()).isEqualTo(200);
  }

  @Test
  void workersReadAColleaguesCertificateToSealATransferNote(Vertx vertx) {
    configured(vertx);
    String camille = staffId("camille");
    byte[] certificate = valid(camille);
    assertThat(upload("camille", certificate).status()).isEqualTo(200);

    Response colleague = await(node.transport().request("GET", "/api/v1/workers/" + camille + "/certificate",
        Optional.of(node.token("ioana")), Optional.empty()));
    assertThat(colleague.status()).as(colleague.body().encode()).isEqualTo(200);
    assertThat(Base64Url.decode(colleague.body().getString("certificate"))).hasValue(certificate);
    Response own = await(node.transport().request("GET", PATH, Optional.of(node.token("camille")), Optional.empty()));
    assertThat(Base64Url.decode(own.body().getString("certificate"))).hasValue(certificate);

    refused(await(node.transport().request("GET", "/api/v1/workers/" + staffId("ioana") + "/certificate",
        Optional.of(node.token("camille")), Optional.empty())), 404, "not_found", "no certificate on file");
    refused(await(node.transport().request("GET", "/api/v1/workers/nobody/certificate",
        Optional.of(node.token("camille")), Optional.empty())), 404, "not_found", "");
    refused(await(node.transport().request("GET", "/api/v1/workers/" + camille + "/certificate",
        Optional.of(node.token("supervisor")), Optional.empty())), 403, "forbidden", "");
    refused(await(node.transport().request("GET", "/api/v1/workers/" + camille + "/certificate",
        Optional.empty(), Optional.empty())), 401, "not_authenticated", "");
  }

  @Test
  void aCertificateThatIsNotBase64UrlIsAnInvalidField(Vertx vertx) {
    configured(vertx);
    Optional<String> token = Optional.of(node.token("camille"));
    for (String bad : new String[] {"not base64!", "AAAA=", "AB"}) {
      refused(upload(token, new JsonObject().put("certificate", bad).encode()), 400, "invalid_field", "certificate");
    }
    refused(upload(token, new JsonObject().put("certificate", 12).encode()), 400, "invalid_field", "certificate");
  }

  @Test
  void theDemoEndpointIsAbsentWhenARootKeyIsConfigured(Vertx vertx) {
    configured(vertx);
    Response response = await(node.transport().request("POST", PATH + "/demo", Optional.of(node.token("camille")),
        Optional.of(demoKeys().encode())));
    refused(response, 404, "not_found", "");
  }

  private static JsonObject demoKeys() {
    return new JsonObject().put("dhKey", Base64Url.encode(X25519.generate(RANDOM).publicKey()))
        .put("signingKey", Base64Url.encode(Ed25519.generate(RANDOM).publicKey()));
  }

  @Test
  void inDemoModeWithoutAKeyTheNodeSignsACertificateThatVerifies(Vertx vertx) {
    node = TestNode.start(vertx);
    assertThat(node.node().organisationRoot().isDemo()).isTrue();
    JsonObject keys = demoKeys();
    Response response = await(node.transport().request("POST", PATH + "/demo", Optional.of(node.token("ioana")),
        Optional.of(keys.encode())));
    assertThat(response.status()).as(response.body().encode()).isEqualTo(200);
    byte[] certificate = Base64Url.decode(response.body().getString("certificate")).orElseThrow();
    WorkerCertificate verified = WorkerCertificate.verify(certificate, node.node().organisationRoot().publicKey(),
        "org-demo", node.clock().instant());
    assertThat(verified.workerId()).isEqualTo(staffId("ioana"));
    assertThat(verified.pseudonym()).isEqualTo("Ioana");
    assertThat(Base64Url.encode(verified.identityDhKey())).isEqualTo(keys.getString("dhKey"));
    assertThat(Duration.between(verified.notBefore(), verified.notAfter())).isEqualTo(Duration.ofDays(30));
    assertThat(await(node.node().services().stores().staff().certificate(staffId("ioana")))).hasValue(certificate);

    Response badKey = await(node.transport().request("POST", PATH + "/demo", Optional.of(node.token("ioana")),
        Optional.of(keys.copy().put("signingKey", "AAAA").encode())));
    refused(badKey, 400, "invalid_field", "signingKey");
    Response organisation = await(node.transport().request("GET", "/api/v1/organisation",
        Optional.of(node.token("ioana")), Optional.empty()));
    assertThat(organisation.body()).isEqualTo(new JsonObject().put("demoSigning", true));
    Response service = await(node.transport().request("GET", "/api/v1/service", Optional.empty(), Optional.empty()));
    assertThat(service.body().getJsonObject("organisation").getString("rootPublicKey"))
        .isEqualTo(Base64Url.encode(node.node().organisationRoot().publicKey()));
    Response supervisor = await(node.transport().request("POST", PATH + "/demo",
        Optional.of(node.token("supervisor")), Optional.of(keys.encode())));
    refused(supervisor, 403, "forbidden", "");
  }

  @Test
  void theVisitorIsAssignedWithTheWorkersCertificateAndTheConsoleKnowsItHasOne(Vertx vertx) {
    configured(vertx);
    String camilleId = staffId("camille");
    assertThat(readyFrame("ioana").getBoolean("certificate")).isFalse();

    byte[] certificate = valid(camilleId);
    assertThat(upload("camille", certificate).status()).isEqualTo(200);
    assertThat(readyFrame("camille").getBoolean("certificate")).isTrue();

    VisitorClient visitor = node.visitor("fr");
    WorkerClient camille = node.worker("camille");
    ConversationLifecycleTest.connect(visitor, camille);
    JsonObject assigned = await(visitor.channel().next("assigned"));
    byte[] served = Base64Url.decode(assigned.getString("certificate")).orElseThrow();
    assertThat(served).isEqualTo(certificate);
    WorkerCertificate verified = WorkerCertificate.verify(served, root.publicKey(), "asso-test",
        node.clock().instant());
    assertThat(verified.workerId()).isEqualTo(camilleId);
  }

  @Test
  void theConsoleIsToldItHasACertificateOnlyWhileTheOneOnFileIsValid(Vertx vertx) {
    configured(vertx);
    String camilleId = staffId("camille");
    Instant now = node.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    assertThat(upload("camille", certificate("asso-test", camilleId, now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(1)), root.privateKey())).status()).isEqualTo(200);
    assertThat(readyFrame("camille").getBoolean("certificate")).isTrue();

    node.clock().advance(Duration.ofDays(1));
    assertThat(readyFrame("camille").getBoolean("certificate")).as("expired on the second").isFalse();

    await(node.node().services().stores().staff().saveCertificate(camilleId, certificate("asso-test", camilleId,
        now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(9)), root.privateKey())));
    assertThat(readyFrame("camille").getBoolean("certificate")).as("not valid yet").isFalse();

    byte[] otherRoot = Ed25519.generate(RANDOM).privateKey();
    await(node.node().services().stores().staff().saveCertificate(camilleId, certificate("asso-test", camilleId,
        now, now.plus(Duration.ofDays(9)), otherRoot)));
    assertThat(readyFrame("camille").getBoolean("certificate")).as("signed by another root key").isFalse();
  }

  @Test
  void withoutACertificateTheAssignedFrameHasNone(Vertx vertx) {
    configured(vertx);
    VisitorClient visitor = node.visitor("fr");
    ConversationLifecycleTest.connect(visitor, node.worker("camille"));
    JsonObject assigned = await(visitor.channel().next("assigned"));
    assertThat(assigned.containsKey("certificate")).isFalse();
    assertThat(assigned.getJsonObject("worker").getString("pseudonym")).isEqualTo("Camille");
  }

  private JsonObject readyFrame(String username) {
    FrameChannel channel = await(node.open("/ws/worker"));
    channel.send(new JsonObject().put("type", "auth").put("token", node.token(username)));
    JsonObject ready = await(channel.next("ready"));
    await(channel.close());
    return ready;
  }
}
