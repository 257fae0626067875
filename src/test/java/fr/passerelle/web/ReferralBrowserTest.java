package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static fr.passerelle.web.ConsoleWorkers.chat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.cli.IntakeCommand;
import fr.passerelle.client.Transport;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.e2e.SealedReferral;
import fr.passerelle.it.TestNode;
import fr.passerelle.referral.Referral;
import fr.passerelle.referral.ReferralStatus;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A referral from end to end, with nothing played by Java: the worker in the console asks, the visitor in the widget
 * sees the request in their language and agrees, the console seals the form to the association's key and sends it,
 * and the intake officer opens it in the intake page from the key file of {@code intake keygen} (as the command line
 * {@code intake fetch} does with the same file; the admin is warned meanwhile that it will expire unread),
 * acknowledges it
 * (the server then holds no ciphertext) and accepts it; the worker sees the status. A declined consent keeps "Send
 * referral" disabled, and the server refuses a referral without consent; a request left unanswered when the
 * conversation ends can no longer be answered; a key rotated meanwhile is refused, and the referral goes to the new
 * key once the worker chooses the association again, with the consent already given. Screenshots in
 * {@code target/screenshots/referral-*.png}.
 */
class ReferralBrowserTest {
  private static final String ASSOCIATION = "demo-association";
  private static final String REASON = "Le Phare a un foyer à Saint-Denis et parle roumain.";
  private static final String SECURED = "Chiffrée de bout en bout";

  @TempDir
  Path dir;
  private ConsoleFixture fixture;
  private TestNode node;
  private ConsolePage camille;
  private WidgetPage visitor;
  private Path keyFile;
  private String keyId;

