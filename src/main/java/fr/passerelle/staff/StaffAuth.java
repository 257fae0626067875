package fr.passerelle.staff;

import fr.passerelle.audit.Auditor;
import fr.passerelle.config.AuthConfig;
import fr.passerelle.config.LimitsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;

/**
 * The staff feature's entry point: checks access tokens for other features, mounts the staff API, and creates
 * accounts for seeding. Build one per node.
 */
public final class StaffAuth {
  private static final Duration FAILURE_DELAY = Duration.ofMillis(200);

  private final AccessTokens tokens;
  private final StaffAccounts accounts;
  private final StaffRoutes routes;

  /**
   * {@code associations} checks the association an intake account is linked to; {@code audit} records logins,
   * logouts and account changes.
   */
  public StaffAuth(Vertx vertx, AuthConfig auth, LimitsConfig limits, StaffStore store, AssociationLinks associations,
      MeterRegistry registry, Clock clock, Auditor audit) {
    this(vertx, auth, limits, store, associations, registry, clock, audit, FAILURE_DELAY);
  }

  /** With a chosen first failure delay, so tests of many failures stay fast. */
  StaffAuth(Vertx vertx, AuthConfig auth, LimitsConfig limits, StaffStore store, AssociationLinks associations,
      MeterRegistry registry, Clock clock, Auditor audit, Duration failureDelay) {
    PasswordHasher hasher = new PasswordHasher(vertx);
    this.tokens = new AccessTokens(vertx, auth, store, clock);
    this.accounts = new StaffAccounts(store, hasher, associations, clock);
    LoginThrottle throttle = new LoginThrottle(auth.failuresBeforeLock(), auth.lockDuration(), failureDelay, clock);
    StaffSessions sessions = new StaffSessions(vertx, store, hasher, tokens, throttle, new AuthMetrics(registry),
        auth.refreshTokenTtl(), clock, audit);
    this.routes = new StaffRoutes(sessions, accounts, tokens, limits, clock, audit);
  }

  /** Checks staff access tokens; use with {@link StaffAuthHandler#requiring} or on a WebSocket's first frame. */
  public AccessTokens tokens() {
    return tokens;
  }

  /** Adds {@code /api/v1/auth/*} and {@code /api/v1/admin/staff*} to the public router. */
  public void mount(Router router) {
    routes.mount(router);
  }

  /** Creates an enabled account (the password is hashed, then wiped); fails {@code CONFLICT} on a taken name. */
  public Future<StaffAccount> createAccount(NewStaff staff) {
    return accounts.create(staff);
  }
}
