package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.SecureWorker;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.e2e.WorkerKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * A worker whose certificate does not verify against the organisation root pinned in the snippet is refused by the
 * widget before a word of theirs is shown, and the visitor is told why, in their language.
 */
class TamperedCertificateBrowserTest extends OneWidgetWorldPerClass {
  @Test
  void aCertificateSignedByAnotherRootStopsTheConversationAndSaysWhy() {
    Ed25519.KeyPair otherRoot = Ed25519.generate(WidgetWorld.RANDOM);
    assertRefused("fr", (identity, now) -> world.certificate(identity, "camille", "Camille", WidgetWorld.ORG,
        now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1)), otherRoot.privateKey()),
        "Raison : rien ne prouve que cette personne fait partie de Association Horizon (signature non valable).",
        "refused-other-root-fr");
  }

  @Test
  void aPseudonymChangedAfterSigningIsRefused() {
    assertRefused("en", (identity, now) -> {
      byte[] altered = world.certificate(identity, "camille", "Camille", WidgetWorld.ORG,
          now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1)), world.root.privateKey());
      altered[new String(altered, StandardCharsets.ISO_8859_1).indexOf("Camille") + 6] = 'a'; // "Camilla"
      return altered;
    }, "Reason: nothing proves that this person belongs to Association Horizon (invalid signature).",
        "refused-altered-en");
  }

  @Test
  void anExpiredCertificateIsRefused() {
    assertRefused("ro", (identity, now) -> world.certificate(identity, "camille", "Camille", WidgetWorld.ORG,
        now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)), world.root.privateKey()),
        "Motiv: certificatul său a expirat.", "refused-expired-ro");
  }

  @Test
  void aCertificateOfAnotherOrganisationIsRefused() {
    assertRefused("ru", (identity, now) -> world.certificate(identity, "camille", "Camille", "another-asso",
        now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1)), world.root.privateKey()),
        "Причина: его сертификат принадлежит другой организации, а не «Association Horizon».", "refused-org-ru");
  }

  private void assertRefused(String language, BiFunction<WorkerKeys, Instant, byte[]> certify, String reason,
      String screenshot) {
    WidgetPage page = world.page.open(world.demoUrl());
    page.selectLanguage(language);
    page.start();
    page.send("Ce message ne doit jamais partir.");
    WorkerKeys identity = WorkerKeys.generate(WidgetWorld.RANDOM);
    Instant now = world.node().clock().instant().truncatedTo(ChronoUnit.SECONDS);
    SecureWorker impostor = world.withCertificate("camille", identity, certify.apply(identity, now));
    await(impostor.client().available());
    String conversation = await(impostor.accept(WidgetWorld.waitingEntry(impostor), "Bonjour, c'est Camille."));

    page.awaitPhase("refused");
    assertThat(page.text()).contains(reason).doesNotContain("Bonjour, c'est Camille.").doesNotContain("Camille");
    assertThat(page.findAll(".message.worker")).isEmpty();
    assertThat(page.stateOf("Ce message ne doit jamais partir.")).isEqualTo("failed");
    assertThat(await(impostor.client().channel().next("visitor-left")).getString("conversation"))
        .isEqualTo(conversation);
    assertThat(impostor.client().channel().pending()).noneMatch(f -> "envelope".equals(f.getString("type")));
    page.screenshot(screenshot);
    await(impostor.client().channel().close());
  }
}
