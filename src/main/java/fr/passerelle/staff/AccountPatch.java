package fr.passerelle.staff;

import java.util.Optional;
import java.util.Set;

/**
 * The fields an admin may change on an account; absent fields stay as they are. {@code association} is empty when
 * not given, and holds an empty value when the request unlinks the account ({@code "association": null}).
 */
record AccountPatch(
    Optional<String> pseudonym,
    Optional<Set<String>> languages,
    Optional<Set<String>> skills,
    Optional<Integer> capacity,
    Optional<Boolean> enabled,
    Optional<char[]> password,
    Optional<Optional<String>> association) {}
