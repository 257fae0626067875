package fr.passerelle.config;

import java.util.Optional;

/**
 * The organisation this node serves: its id, written into every worker certificate, and the public half of its
 * root key (unpadded base64url of 32 bytes), which verifies them. The key is required outside demo mode.
 */
public record OrganisationConfig(String id, Optional<String> rootPublicKey) {

  public static OrganisationConfig defaults() {
    return new OrganisationConfig("org-demo", Optional.empty());
  }

  /** The decoded root public key; validated at load time, so this only fails for a record built by hand. */
  public Optional<byte[]> rootPublicKeyBytes() {
    return rootPublicKey.map(ConfigValidator::rootPublicKey);
  }
}
