package fr.passerelle.audit;

import fr.passerelle.http.JsonBody;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;

/**
 * A place in the audit log, newest first: the entries after it are older (or as old, with a smaller id). Opaque to
 * clients, who hand back the {@code next} they were given.
 */
public record AuditCursor(Instant at, String id) implements Comparable<AuditCursor> {
  private static final Comparator<AuditCursor> ORDER = Comparator.comparing(AuditCursor::at)
      .thenComparing(AuditCursor::id);

  /** Ascending (oldest first); the log is read in the reverse order. */
  @Override
  public int compareTo(AuditCursor other) {
    return ORDER.compare(this, other);
  }

  public String encode() {
    String plain = at.getEpochSecond() + "." + at.getNano() + "." + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor this class wrote; anything else is an {@code invalid_field} on {@code cursor}. */
  public static AuditCursor decode(String text) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\.", 3);
      if (parts.length != 3 || parts[2].isEmpty()) {
        throw new IllegalArgumentException();
      }
      return new AuditCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1])), parts[2]);
    } catch (RuntimeException e) {
      throw JsonBody.invalid("cursor", "must be the next value of a previous page");
    }
  }
}
