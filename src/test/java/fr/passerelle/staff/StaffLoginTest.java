package fr.passerelle.staff;

import static fr.passerelle.staff.StaffServer.WORKER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.staff.StaffServer.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class StaffLoginTest {
  private StaffServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = new StaffServer(vertx);
  }

  @Test
  void loginWithRightPasswordReturnsWorkingTokens() {
    Response response = server.login("Worker", WORKER_PASSWORD);

    assertThat(response.status()).isEqualTo(200);
    JsonObject json = response.json();
    assertThat(json.getString("tokenType")).isEqualTo("Bearer");
    assertThat(json.getLong("expiresIn")).isEqualTo(900L);
    assertThat(json.getString("staffId")).isEqualTo(server.worker.id());
    assertThat(json.getString("role")).isEqualTo("worker");
    assertThat(json.getString("pseudonym")).isEqualTo("Camille worker");
    assertThat(json.getString("refreshToken")).matches("[A-Za-z0-9_-]{43}");
    StaffPrincipal principal = server.auth.tokens().verify(json.getString("accessToken")).await();
    assertThat(principal).isEqualTo(new StaffPrincipal(server.worker.id(), "worker", Role.WORKER));
    assertThat(server.registry.counter(AuthMetrics.LOGINS).count()).isEqualTo(1.0);
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameAnswer() {
    Response wrongPassword = server.login("worker", "not-the-password");
    Response unknownUser = server.login("nobody", WORKER_PASSWORD);

    wrongPassword.problem(401, "auth_failed");
    unknownUser.problem(401, "auth_failed");
    assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    assertThat(server.registry.counter(AuthMetrics.LOGIN_FAILURES, AuthMetrics.REASON, "wrong_credentials").count())
        .isEqualTo(2.0);
  }

  @Test
  void repeatedFailuresLockTheAccountUntilTheLockEnds() {
    for (int i = 0; i < 5; i++) {
      server.login("worker", "wrong-password-" + i).problem(401, "auth_failed");
    }
    Response locked = server.login("worker", WORKER_PASSWORD);

    locked.problem(429, "account_locked");
    assertThat(locked.headers().get("Retry-After")).isEqualTo("900");
    assertThat(server.registry.counter(AuthMetrics.LOGIN_FAILURES, AuthMetrics.REASON, "locked").count())
        .isEqualTo(1.0);
    server.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(server.login("worker", WORKER_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void loginAttemptsFromOneClientAreRateLimited(Vertx vertx) {
    StaffServer limited = new StaffServer(vertx, fr.passerelle.config.AuthConfig.defaults(), 3);
    for (int i = 0; i < 3; i++) {
      assertThat(limited.login("nobody-" + i, "wrong-password").status()).isEqualTo(401);
    }
    StaffServer.Response refused = limited.login("admin", StaffServer.ADMIN_PASSWORD);
    refused.problem(429, "rate_limited");
    assertThat(refused.headers().get("Retry-After")).isNotNull();
  }

  @Test
  void successfulLoginResetsTheFailureCount() {
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 4; i++) {
        server.login("worker", "wrong-password").problem(401, "auth_failed");
      }
      assertThat(server.login("worker", WORKER_PASSWORD).status()).isEqualTo(200);
    }
  }

  @Test
  void refreshRotatesTheRefreshToken() {
    String first = server.login("worker", WORKER_PASSWORD).json().getString("refreshToken");

    Response refreshed = refresh(first);
    assertThat(refreshed.status()).isEqualTo(200);
    String second = refreshed.json().getString("refreshToken");
    assertThat(second).isNotEqualTo(first);
    assertThat(server.auth.tokens().verify(refreshed.json().getString("accessToken")).await().staffId())
        .isEqualTo(server.worker.id());

    refresh(first).problem(401, "auth_failed");
    assertThat(refresh(second).status()).isEqualTo(200);
  }

  @Test
  void expiredRefreshTokenIsRejected() {
    String token = server.login("worker", WORKER_PASSWORD).json().getString("refreshToken");
    server.clock.advance(Duration.ofHours(12).plusSeconds(1));

    refresh(token).problem(401, "auth_failed");
  }

  @Test
  void logoutRevokesRefreshTokens() {
    JsonObject login = server.login("worker", WORKER_PASSWORD).json();

    Response logout = server.send(HttpMethod.POST, "/api/v1/auth/logout",
        Optional.of(login.getString("accessToken")), Optional.empty());

    assertThat(logout.status()).isEqualTo(204);
    refresh(login.getString("refreshToken")).problem(401, "auth_failed");
  }

  @Test
  void logoutNamingARefreshTokenEndsOnlyThatSession() {
    JsonObject here = server.login("worker", WORKER_PASSWORD).json();
    JsonObject elsewhere = server.login("worker", WORKER_PASSWORD).json();

    Response logout = server.send(HttpMethod.POST, "/api/v1/auth/logout", Optional.of(here.getString("accessToken")),
        Optional.of(new JsonObject().put("refreshToken", here.getString("refreshToken")).encode()));

    assertThat(logout.status()).as(logout.body()).isEqualTo(204);
    refresh(here.getString("refreshToken")).problem(401, "auth_failed");
    assertThat(refresh(elsewhere.getString("refreshToken")).status()).isEqualTo(200);
  }

  @Test
  void logoutWithABadBodyIsRefusedAndEndsNothing() {
    JsonObject login = server.login("worker", WORKER_PASSWORD).json();
    Optional<String> token = Optional.of(login.getString("accessToken"));

    server.send(HttpMethod.POST, "/api/v1/auth/logout", token, Optional.of("{not json")).problem(400, "bad_json");
    server.send(HttpMethod.POST, "/api/v1/auth/logout", token, Optional.of("{\"refreshToken\":7}"))
        .problem(400, "invalid_field");
    assertThat(refresh(login.getString("refreshToken")).status()).isEqualTo(200);
  }

  @Test
  void logoutWithoutTokenIsNotAuthenticated() {
    Response response = server.send(HttpMethod.POST, "/api/v1/auth/logout", Optional.empty(), Optional.empty());

    response.problem(401, "not_authenticated");
    assertThat(response.headers().get("WWW-Authenticate")).isEqualTo("Bearer");
  }

  private Response refresh(String refreshToken) {
    return server.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", refreshToken).encode());
  }
}
