package fr.passerelle.staff;

import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
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
  private final AssociationLinks associations;
  private final Clock clock;

  StaffAccounts(StaffStore store, PasswordHasher hasher, AssociationLinks associations, Clock clock) {
    this.store = store;
    this.hasher = hasher;
    this.associations = associations;
    this.clock = clock;
  }

  Future<StaffAccount> create(NewStaff staff) {
    return requireKnown(staff.association()).compose(v -> hasher.hash(staff.password())).compose(hash -> {
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
    return find(id).compose(old -> requireLinkable(old, patch.association())
        .compose(v -> newHash(patch)).compose(hash -> store.update(new StaffAccount(old.id(),
        old.username(), patch.pseudonym().orElse(old.pseudonym()), old.role(),
        patch.languages().orElse(old.languages()), patch.skills().orElse(old.skills()),
        patch.capacity().orElse(old.capacity()), patch.enabled().orElse(old.enabled()),
        hash.orElse(old.passwordHash()), patch.association().orElse(old.association()), old.createdAt()))))
        .compose(updated -> {
          // Disabling or a new password must end every session, not just block the next login.
          boolean withdrawn = patch.password().isPresent() || !updated.enabled();
          return withdrawn ? store.revokeRefreshTokens(id).map(updated) : Future.succeededFuture(updated);
        });
  }

  /** A new link is only for an intake account, and to an association of the directory. */
  private Future<Void> requireLinkable(StaffAccount account, Optional<Optional<String>> association) {
    Optional<String> linked = association.flatMap(a -> a);
    if (linked.isPresent() && account.role() != Role.INTAKE) {
      return Future.failedFuture(JsonBody.invalid("association", "may only link an intake account"));
    }
    return requireKnown(linked);
  }

  private Future<Void> requireKnown(Optional<String> association) {
    if (association.isEmpty()) {
      return Future.succeededFuture();
    }
    return associations.exists(association.get()).compose(exists -> exists ? Future.succeededFuture()
        : Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_ASSOCIATION,
            "association names no association of the directory")));
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
