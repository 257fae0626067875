package fr.passerelle.staff;

import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creating and changing staff accounts: hashes passwords and revokes sessions when access is withdrawn. */
final class StaffAccounts {
  private final StaffStore store;
  private final PasswordHasher hasher;
  private final Clock clock;

  StaffAccounts(StaffStore store, PasswordHasher hasher, Clock clock) {
    this.store = store;
    this.hasher = hasher;
    this.clock = clock;
  }

  Future<StaffAccount> create(NewStaff staff) {
    return hasher.hash(staff.password()).compose(hash -> {
      Arrays.fill(staff.password(), '\0');
      return store.create(new StaffAccount(UUID.randomUUID().toString(), staff.username(), staff.pseudonym(),
          staff.role(), staff.languages(), staff.skills(), staff.capacity(), true, hash, staff.association(),
          clock.instant()));
    });
  }

  Future<List<StaffAccount>> list() {
    return store.list();
  }

  Future<StaffAccount> find(String id) {
    return store.find(id).map(found -> found.orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND)));
  }

  Future<StaffAccount> update(String id, AccountPatch patch) {
    return find(id).compose(old -> newHash(patch).compose(hash -> store.update(new StaffAccount(old.id(),
        old.username(), patch.pseudonym().orElse(old.pseudonym()), old.role(),
        patch.languages().orElse(old.languages()), patch.skills().orElse(old.skills()),
        patch.capacity().orElse(old.capacity()), patch.enabled().orElse(old.enabled()),
        hash.orElse(old.passwordHash()), old.association(), old.createdAt()))))
        .compose(updated -> {
          // Disabling or a new password must end every session, not just block the next login.
          boolean withdrawn = patch.password().isPresent() || !updated.enabled();
          return withdrawn ? store.revokeRefreshTokens(id).map(updated) : Future.succeededFuture(updated);
        });
  }

  private Future<Optional<String>> newHash(AccountPatch patch) {
    if (patch.password().isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    char[] password = patch.password().get();
    return hasher.hash(password).map(hash -> {
      Arrays.fill(password, '\0');
      return Optional.of(hash);
    });
  }
}
