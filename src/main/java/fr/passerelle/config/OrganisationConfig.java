package fr.passerelle.config;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The organisation this node serves: its id, written into every worker certificate, the public half of its root key
 * (unpadded base64url of 32 bytes), which verifies them and is required outside demo mode, and what visitors are
 * shown: its name, its opening hours in its time zone (as {@code mon-fri 18:00-23:00, sat 14:00-20:00}) and its own
 * phone number; and the neutral site the widget's quick exit goes to ({@code exitUrl}), written into the snippet.
 */
public record OrganisationConfig(String id, Optional<String> rootPublicKey, String name, String timeZone,
    String openingHours, Optional<String> phone, Optional<String> exitUrl) {

  public static OrganisationConfig defaults() {
    return new OrganisationConfig("org-demo", Optional.empty(), "Association Démo", "Europe/Paris",
        "mon-sun 00:00-24:00", Optional.empty(),
        Optional.empty());
  }

  /** The decoded root public key; validated at load time, so this only fails for a record built by hand. */
  public Optional<byte[]> rootPublicKeyBytes() {
    return rootPublicKey.map(ConfigValidator::rootPublicKey);
  }

  /** The time zone; validated at load time. */
  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }
}
