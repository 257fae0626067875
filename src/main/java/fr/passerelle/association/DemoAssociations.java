package fr.passerelle.association;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.X25519;
import fr.passerelle.service.OpeningHours;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Demo mode: three fictional associations, each with a fresh key pair made at start. The demo intake account is
 * linked to {@link #LINKED_ID}; so that a newcomer can open a demo referral in the intake page, this node keeps the
 * private half of that association's key in memory and hands it to that association's intake officers as a key
 * file ({@link #keyFile}), as the demo root key signs demo certificates. The other two keep their public halves only.
 */
public final class DemoAssociations {
  /** The id of the demo association the demo intake account belongs to. */
  public static final String LINKED_ID = "demo-association";

  private final X25519.KeyPair linkedKey = X25519.generate(new SecureRandom());

  /**
   * The linked association's key file (docs/protocol.md, "Association key file (v1)", unsealed), if {@code
   * association} is that association and its current key is the one this node made (another demo node sharing the
   * store may have made it).
   */
  public Optional<String> keyFile(Association association) {
    boolean ours = association.id().equals(LINKED_ID) && association.currentKey()
        .filter(key -> Bytes.equal(key.publicKey(), linkedKey.publicKey())).isPresent();
    return ours ? Optional.of(new JsonObject().put("type", "passerelle-association-key").put("version", 1)
        .put("publicKey", Base64Url.encode(linkedKey.publicKey()))
        .put("privateKey", Base64Url.encode(linkedKey.privateKey())).encodePrettily() + "\n") : Optional.empty();
  }

  /** Adds the fictional associations to {@code store}, unless a node sharing it already did. */
  public Future<Void> seed(AssociationStore store, Clock clock) {
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

  private Future<Association> create(AssociationStore store, SecureRandom random, Instant now, String id,
      AssociationDetails details) {
    byte[] publicKey = id.equals(LINKED_ID) ? linkedKey.publicKey() : X25519.generate(random).publicKey();
    // Another demo node on the same store has already made it: keep that one.
    return store.find(id).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
        : store.create(new Association(id, details, List.of(), now, now))
            .compose(created -> store.addKey(id, publicKey, now)));
  }
}
