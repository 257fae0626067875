package fr.passerelle.staff;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A staff member. {@code pseudonym} is the only name a visitor ever sees; {@code languages}, {@code skills}
 * (e.g. {@code possible-minor}, {@code danger}) and {@code capacity} drive routing. The password is kept as an
 * Argon2id hash string.
 */
public record StaffAccount(
    String id,
    String username,
    String pseudonym,
    Role role,
    Set<String> languages,
    Set<String> skills,
    int capacity,
    boolean enabled,
    String passwordHash,
    Optional<String> association,
    Instant createdAt) {}
