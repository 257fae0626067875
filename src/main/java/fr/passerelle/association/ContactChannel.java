package fr.passerelle.association;

import java.util.Arrays;
import java.util.Optional;

/**
 * A safe way an association can reach a person it is referred: the person later chooses one of those the
 * association offers. The wire codes are stable (docs/api.md).
 */
public enum ContactChannel {
  /** An ordinary phone call. */
  PHONE_CALL("phone-call"),
  /** A text message. */
  SMS("sms"),
  /** A WhatsApp message or call. */
  WHATSAPP("whatsapp"),
  /** A Signal message or call. */
  SIGNAL("signal"),
  /** An e-mail. */
  EMAIL("email"),
  /** Meeting in person, at the association's premises or a place the person names. */
  IN_PERSON("in-person");

  private final String wire;

  ContactChannel(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<ContactChannel> fromWire(String value) {
    return Arrays.stream(values()).filter(c -> c.wire.equals(value)).findFirst();
  }
}
