package fr.passerelle.app;

import fr.passerelle.association.DemoAssociations;
import fr.passerelle.config.DemoConfig;
import fr.passerelle.staff.NewStaff;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAuth;
import fr.passerelle.store.Ids;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Demo mode: one staff account per role, with a shared password ({@code PASSERELLE_DEMO_PASSWORD} when set,
 * otherwise random and printed once). Never for real use: everything is in memory and lost at exit.
 */
public final class DemoData {
  /** The demo accounts: username, pseudonym shown to visitors, role, languages, skills, capacity. */
  public static final List<NewStaff> ACCOUNTS = List.of(
      account("admin", "Admin", Role.ADMIN, Set.of("fr"), Set.of(), 1),
      account("supervisor", "Superviseur", Role.SUPERVISOR, Set.of("fr"), Set.of(), 1),
      account("camille", "Camille", Role.WORKER, Set.of("fr", "en"), Set.of("possible-minor", "danger"), 3),
      account("ioana", "Ioana", Role.WORKER, Set.of("ro", "fr", "bg"), Set.of("danger"), 2),
      account("intake", "Accueil", Role.INTAKE, Set.of("fr"), Set.of(), 1));

  private DemoData() {}

  /** The password the demo accounts get: the configured one, or a fresh random one. */
  public static String password(DemoConfig demo) {
    return demo.password().orElseGet(() -> Ids.newSecret().substring(0, 20));
  }

  public static Future<Void> seed(StaffAuth staff, String password) {
    return Future.all(ACCOUNTS.stream().map(a -> staff.createAccount(withPassword(a, password))).toList())
        .mapEmpty();
  }

  private static NewStaff account(String username, String pseudonym, Role role, Set<String> languages,
      Set<String> skills, int capacity) {
    return new NewStaff(username, pseudonym, role, new char[0], languages, skills, capacity,
        role == Role.INTAKE ? Optional.of(DemoAssociations.LINKED_ID) : Optional.empty());
  }

  private static NewStaff withPassword(NewStaff a, String password) {
    return new NewStaff(a.username(), a.pseudonym(), a.role(), password.toCharArray(), a.languages(), a.skills(),
        a.capacity(), a.association());
  }
}
