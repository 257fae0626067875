package fr.passerelle.staff;

import static fr.passerelle.staff.StaffServer.ADMIN_PASSWORD;
import static fr.passerelle.staff.StaffServer.WORKER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.config.AuthConfig;
import fr.passerelle.staff.StaffServer.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class StaffTokenTest {
  private static final String STAFF = "/api/v1/admin/staff";
  private StaffServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = new StaffServer(vertx);
  }

  @Test
  void expiredAccessTokenIsRejectedAsExpired() {
    AccessTokens tokens = server.auth.tokens();
    String issuedLongAgo = tokens.issueAt(server.admin, server.clock.instant().minus(Duration.ofMinutes(16))).token();
    String fresh = server.accessToken("admin", ADMIN_PASSWORD);

    get(STAFF, issuedLongAgo).problem(401, "token_expired");
    assertThat(get(STAFF, fresh).status()).isEqualTo(200);
    server.clock.advance(Duration.ofMinutes(15));
    get(STAFF, fresh).problem(401, "token_expired");
  }

  @Test
  void garbageOrForeignTokensAreRejected(Vertx vertx) {
    String foreign = new StaffServer(vertx).auth.tokens().issue(server.admin).token();
    String valid = server.accessToken("admin", ADMIN_PASSWORD);
    String[] parts = valid.split("\\.");
    String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "x." + parts[2];

    get(STAFF, "not-a-jwt").problem(401, "auth_failed");
    get(STAFF, foreign).problem(401, "auth_failed");
    get(STAFF, forged).problem(401, "auth_failed");
    assertThat(get(STAFF, valid).status()).isEqualTo(200);
  }

  @Test
  void requestWithoutTokenIsNotAuthenticated() {
    server.send(HttpMethod.GET, STAFF, Optional.empty(), Optional.empty()).problem(401, "not_authenticated");
  }

  @Test
  void workerCannotUseAdminRoutes() {
    get(STAFF, server.accessToken("worker", WORKER_PASSWORD)).problem(403, "forbidden");
  }

  @Test
  void disablingAnAccountStopsItsTokensAndLogins() {
    JsonObject login = server.login("worker", WORKER_PASSWORD).json();
    String admin = server.accessToken("admin", ADMIN_PASSWORD);

    Response patched = server.send(HttpMethod.PATCH, STAFF + "/" + server.worker.id(), Optional.of(admin),
        Optional.of(new JsonObject().put("enabled", false).encode()));

    assertThat(patched.status()).isEqualTo(200);
    server.send(HttpMethod.POST, "/api/v1/auth/logout", Optional.of(login.getString("accessToken")), Optional.empty())
        .problem(403, "account_disabled");
    server.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", login.getString("refreshToken"))
        .encode()).problem(401, "auth_failed");
    server.login("worker", WORKER_PASSWORD).problem(403, "account_disabled");
    server.login("worker", "wrong-password").problem(401, "auth_failed");
  }

  @Test
  void configuredKeysLetAnotherNodeVerifyTokens(Vertx vertx) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    AuthConfig defaults = AuthConfig.defaults();
    AuthConfig config = new AuthConfig(defaults.issuer(), defaults.accessTokenTtl(), defaults.refreshTokenTtl(),
        Optional.of(pem("PRIVATE KEY", pair.getPrivate().getEncoded())),
        Optional.of(pem("PUBLIC KEY", pair.getPublic().getEncoded())), 5, defaults.lockDuration(),
        defaults.accountRecheck());
    AccessTokens first = new AccessTokens(vertx, config, server.store, server.clock);
    AccessTokens second = new AccessTokens(vertx, config, server.store, server.clock);

    assertThat(second.verify(first.issue(server.worker).token()).await().staffId()).isEqualTo(server.worker.id());
  }

  private Response get(String path, String token) {
    return server.send(HttpMethod.GET, path, Optional.of(token), Optional.empty());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
        + "-----\n";
  }
}
