package fr.passerelle.staff;

import java.util.Optional;
import java.util.Set;

/** The fields an admin may change on an account; absent fields stay as they are. */
record AccountPatch(
    Optional<String> pseudonym,
    Optional<Set<String>> languages,
    Optional<Set<String>> skills,
    Optional<Integer> capacity,
    Optional<Boolean> enabled,
    Optional<char[]> password) {}
