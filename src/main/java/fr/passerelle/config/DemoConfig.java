package fr.passerelle.config;

import java.util.Optional;

/** Demo mode: seeds an organisation and staff accounts in the in-memory store. On unless configured off. */
public record DemoConfig(boolean enabled, Optional<String> password, String organisation) {

  public static DemoConfig defaults() {
    return new DemoConfig(true, Optional.empty(), "Association Démo");
  }
}
