package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.association.Association;
import fr.passerelle.association.AssociationKey;
import fr.passerelle.association.ContactChannel;
import fr.passerelle.association.DemoAssociations;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.AssociationKeyFingerprint;
import fr.passerelle.it.TestNode;
import fr.passerelle.staff.StaffAccount;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin's "Associations" view on a demo node: the directory listed, an association added and changed, deactivated
 * and activated again, and a new key registered after its fingerprint, computed in the page, was shown to compare.
 */
class ConsoleAssociationsBrowserTest {
  private ConsoleFixture fixture;
  private TestNode node;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of());
    node = fixture.node();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private Association stored(String id) {
    return await(node.node().services().stores().associations().find(id)).orElseThrow();
  }

  private List<Association> all() {
    return await(node.node().services().stores().associations().list());
  }

  private ConsolePage associations() {
    ConsolePage page = fixture.open();
    page.login("admin", TestNode.PASSWORD);
    page.waitFor("#admin-view");
    page.click(".admin-nav .tab[data-view='associations']");
    page.waitUntil("associations open", () -> "associations".equals(page.waitFor("#admin-panel")
        .getAttribute("data-view")));
    page.waitUntil("the demo associations listed", () -> page.all(".associations-table tbody tr").size() == 3);
    return page;
  }

  @Test
  void anAdminAddsAnAssociationChangesItAndDeactivatesIt() {
    ConsolePage page = associations();
    String phare = stored(DemoAssociations.LINKED_ID).currentKey().orElseThrow().fingerprint().digits();
    assertThat(page.text("tr[data-association='" + DemoAssociations.LINKED_ID + "'] .fingerprint")).isEqualTo(phare);
    page.assertAccessible("admin associations");
    page.screenshot("admin-associations");

    page.type(".create-association input[name='name']", "Les Amarres");
    page.type(".create-association input[name='approvalReference']", "AGR-13-2026");
    page.type(".create-association input[name='departements']", "13, 2a, 976");
    page.type(".create-association input[name='languages']", "fr, AR");
    page.click("#create-channel-signal");
    page.click("#create-channel-in-person");
    page.type(".create-association input[name='hours']", "tue-thu 14:00-18:00");
    page.click(".create-association button[type='submit']");
    page.waitUntil("created", () -> all().size() == 4);
    Association created = all().stream().filter(a -> a.details().name().equals("Les Amarres")).findFirst()
        .orElseThrow();
    assertThat(created.details().departements()).containsExactlyInAnyOrder("13", "2A", "976");
    assertThat(created.details().languages()).containsExactlyInAnyOrder("fr", "ar");
    assertThat(created.details().channels()).containsExactlyInAnyOrder(ContactChannel.SIGNAL, ContactChannel.IN_PERSON);
    assertThat(created.details().hours().slots()).hasSize(3);
    page.waitUntil("listed", () -> page.all("tr[data-association='" + created.id() + "']").size() == 1);

    // A refused field is said, and nothing is created.
    page.type(".create-association input[name='name']", "Mauvaise");
    page.type(".create-association input[name='approvalReference']", "AGR");
    page.type(".create-association input[name='departements']", "20");
    page.click("#create-channel-sms");
    page.click(".create-association button[type='submit']");
    page.waitUntil("refused", () -> page.text(".create-association .error").contains("invalid_field"));
    assertThat(all()).hasSize(4);

    page.click("button[data-edit='" + created.id() + "']");
    page.type(".edit-association input[name='name']", "Les Amarres Sud");
    page.click("#edit-channel-sms");
    page.assertAccessible("admin associations, editing");
    page.click(".edit-association button[type='submit']");
    page.waitUntil("saved", () -> stored(created.id()).details().name().equals("Les Amarres Sud"));
    assertThat(stored(created.id()).details().channels()).containsExactlyInAnyOrder(ContactChannel.SIGNAL,
        ContactChannel.IN_PERSON, ContactChannel.SMS);
    assertThat(stored(created.id()).details().hours()).isEqualTo(created.details().hours());

    page.click("button[data-toggle='" + created.id() + "']");
    page.waitUntil("deactivated", () -> !stored(created.id()).details().active());
    page.waitUntil("said", () -> page.text("#admin-panel .notice").contains("Les Amarres Sud"));
    page.click("button[data-toggle='" + created.id() + "']");
    page.waitUntil("active again", () -> stored(created.id()).details().active());
  }

  @Test
  void anAdminMovesTheIntakeAccountToAnotherAssociationAndThenUnlinksIt() {
    ConsolePage page = fixture.open();
    page.login("admin", TestNode.PASSWORD);
    page.waitUntil("accounts listed", () -> page.all(".staff-table tbody tr").size() == 5);
    StaffAccount intake = await(node.node().services().stores().staff().findByUsername("intake")).orElseThrow();
    assertThat(intake.association()).contains(DemoAssociations.LINKED_ID);

    page.click("button[data-edit='" + intake.id() + "']");
    Select association = new Select(page.waitFor(".edit-staff select[name='association']"));
    assertThat(association.getFirstSelectedOption().getAttribute("value")).isEqualTo(DemoAssociations.LINKED_ID);
    association.selectByValue("demo-association-sud");
    page.click(".edit-staff button[type='submit']");
    page.waitUntil("moved", () -> staff("intake").association().equals(Optional.of("demo-association-sud")));

    page.click("button[data-edit='" + intake.id() + "']");
    new Select(page.waitFor(".edit-staff select[name='association']")).selectByValue("");
    page.click(".edit-staff button[type='submit']");
    page.waitUntil("unlinked", () -> staff("intake").association().isEmpty());
    page.click("button[data-edit='" + staff("camille").id() + "']");
    page.waitFor(".edit-staff");
    assertThat(page.all(".edit-staff select[name='association']")).as("only for intake accounts").isEmpty();
  }

  private StaffAccount staff(String username) {
    return await(node.node().services().stores().staff().findByUsername(username)).orElseThrow();
  }

  @Test
  void anAdminSeesTheFingerprintOfAPastedKeyBeforeRegisteringItAndTheOldKeyStaysListed() {
    ConsolePage page = associations();
    String id = DemoAssociations.LINKED_ID;
    AssociationKey old = stored(id).currentKey().orElseThrow();
    byte[] fresh = X25519.generate(new SecureRandom()).publicKey();
    String digits = AssociationKeyFingerprint.of(fresh).digits();

    page.click("button[data-key='" + id + "']");
    assertThat(page.text(".association-key .key-history")).contains(old.fingerprint().digits());
    page.type(".register-key input[name='publicKey']", "not a key");
    page.waitUntil("refused in the page", () -> !page.text(".fingerprint-preview").isEmpty());
    assertThat(page.waitFor(".register-key button[type='submit']").isEnabled()).isFalse();
    page.type(".register-key input[name='publicKey']", Base64Url.encode(fresh));
    page.waitUntil("fingerprint shown", () -> page.text(".fingerprint-preview").contains(digits));
    page.assertAccessible("admin associations, registering a key");
    page.screenshot("admin-association-key");
    page.click(".register-key button[type='submit']");

    page.waitUntil("registered", () -> stored(id).keys().size() == 2);
    assertThat(stored(id).currentKey().orElseThrow().publicKey()).isEqualTo(fresh);
    assertThat(stored(id).keys().get(0).until()).isPresent();
    page.waitUntil("said with the fingerprint", () -> page.text("#admin-panel .notice").contains(digits));
    assertThat(page.text("tr[data-association='" + id + "'] .fingerprint")).isEqualTo(digits);

    page.click("button[data-key='" + id + "']");
    String history = page.text(".association-key .key-history");
    assertThat(history).contains(digits, old.fingerprint().digits());
  }

  @Test
  void thePageComputesTheKnownAnswerOfTheProtocol() {
    ConsolePage page = associations();

    Object answer = page.asyncScript("const done = arguments[arguments.length - 1];"
        + "import('/lib/index.js').then(async (lib) => { const key = new Uint8Array(32); key[0] = 9;"
        + "const f = await lib.associationKeyFingerprint(key); done(f.keyId + ' / ' + f.digits); })"
        + ".catch((e) => done(String(e)));");

    assertThat(answer).isEqualTo("KcJ1QdKhz2i1NKocEMqnmw / 23602 80500 02823 70491");
  }
}
