package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Received;
import fr.passerelle.client.SecureWorker;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

/**
 * The widget on the demo host page, in Chromium, with Java workers on the other side: the queue, a verified
 * worker, encrypted messages both ways with their delivery state, a network cut in the middle, a transfer to a
 * colleague with a new handshake, the end.
 */
class WidgetConversationBrowserTest extends OneWidgetWorldPerClass {
  @Test
  void aVisitorTalksWithAVerifiedWorkerThroughANetworkCutAndATransfer() {
    WidgetPage page = world.page.open(world.demoUrl());
    page.selectLanguage("fr");
    page.screenshot("widget-intro-fr");
    page.start();
    page.awaitText("Votre place dans la file : 1");
    assertThat(page.text()).as("no worker is available: the wait is unknown, not guessed")
        .contains("Nous ne savons pas encore combien de temps vous allez attendre.")
        .contains("Vous pouvez déjà écrire votre message.");
    page.screenshot("widget-queue-fr");

    // Written while waiting: held in memory, sent encrypted once the worker is verified.
    page.send("Je suis à Lyon depuis deux semaines.");
    assertThat(page.stateOf("Je suis à Lyon depuis deux semaines.")).isEqualTo("held");

    SecureWorker camille = world.worker("camille", "Camille");
    await(camille.client().available());
    String first = await(camille.accept(WidgetWorld.waitingEntry(camille), "Bonjour, je m'appelle Camille."));
    page.awaitPhase("chatting");
    page.awaitWorkerMessage("Bonjour, je m'appelle Camille.");
    assertThat(page.textOf("#pw-title")).isEqualTo("Vous parlez avec Camille");
    assertThat(page.text()).contains("Identité vérifiée : Association Horizon");
    assertThat(await(camille.nextMessage()).text()).isEqualTo("Je suis à Lyon depuis deux semaines.");

    page.send("J'ai besoin d'aide.");
    assertThat(await(camille.nextMessage()).text()).isEqualTo("J'ai besoin d'aide.");
    page.until(() -> "stored".equals(page.stateOf("J'ai besoin d'aide.")), "the message marked sent");
    await(camille.send(first, "Êtes-vous en sécurité là où vous êtes ?"));
    page.awaitWorkerMessage("Êtes-vous en sécurité là où vous êtes ?");

    page.click(".safety .link");
    page.until(() -> !page.textOf(".safety-code").isEmpty(), "the safety code");
    String firstCode = page.textOf(".safety-code");
    assertThat(firstCode).isEqualTo(camille.safetyCode(first).orElseThrow());
    page.screenshot("widget-chat-fr");

    // The network goes; both sides write meanwhile; the widget comes back by itself and nothing is lost or doubled.
    int connections = world.proxy.accepted();
    world.proxy.dropAll();
    await(camille.send(first, "Prenez votre temps."));
    page.send("La connexion est mauvaise ici.");
    page.until(() -> world.proxy.accepted() > connections, "a new connection");
    page.awaitWorkerMessage("Prenez votre temps.");
    assertThat(await(camille.nextMessage()).text()).isEqualTo("La connexion est mauvaise ici.");
    page.until(() -> "stored".equals(page.stateOf("La connexion est mauvaise ici.")), "the resent message stored");
    await(camille.send(first, "Je reste là."));
    page.awaitWorkerMessage("Je reste là.");
    assertThat(page.findAll(".message.worker")).hasSize(4);

    // Transfer to Ioana: a new conversation, a new key, a new handshake, another verified pseudonym.
    SecureWorker ioana = world.worker("ioana", "Ioana");
    await(ioana.client().available());
    await(camille.client().colleague("Ioana"));
    await(camille.transfer(world.node().transport(), first, world.staffId("ioana"), "Préfère le français."));
    Received note = await(ioana.nextMessage());
    assertThat(note.text()).isEqualTo("Préfère le français.");
    String second = note.conversation();
    Future<Received> ioanaHears = ioana.nextMessage();
    page.until(() -> page.textOf("#pw-title").equals("Vous parlez avec Ioana"), "Ioana, verified");
    page.send("Merci, bonjour Ioana.");
    assertThat(await(ioanaHears).text()).isEqualTo("Merci, bonjour Ioana.");
    await(ioana.send(second, "Bonjour, je prends le relais."));
    page.awaitWorkerMessage("Bonjour, je prends le relais.");
    page.click(".safety .link");
    page.until(() -> !page.textOf(".safety-code").isEmpty(), "the new safety code");
    assertThat(page.textOf(".safety-code")).isEqualTo(ioana.safetyCode(second).orElseThrow())
        .isNotEqualTo(firstCode);
    page.screenshot("widget-transferred-fr");

    await(ioana.client().end(second));
    page.awaitPhase("ended");
    assertThat(page.text()).contains("La discussion est terminée");
    page.screenshot("widget-ended-fr");
  }
}
