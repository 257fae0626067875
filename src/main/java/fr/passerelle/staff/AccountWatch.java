package fr.passerelle.staff;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Keeps an authenticated staff socket honest: its token was checked once, at connection, so the account is
 * re-read every {@code auth.accountRecheck} and the socket closed as soon as the account is disabled or gone.
 */
public final class AccountWatch {
  private final Vertx vertx;
  private final long timer;

  private AccountWatch(Vertx vertx, long timer) {
    this.vertx = vertx;
    this.timer = timer;
  }

  public static AccountWatch start(Vertx vertx, StaffStore store, String staffId, Duration every,
      Runnable onDisabled) {
    boolean[] fired = {false};
    long timer = vertx.setPeriodic(every.toMillis(), id -> store.find(staffId).onSuccess(account -> {
      if (!fired[0] && account.filter(StaffAccount::enabled).isEmpty()) {
        fired[0] = true;
        vertx.cancelTimer(id);
        onDisabled.run();
      }
    }));
    return new AccountWatch(vertx, timer);
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }
}
