package fr.passerelle.staff;

import fr.passerelle.audit.AuditAction;
import fr.passerelle.audit.Auditor;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/** Login, refresh-token rotation and logout, independent of HTTP. */
final class StaffSessions {
  private static final Logger LOG = Logger.getLogger(StaffSessions.class.getName());

  /** What a successful login or refresh hands out. */
  record Tokens(StaffAccount account, AccessTokens.Issued access, String refreshToken) {}

  private final Vertx vertx;
  private final StaffStore store;
  private final PasswordHasher hasher;
  private final AccessTokens tokens;
  private final LoginThrottle throttle;
  private final AuthMetrics metrics;
  private final Duration refreshTtl;
  private final Clock clock;
  private final Auditor audit;
  private final String dummyHash;
  private final SecureRandom random = new SecureRandom();

  StaffSessions(Vertx vertx, StaffStore store, PasswordHasher hasher, AccessTokens tokens, LoginThrottle throttle,
      AuthMetrics metrics, Duration refreshTtl, Clock clock, Auditor audit) {
    this.vertx = vertx;
    this.store = store;
    this.hasher = hasher;
    this.tokens = tokens;
    this.throttle = throttle;
    this.metrics = metrics;
    this.refreshTtl = refreshTtl;
    this.clock = clock;
    this.audit = audit;
    this.dummyHash = hasher.dummyHash();
  }

  Future<Tokens> login(String username, char[] password) {
    Optional<Duration> locked = throttle.acquire(username);
    if (locked.isPresent()) {
      metrics.loginFailed(AuthMetrics.Failure.LOCKED);
      return Future.failedFuture(new ApiException(ErrorCode.ACCOUNT_LOCKED, ErrorCode.ACCOUNT_LOCKED.title(), locked));
    }
    return store.findByUsername(username).compose(found -> {
      // An unknown username costs the same Argon2 work as a wrong password, so timing does not tell them apart.
      String hash = found.map(StaffAccount::passwordHash).orElse(dummyHash);
      return hasher.verify(password, hash).eventually(() -> {
        Arrays.fill(password, '\0');
        return Future.succeededFuture();
      }).compose(matches -> matches && found.isPresent() ? accept(found.get()) : refuse(username, found));
    });
  }

  private Future<Tokens> accept(StaffAccount account) {
    throttle.succeeded(account.username());
    if (!account.enabled()) {
      metrics.loginFailed(AuthMetrics.Failure.DISABLED);
      return loginFailed(account, "disabled")
          .compose(v -> Future.failedFuture(ApiException.of(ErrorCode.ACCOUNT_DISABLED)));
    }
    return issue(account).compose(t -> {
      metrics.loginSucceeded();
      LOG.info(() -> "staff " + account.id() + " logged in");
      return audit.record(account.id(), account.username(), AuditAction.LOGIN, Optional.empty(), Optional.empty())
          .map(t);
    });
  }

  /**
   * A failed login is recorded against the account it named; a username no account has is not recorded: it may be a
   * password typed in the wrong field.
   */
  private Future<Void> loginFailed(StaffAccount account, String why) {
    return audit.record(account.id(), account.username(), AuditAction.LOGIN_FAILED, Optional.empty(),
        Optional.of(why));
  }

  private Future<Tokens> refuse(String username, Optional<StaffAccount> named) {
    metrics.loginFailed(AuthMetrics.Failure.WRONG_CREDENTIALS);
    long delay = Math.max(1, throttle.failed(username).toMillis());
    Future<Void> noted = named.map(account -> loginFailed(account, "wrong-password")).orElse(Future.succeededFuture());
    return noted.compose(v -> {
      Promise<Tokens> answer = Promise.promise();
      vertx.setTimer(delay, id -> answer.fail(ApiException.of(ErrorCode.AUTH_FAILED)));
      return answer.future();
    });
  }

  /** Swaps a refresh token for a new pair; the old refresh token is spent whatever happens next. */
  Future<Tokens> refresh(String refreshToken) {
    return store.useRefreshToken(sha256(refreshToken), clock.instant())
        .compose(staffId -> staffId.isEmpty() ? Future.succeededFuture(Optional.<StaffAccount>empty())
            : store.find(staffId.get()))
        .compose(found -> {
          StaffAccount account = found.orElseThrow(() -> ApiException.of(ErrorCode.AUTH_FAILED));
          if (!account.enabled()) {
            throw ApiException.of(ErrorCode.ACCOUNT_DISABLED);
          }
          return issue(account);
        });
  }

  Future<Void> logout(String staffId) {
    return store.revokeRefreshTokens(staffId);
  }

  /**
   * Spends one refresh token, as a refresh would, without issuing anything: this device's session ends, the others
   * go on. Whoever holds a token could spend it by refreshing, so no owner check is needed.
   */
  Future<Void> logoutOne(String refreshToken) {
    return store.useRefreshToken(sha256(refreshToken), clock.instant()).mapEmpty();
  }

  private Future<Tokens> issue(StaffAccount account) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return store.saveRefreshToken(sha256(refreshToken), account.id(), clock.instant().plus(refreshTtl))
        .map(v -> new Tokens(account, tokens.issue(account), refreshToken));
  }

  static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
