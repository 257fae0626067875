package fr.passerelle.app;

import fr.passerelle.config.BootstrapConfig;
import fr.passerelle.staff.NewStaff;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAuth;
import fr.passerelle.staff.StaffStore;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.Set;

/** Creates the configured first administrator if no account has that username yet; never changes one. */
final class AdminBootstrap {
  private AdminBootstrap() {}

  /** True when an account was created. */
  static Future<Boolean> run(BootstrapConfig bootstrap, StaffStore store, StaffAuth staff) {
    if (bootstrap.adminUsername().isEmpty()) {
      return Future.succeededFuture(false);
    }
    String username = bootstrap.adminUsername().get();
    return store.findByUsername(username).compose(existing -> existing.isPresent()
        ? Future.succeededFuture(false)
        : staff.createAccount(new NewStaff(username, "Admin", Role.ADMIN,
            bootstrap.adminPassword().orElseThrow().toCharArray(), Set.of("fr"), Set.of(), 1, Optional.empty()))
            .map(created -> true));
  }
}
