package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.association.DemoAssociations;
import fr.passerelle.client.Transport.Response;
import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.AssociationKeyFingerprint;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.SealedReferral;
import fr.passerelle.staff.NewStaff;
import fr.passerelle.staff.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the referral tests share, on a demo node: association A (the demo intake account's, "Le Phare") and B
 * ({@code intake-b}'s), each with a key pair made here and registered by the admin; a conversation of camille's
 * with a visitor who answered a referral request; and referrals sealed to A's key as a console would.
 */
public final class ReferralFixture {
  public static final String A = DemoAssociations.LINKED_ID;
  public static final String B = "demo-association-sud";
  public static final String FORM = new JsonObject().put("departement", "93").put("languages", new JsonArray()
      .add("ro").add("fr")).put("ageBand", "18-25").put("needs", new JsonArray().add("shelter").add("health"))
      .put("contact", new JsonObject().put("method", "sms").put("value", "+33 6 00 00 00 00")
          .put("times", "weekdays after 18h")).put("note", "").encode();

  private final TestNode node;
  private final AuditFixture http;
  private final SecureRandom random = new SecureRandom();
  private final Set<String> taken = new HashSet<>();
  public final X25519.KeyPair keyA = X25519.generate(random);
  public final X25519.KeyPair keyB = X25519.generate(random);

  public ReferralFixture(TestNode node) {
    this.node = node;
    this.http = new AuditFixture(node);
    register(A, keyA);
    register(B, keyB);
    await(node.node().staff().createAccount(new NewStaff("intake-b", "Accueil B", Role.INTAKE,
        TestNode.PASSWORD.toCharArray(), Set.of("fr"), Set.of(), 1, Optional.of(B))));
  }

  private void register(String association, X25519.KeyPair pair) {
    Response registered = call("POST", "/api/v1/admin/associations/" + association + "/keys", "admin",
        new JsonObject().put("publicKey", Base64Url.encode(pair.publicKey())));
    assertThat(registered.status()).as(registered.body().encode()).isEqualTo(201);
  }

  /** A request as {@code username} (logged in once), or with no token when null. */
  public Response call(String method, String path, String username, JsonObject body) {
    return http.call(method, path, username, body);
  }

  AuditFixture audit() {
    return http;
  }

  public static String keyId(X25519.KeyPair pair) {
    return AssociationKeyFingerprint.of(pair.publicKey()).keyId();
  }

  /** {@code form} sealed for {@code association} to {@code publicKey}, as referral {@code id}, in base64url. */
  public String seal(String id, String association, byte[] publicKey, String form) {
    return Base64Url.encode(SealedReferral.seal(publicKey, association, 1, id, form.getBytes(StandardCharsets.UTF_8),
        KeySource.random(random)));
  }

  /** A conversation of {@code worker} with a new visitor, who answered request {@code request} with {@code given}. */
  public Chat chat(WorkerClient worker, String request, Optional<Boolean> given) {
    VisitorClient visitor = node.visitor("fr");
    await(visitor.join(List.of("fr"), "dmlzaXRvci1rZXk="));
    await(worker.available());
    // A listing from before this visitor joined may still show an entry already taken: wait for a new one.
    JsonObject queue = await(worker.channel().next(f -> "queue".equals(f.getString("type"))
        && f.getJsonArray("entries").stream().map(JsonObject.class::cast)
            .anyMatch(e -> !taken.contains(e.getString("entry"))), Duration.ofSeconds(10)));
    String entry = queue.getJsonArray("entries").stream().map(JsonObject.class::cast)
        .map(e -> e.getString("entry")).filter(e -> !taken.contains(e)).findFirst().orElseThrow();
    taken.add(entry);
    String conversation = await(worker.accept(entry)).getString("conversation");
    await(visitor.channel().next("assigned"));
    given.ifPresent(g -> await(visitor.consent(conversation, request, g)));
    return new Chat(visitor, conversation);
  }

  /** A visitor and their conversation. */
  public record Chat(VisitorClient visitor, String conversation) {}

  /** The body a console posts: referral {@code id} to A, sealed to A's current key. */
  public JsonObject referral(String id, String conversation, String request) {
    return new JsonObject().put("id", id).put("conversation", conversation).put("request", request)
        .put("association", A).put("keyId", keyId(keyA)).put("sealed", seal(id, A, keyA.publicKey(), FORM));
  }

  /** Posts it as camille; asserts the 201. */
  public JsonObject send(JsonObject referral) {
    Response sent = call("POST", "/api/v1/referrals", "camille", referral);
    assertThat(sent.status()).as(sent.body().encode()).isEqualTo(201);
    return sent.body();
  }
}
