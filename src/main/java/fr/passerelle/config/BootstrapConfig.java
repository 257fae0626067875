package fr.passerelle.config;

import java.util.Optional;

/**
 * The first administrator, for a node that is not in demo mode: created at start-up when no account has that
 * username yet (an existing account is never changed). Both or neither.
 */
public record BootstrapConfig(Optional<String> adminUsername, Optional<String> adminPassword) {

  public static BootstrapConfig defaults() {
    return new BootstrapConfig(Optional.empty(), Optional.empty());
  }
}
