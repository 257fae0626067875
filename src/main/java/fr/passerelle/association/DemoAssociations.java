package fr.passerelle.association;

import fr.passerelle.crypto.X25519;
import fr.passerelle.service.OpeningHours;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Demo mode: three fictional associations, each with a fresh key pair made at start. Only the public halves are
 * kept; no referral sealed to them can be opened, which suits a demo that must hold nothing real. The demo intake
 * account is linked to {@link #LINKED_ID}.
 */
public final class DemoAssociations {
  /** The id of the demo association the demo intake account belongs to. */
  public static final String LINKED_ID = "demo-association";

  private DemoAssociations() {}

  /** Adds the fictional associations to {@code store}, unless a node sharing it already did. */
  public static Future<Void> seed(AssociationStore store, Clock clock) {
    Instant now = clock.instant();
    SecureRandom random = new SecureRandom();
    return Future.all(List.of(
        create(store, random, now, LINKED_ID, new AssociationDetails("Le Phare (association fictive de démonstration)",
            "DEMO-0075-FICTIF", Set.of("75", "92", "93", "94"), Set.of("fr", "en", "ro"),
            Set.of(ContactChannel.PHONE_CALL, ContactChannel.SMS, ContactChannel.WHATSAPP, ContactChannel.IN_PERSON),
            OpeningHours.parse("mon-fri 09:30-18:00", ZoneId.of("Europe/Paris")), true)),
        create(store, random, now, "demo-association-sud", new AssociationDetails(
            "La Traversée (association fictive de démonstration)", "DEMO-0013-FICTIF", Set.of("13", "83", "84"),
            Set.of("fr", "es", "pt", "bg"), Set.of(ContactChannel.SIGNAL, ContactChannel.PHONE_CALL,
                ContactChannel.EMAIL),
            OpeningHours.parse("mon-thu 10:00-17:00, fri 10:00-13:00", ZoneId.of("Europe/Paris")), true)),
        create(store, random, now, "demo-association-antilles", new AssociationDetails(
            "Kaz Lumière (association fictive de démonstration)", "DEMO-0971-FICTIF", Set.of("971", "972"),
            Set.of("fr", "es", "ht"), Set.of(ContactChannel.PHONE_CALL, ContactChannel.WHATSAPP),
            OpeningHours.parse("mon-fri 08:00-16:00", ZoneId.of("America/Guadeloupe")), true))))
        .mapEmpty();
  }

  private static Future<Association> create(AssociationStore store, SecureRandom random, Instant now, String id,
      AssociationDetails details) {
    byte[] publicKey = X25519.generate(random).publicKey();
    // Another demo node on the same store has already made it: keep that one.
    return store.find(id).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
        : store.create(new Association(id, details, List.of(), now, now))
            .compose(created -> store.addKey(id, publicKey, now)));
  }
}