  @BeforeEach
  void start() throws IOException {
    fixture = ConsoleFixture.start(Map.of("PASSERELLE_ROUTING_MODE", "pull"));
    node = fixture.node();
    // The intake officer makes the association's key on their machine; the admin registers its public half.
    String file = AssociationKeyFileBrowserTest.keygen(dir, "le-phare.key.json", null);
    keyFile = dir.resolve("le-phare.key.json");
    Transport.Response registered = await(node.transport().request("POST",
        "/api/v1/admin/associations/" + ASSOCIATION + "/keys", Optional.of(node.token("admin")),
        Optional.of(new JsonObject().put("publicKey", new JsonObject(file).getString("publicKey")).encode())));
    assertThat(registered.status()).as(registered.body().encode()).isEqualTo(201);
    keyId = registered.body().getJsonObject("currentKey").getString("keyId");

    camille = fixture.open();
    ConsoleWorkers.available(camille, "camille");
    ChromeDriver phone = fixture.window();
    phone.manage().window().setSize(new Dimension(412, 915));
    visitor = new WidgetPage(phone).open(fixture.origin() + "/");
    visitor.selectLanguage("fr");
    visitor.start();
    camille.waitUntil("the visitor in the queue", () -> !camille.all("#queue-list li.entry button.accept").isEmpty());
    camille.click("#queue-list li.entry button.accept");
    camille.waitUntil("secured", () -> camille.text(chat(1) + " .chat-state").equals(SECURED));
    visitor.awaitPhase("chatting");
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** The worker finds Le Phare for the 93, fills the form and asks the visitor. */
  private void askForConsent() {
    camille.click(chat(1) + " .refer-button");
    camille.waitFor("#referral-dialog");
    camille.type("#referral-departement", "93");
    camille.type("#referral-language", "ro");
    camille.click(".referral-search");
    camille.click("#referral-assoc-" + ASSOCIATION);
    camille.type("#referral-languages", "ro, fr");
    new Select(camille.waitFor("#referral-age")).selectByValue("18-25");
    camille.click("#referral-need-shelter");
    camille.click("#referral-need-health");
    new Select(camille.waitFor("#referral-method")).selectByValue("sms");
    camille.type("#referral-value", "+33 6 12 34 56 78");
    camille.type("#referral-times", "en semaine après 18 h");
    camille.type("#referral-note", "Ne pas appeler : SMS seulement.");
    camille.type("#referral-reason", REASON);
    assertThat(camille.waitFor(".referral-send").isEnabled()).as("no consent yet").isFalse();
    camille.click(".referral-ask");
    camille.waitUntil("waiting for the answer", () -> "waiting".equals(
        camille.waitFor(".referral-consent").getDomAttribute("data-consent")));
    assertThat(camille.waitFor(".referral-send").isEnabled()).as("asked, not answered").isFalse();
    visitor.until(() -> !visitor.findAll(".message.referral .referral-accept").isEmpty(), "the request in the widget");
  }

  @Test
  void theVisitorAgreesTheConsoleSealsAndSendsAndTheIntakePageOpensAcknowledgesAndAcceptsIt() throws IOException {
    askForConsent();
    String card = visitor.textOf(".message.referral");
    assertThat(card).contains("Le Phare (association fictive de démonstration)", REASON,
        "votre département", "les langues que vous parlez", "votre tranche d'âge",
        "comment et quand vous joindre sans danger", "J'accepte", "Je refuse");
    visitor.screenshot("referral-widget-request-fr");
    visitor.assertAccessible("the referral request, in French");
    visitor.selectLanguage("ru");
    assertThat(visitor.textOf(".message.referral")).contains("Что будет передано", REASON, "Даю согласие");
    visitor.screenshot("referral-widget-request-ru");
    visitor.assertAccessible("the referral request, in Russian");
    visitor.selectLanguage("fr");

    visitor.click(".message.referral .referral-accept");
    visitor.until(() -> visitor.findAll(".referral-decision[data-decision=accepted]").size() == 1, "accepted shown");
    assertThat(visitor.textOf(".referral-decision")).startsWith("Vous avez accepté.");
    assertThat(visitor.findAll(".message.referral button")).isEmpty();
    visitor.screenshot("referral-widget-accepted");

    camille.waitUntil("consent given", () -> "given".equals(
        camille.waitFor(".referral-consent").getDomAttribute("data-consent")));
    camille.screenshotAs("referral-console-consent");
    camille.assertAccessible("the referral dialog");
    camille.click(".referral-send");
    camille.waitUntil("sent", () -> camille.text(".referral-outcome").startsWith("Orientation chiffrée et envoyée"));
    camille.click(".referral-close");
    camille.waitUntil("listed as sent", () -> camille.all("#referrals-panel li[data-status=sent]").size() == 1);
    camille.screenshotAs("referral-console-sent");

    // The server holds ciphertext only, sealed to the registered key; the key file opens it outside the browser too.
    List<Referral> stored = await(node.node().services().stores().referrals().ofAssociation(ASSOCIATION));
    assertThat(stored).hasSize(1);
    Referral referral = stored.get(0);
    assertThat(referral.keyId()).isEqualTo(keyId);
    byte[] privateKey = Base64Url.decode(new JsonObject(Files.readString(keyFile)).getString("privateKey"))
        .orElseThrow();
    JsonObject form = new JsonObject(new String(SealedReferral.open(privateKey, ASSOCIATION, 1, referral.id(),
        Base64Url.decode(referral.sealed().orElseThrow()).orElseThrow()), UTF_8));
    assertThat(form).isEqualTo(new JsonObject().put("departement", "93").put("languages", List.of("ro", "fr"))
        .put("ageBand", "18-25").put("needs", List.of("shelter", "health"))
        .put("contact", new JsonObject().put("method", "sms").put("value", "+33 6 12 34 56 78")
            .put("times", "en semaine après 18 h"))
        .put("note", "Ne pas appeler : SMS seulement."));
    assertThat(referral.sealed().orElseThrow()).doesNotContain("Saint-Denis");
    // The command line opens the same referral with the same key file (it fetches without acknowledging).
    assertThat(new JsonObject(cli("fetch", "--id", referral.id(), "--key", keyFile.toString()))).isEqualTo(form);

    // 28 of its 30 days later, still unread and about to expire: the admin's console says so, with the association
    // and no content. (Sessions that were open have expired meanwhile: the worker logs in again at the end.)
    node.clock().advance(Duration.ofDays(28));
    ConsolePage admin = fixture.open();
    admin.login("admin", TestNode.PASSWORD);
    admin.waitUntil("the expiring warning", () -> admin.text("#referrals-expiring").contains("Le Phare"));
    assertThat(admin.text("#referrals-expiring")).startsWith("1 orientation(s) pas encore reçue(s)")
        .doesNotContain("Saint-Denis").doesNotContain(referral.id());
    admin.screenshotAs("referral-admin-expiring");
    admin.assertAccessible("the admin view with the expiring warning");

    ConsolePage intake = openIntake();
    intake.waitUntil("the referral listed", () -> intake.all("[data-open='" + referral.id() + "']").size() == 1);
    intake.screenshotAs("referral-intake-list");
    // Another association's key file: the page says which key the referral needs, and shows nothing.
    AssociationKeyFileBrowserTest.keygen(dir, "another.key.json", null);
    intake.waitFor("#key-file").sendKeys(dir.resolve("another.key.json").toAbsolutePath().toString());
    intake.click("#key-submit");
    intake.waitUntil("the other key loaded", () -> intake.text("#key-status").startsWith("Clé chargée"));
    intake.click("[data-open='" + referral.id() + "']");
    intake.waitUntil("sealed to another key", () -> intake.text("#list-error")
        .equals("Cette orientation a été scellée pour la clé " + keyId + ", pas pour celle du fichier chargé."));
    assertThat(intake.all("#referral-form dl")).isEmpty();

    intake.waitFor("#key-file").sendKeys(keyFile.toAbsolutePath().toString());
    intake.click("#key-submit");
    intake.waitUntil("key loaded", () -> intake.text("#key-status").contains(keyId));
    intake.click("[data-open='" + referral.id() + "']");
    intake.waitFor("#referral-form dl");
    String shown = intake.text("#referral-form");
    assertThat(shown).contains("93", "roumain (ro)", "français (fr)", "18 à 25 ans", "Hébergement", "Santé", "SMS",
        "+33 6 12 34 56 78", "en semaine après 18 h", "Ne pas appeler : SMS seulement.", referral.id());
    intake.screenshotAs("referral-intake-open");
    intake.assertAccessible("the intake page with a referral open");
    intake.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    assertThat(intake.all(".key").get(0).isDisplayed()).as("printed: the form only").isFalse();
    assertThat(intake.waitFor("#referral-form dl").isDisplayed()).isTrue();
    intake.screenshotAs("referral-intake-print");
    intake.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

    intake.click("#referral-ack");
    intake.waitUntil("acknowledged", () -> intake.text("#referral-status").startsWith("Réception confirmée"));
    Referral received = await(node.node().services().stores().referrals().find(referral.id())).orElseThrow();
    assertThat(received.status()).isEqualTo(ReferralStatus.RECEIVED);
    assertThat(received.sealed()).as("the ciphertext is gone from the server").isEmpty();
    Transport.Response again = await(node.transport().request("GET", "/api/v1/intake/referrals/" + referral.id(),
        Optional.of(node.token("intake")), Optional.empty()));
    assertThat(again.status()).isEqualTo(410);

    intake.click("#referral-accept");
    intake.waitUntil("accepted", () -> intake.text("#referral-status").equals("Prise en charge acceptée."));
    intake.screenshotAs("referral-intake-accepted");
    camille.reload();
    camille.login("camille", TestNode.PASSWORD);
    camille.waitUntil("the worker sees it accepted",
        () -> camille.all("#referrals-panel li[data-status=accepted]").size() == 1);
    camille.screenshotAs("referral-console-accepted");
  }

  @Test
  void aDeclinedConsentKeepsSendReferralDisabledAndTheServerRefusesTheReferral() {
    askForConsent();
    visitor.click(".message.referral .referral-decline");
    visitor.until(() -> visitor.findAll(".referral-decision[data-decision=declined]").size() == 1, "declined shown");
    camille.waitUntil("consent refused", () -> "refused".equals(
        camille.waitFor(".referral-consent").getDomAttribute("data-consent")));
    assertThat(camille.waitFor(".referral-send").isEnabled()).isFalse();
    camille.screenshotAs("referral-console-declined");

    String conversation = camille.waitFor(chat(1)).getDomAttribute("data-conversation");
    String request = camille.waitFor(".referral-consent").getDomAttribute("data-request");
    byte[] sealed = new byte[80]; // well formed: version 1, enc, ciphertext; the consent is what is missing
    sealed[0] = 1;
    JsonObject body = new JsonObject().put("id", "refused-1").put("conversation", conversation)
        .put("request", request).put("association", ASSOCIATION).put("keyId", keyId)
        .put("sealed", Base64Url.encode(sealed));
    Transport.Response refused = await(node.transport().request("POST", "/api/v1/referrals",
        Optional.of(node.token("camille")), Optional.of(body.encode())));
    assertThat(refused.status()).as(refused.body().encode()).isEqualTo(409);
    assertThat(refused.body().getString("code")).isEqualTo("consent_required");
    assertThat(await(node.node().services().stores().referrals().ofAssociation(ASSOCIATION))).isEmpty();

    // Asked again, and the conversation ends before an answer: the card says the request is no longer open.
    camille.click(".referral-ask");
    visitor.until(() -> visitor.findAll(".message.referral .referral-accept").size() == 1, "the second request");
    camille.click(".referral-close");
    camille.click(chat(1) + " .end-button");
    camille.click("#confirm-ok");
    visitor.awaitPhase("ended");
    visitor.until(() -> visitor.findAll(".referral-decision[data-decision=closed]").size() == 1, "closed shown");
    assertThat(visitor.findAll(".message.referral button")).isEmpty();
    assertThat(visitor.text()).contains("Cette demande n'est plus valable : rien n'a été transmis à Le Phare");
  }

  @Test
  void aKeyRotatedMeanwhileIsRefusedAndTheReferralGoesToTheNewKeyOnceTheAssociationIsChosenAgain()
      throws IOException {
    askForConsent();
    visitor.click(".message.referral .referral-accept");
    camille.waitUntil("consent given", () -> "given".equals(
        camille.waitFor(".referral-consent").getDomAttribute("data-consent")));
    String rotated = AssociationKeyFileBrowserTest.keygen(dir, "le-phare-2.key.json", null);
    Transport.Response registered = await(node.transport().request("POST",
        "/api/v1/admin/associations/" + ASSOCIATION + "/keys", Optional.of(node.token("admin")),
        Optional.of(new JsonObject().put("publicKey", new JsonObject(rotated).getString("publicKey")).encode())));
    String newKeyId = registered.body().getJsonObject("currentKey").getString("keyId");

    camille.click(".referral-send");
    camille.waitUntil("refused: the key changed", () -> camille.text("#referral-dialog .error")
        .equals("La clé de l'association a changé : cherchez à nouveau et choisissez-la."));
    assertThat(await(node.node().services().stores().referrals().ofAssociation(ASSOCIATION))).isEmpty();
    camille.click(".referral-search");
    camille.click("#referral-assoc-" + ASSOCIATION);
    camille.click(".referral-send");
    camille.waitUntil("sent", () -> camille.text(".referral-outcome").startsWith("Orientation chiffrée et envoyée"));
    List<Referral> stored = await(node.node().services().stores().referrals().ofAssociation(ASSOCIATION));
    assertThat(stored).extracting(Referral::keyId).containsExactly(newKeyId);
  }

  /** {@code passerelle intake <command>} as the intake officer, against the test node: what it printed. */
  private String cli(String command, String... options) throws IOException {
    Path password = Files.writeString(dir.resolve("intake.pass"), TestNode.PASSWORD + "\n");
    List<String> args = new ArrayList<>(List.of(command, "--server", fixture.origin(), "--username", "intake",
        "--password-file", password.toString()));
    args.addAll(List.of(options));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = IntakeCommand.run(args.toArray(String[]::new), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));
    assertThat(code).as(err.toString(UTF_8)).isZero();
    return out.toString(UTF_8);
  }

  private ConsolePage openIntake() {
    ConsolePage intake = new ConsolePage(fixture.window(), fixture.origin());
    intake.driver().get(fixture.origin() + "/intake/");
    intake.waitUntil("the page is translated", () -> !intake.text("#login-heading").isEmpty());
    new Select(intake.waitFor("#language")).selectByValue("fr");
    intake.waitUntil("in French", () -> intake.text("#login-heading").equals("Connexion"));
    intake.assertAccessible("the intake login");
    intake.type("#username", "intake");
    intake.type("#password", TestNode.PASSWORD);
    intake.click("#login-submit");
    intake.waitFor("#inbox");
    return intake;
  }
}
