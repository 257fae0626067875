package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.association.DemoAssociations;
import fr.passerelle.client.Transport.Response;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.SealedReferral;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In demo mode the demo association's intake officers get its key file, so that a newcomer can open a demo
 * referral; nobody else gets it, a node that is not in demo mode has none, and neither has one whose demo key was
 * replaced.
 */
@ExtendWith(VertxExtension.class)
class DemoKeyFileTest {
  private static final String PATH = "/api/v1/associations/mine/demo-key-file";
  private TestNode node;

  @AfterEach
  void stop() {
    node.close();
  }

  private Response get(String username) {
    return await(node.transport().request("GET", PATH, Optional.ofNullable(username).map(node::token),
        Optional.empty()));
  }

  @Test
  void theDemoIntakeOfficerGetsAKeyFileThatOpensReferralsSealedToTheDemoAssociationsCurrentKey(Vertx vertx) {
    node = TestNode.start(vertx);
    Response answer = get("intake");
    assertThat(answer.status()).as(answer.body().encode()).isEqualTo(200);
    JsonObject file = new JsonObject(answer.body().getString("keyFile"));
    assertThat(file.fieldNames()).containsExactlyInAnyOrder("type", "version", "publicKey", "privateKey");
    assertThat(file.getString("type")).isEqualTo("passerelle-association-key");
    byte[] privateKey = Base64Url.decode(file.getString("privateKey")).orElseThrow();
    byte[] publicKey = Base64Url.decode(file.getString("publicKey")).orElseThrow();
    assertThat(X25519.publicKey(privateKey)).isEqualTo(publicKey);

    String current = admin("GET", "/api/v1/admin/associations/" + DemoAssociations.LINKED_ID, null).body()
        .getJsonObject("currentKey").getString("publicKey");
    byte[] form = "{\"departement\":\"75\"}".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = SealedReferral.seal(Base64Url.decode(current).orElseThrow(), DemoAssociations.LINKED_ID, 1, "r-1",
        form, KeySource.random(new SecureRandom()));
    assertThat(SealedReferral.open(privateKey, DemoAssociations.LINKED_ID, 1, "r-1", sealed)).isEqualTo(form);

    for (String other : new String[] {"camille", "supervisor", "admin"}) {
      assertThat(get(other).status()).as(other).isEqualTo(403);
    }
    assertThat(get(null).status()).isEqualTo(401);

    // Once the association registers a key of its own, the demo key is history: no key file any more.
    assertThat(admin("POST", "/api/v1/admin/associations/" + DemoAssociations.LINKED_ID + "/keys",
        new JsonObject().put("publicKey", Base64Url.encode(X25519.generate(new SecureRandom()).publicKey())))
        .status()).isEqualTo(201);
    Response replaced = get("intake");
    assertThat(replaced.status()).isEqualTo(404);
    assertThat(replaced.body().getString("code")).isEqualTo("not_found");
  }

  @Test
  void outsideDemoModeThereIsNoKeyFile(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_DEMO_ENABLED", "false",
        "PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", Base64Url.encode(Ed25519.generate(new SecureRandom()).publicKey())));
    Response answer = get("intake");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().getString("code")).isEqualTo("not_found");
  }

  private Response admin(String method, String path, JsonObject body) {
    return await(node.transport().request(method, path, Optional.of(node.token("admin")),
        Optional.ofNullable(body).map(JsonObject::encode)));
  }
}
