package fr.passerelle.staff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Login counters: successes, and failures by reason (never by user). */
public final class AuthMetrics {
  public static final String LOGINS = "passerelle.auth.logins";
  public static final String LOGIN_FAILURES = "passerelle.auth.login.failures";
  public static final String REASON = "reason";

  /** Why a login was refused, as the {@code reason} tag says it. */
  public enum Failure {
    WRONG_CREDENTIALS, LOCKED, DISABLED;

    public String tag() {
      return name().toLowerCase();
    }
  }

  private final Counter logins;
  private final Counter wrongCredentials;
  private final Counter locked;
  private final Counter disabled;

  public AuthMetrics(MeterRegistry registry) {
    logins = Counter.builder(LOGINS).description("Successful staff logins").register(registry);
    wrongCredentials = failures(registry, Failure.WRONG_CREDENTIALS);
    locked = failures(registry, Failure.LOCKED);
    disabled = failures(registry, Failure.DISABLED);
  }

  public void loginSucceeded() {
    logins.increment();
  }

  public void loginFailed(Failure reason) {
    switch (reason) {
      case WRONG_CREDENTIALS -> wrongCredentials.increment();
      case LOCKED -> locked.increment();
      case DISABLED -> disabled.increment();
    }
  }

  private static Counter failures(MeterRegistry registry, Failure reason) {
    return Counter.builder(LOGIN_FAILURES).description("Refused staff logins").tag(REASON, reason.tag())
        .register(registry);
  }
}
