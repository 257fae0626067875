package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.association.Association;
import fr.passerelle.association.AssociationDetails;
import fr.passerelle.association.AssociationKey;
import fr.passerelle.association.AssociationStore;
import fr.passerelle.association.ContactChannel;
import fr.passerelle.crypto.X25519;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.service.OpeningHours;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The association directory: created, listed by name, details replaced, keys rotated with their history kept. */
interface AssociationContract extends StoreFixture {

  private AssociationStore associations() {
    return stores().associations();
  }

  private static AssociationDetails details(String name) {
    return new AssociationDetails(name, "ref-" + name, Set.of("75", "2A"), Set.of("fr", "ro"),
        Set.of(ContactChannel.SMS), OpeningHours.parse("mon 10:00-12:00", ZoneId.of("Europe/Paris")), true);
  }

  private static byte[] newKey() {
    return X25519.generate(new SecureRandom()).publicKey();
  }

  @Test
  default void anAssociationIsCreatedWithoutKeysAndFoundAsStored() throws Exception {
    Association created = await(associations().create(new Association("a1", details("Le Phare"), List.of(), NOW,
        NOW)));

    Association found = await(associations().find("a1")).orElseThrow();
    assertThat(found).isEqualTo(created);
    assertThat(found.details()).isEqualTo(details("Le Phare"));
    assertThat(found.keys()).isEmpty();
    assertThat(found.currentKey()).isEmpty();
    assertThat(await(associations().find("a2"))).isEmpty();
  }

  @Test
  default void aTakenIdIsAConflictAndKeepsTheFirst() throws Exception {
    await(associations().create(new Association("a1", details("Le Phare"), List.of(), NOW, NOW)));

    failure(associations().create(new Association("a1", details("Autre"), List.of(), NOW, NOW)), ErrorCode.CONFLICT);

    assertThat(await(associations().find("a1")).orElseThrow().details().name()).isEqualTo("Le Phare");
  }

  @Test
  default void theListIsByNameWhateverTheCase() throws Exception {
    for (String name : List.of("zèbre", "Amarres", "phare")) {
      await(associations().create(new Association("id-" + name, details(name), List.of(), NOW, NOW)));
    }

    assertThat(await(associations().list())).extracting(a -> a.details().name())
        .containsExactly("Amarres", "phare", "zèbre");
  }

  @Test
  default void replacingDetailsKeepsKeysAndCreationAndStampsTheUpdate() throws Exception {
    await(associations().create(new Association("a1", details("Le Phare"), List.of(), NOW, NOW)));
    byte[] key = newKey();
    await(associations().addKey("a1", key, NOW.plusSeconds(1)));

    Association updated = await(associations().updateDetails("a1", details("Le Phare").withActive(false),
        NOW.plusSeconds(2)));

    assertThat(updated.details().active()).isFalse();
    assertThat(updated.createdAt()).isEqualTo(NOW);
    assertThat(updated.updatedAt()).isEqualTo(NOW.plusSeconds(2));
    assertThat(updated.currentKey().orElseThrow().publicKey()).isEqualTo(key);
    assertThat(await(associations().find("a1"))).contains(updated);
  }

  @Test
  default void anUnknownIdIsRefusedAndNothingAppears() throws Exception {
    failure(associations().updateDetails("nope", details("x"), NOW), ErrorCode.UNKNOWN_ASSOCIATION);
    failure(associations().addKey("nope", newKey(), NOW), ErrorCode.UNKNOWN_ASSOCIATION);

    assertThat(await(associations().list())).isEmpty();
  }

  @Test
  default void aNewKeyBecomesCurrentAndThePreviousOneIsKeptWithItsPeriod() throws Exception {
    await(associations().create(new Association("a1", details("Le Phare"), List.of(), NOW, NOW)));
    byte[] first = newKey();
    byte[] second = newKey();

    await(associations().addKey("a1", first, NOW.plusSeconds(10)));
    Association rotated = await(associations().addKey("a1", second, NOW.plusSeconds(20)));

    assertThat(rotated.keys()).hasSize(2);
    AssociationKey old = rotated.keys().get(0);
    assertThat(old.publicKey()).isEqualTo(first);
    assertThat(old.since()).isEqualTo(NOW.plusSeconds(10));
    assertThat(old.until()).contains(NOW.plusSeconds(20));
    AssociationKey current = rotated.currentKey().orElseThrow();
    assertThat(current.publicKey()).isEqualTo(second);
    assertThat(current.since()).isEqualTo(NOW.plusSeconds(20));
    assertThat(current.until()).isEqualTo(Optional.empty());
    assertThat(rotated.updatedAt()).isEqualTo(NOW.plusSeconds(20));
  }

  @Test
  default void aKeyAlreadyInTheHistoryIsAConflictAndChangesNothing() throws Exception {
    await(associations().create(new Association("a1", details("Le Phare"), List.of(), NOW, NOW)));
    byte[] first = newKey();
    await(associations().addKey("a1", first, NOW));
    Association before = await(associations().addKey("a1", newKey(), NOW.plusSeconds(1)));

    failure(associations().addKey("a1", first, NOW.plusSeconds(2)), ErrorCode.CONFLICT);

    assertThat(await(associations().find("a1"))).contains(before);
  }
}
