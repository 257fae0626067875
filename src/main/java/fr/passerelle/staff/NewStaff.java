package fr.passerelle.staff;

import java.util.Optional;
import java.util.Set;

/** What an admin (or demo seeding) gives to create a staff account; the password is hashed before storing. */
public record NewStaff(
    String username,
    String pseudonym,
    Role role,
    char[] password,
    Set<String> languages,
    Set<String> skills,
    int capacity,
    Optional<String> association) {

  public NewStaff {
    languages = Set.copyOf(languages);
    skills = Set.copyOf(skills);
  }
}
