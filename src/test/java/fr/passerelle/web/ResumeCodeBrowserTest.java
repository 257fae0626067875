package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Received;
import fr.passerelle.client.SecureWorker;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;

/**
 * The optional resume code: shown only on request, it carries the conversation to another window or device, where a
 * new key is made and the worker's new handshake verified; the first window is told the conversation went on
 * elsewhere. A wrong or spent code is explained.
 */
class ResumeCodeBrowserTest extends OneWidgetWorldPerClass {
  @Test
  void theCodeContinuesTheConversationElsewhereWithANewHandshake() {
    WidgetPage page = world.page.open(world.demoUrl());
    page.selectLanguage("es");
    page.start();
    SecureWorker camille = world.worker("camille", "Camille");
    await(camille.client().available());
    String conversation = await(camille.accept(WidgetWorld.waitingEntry(camille), "Hola, soy Camille."));
    page.awaitWorkerMessage("Hola, soy Camille.");
    page.click(".resume summary");
    page.until(() -> !page.find("#pw-code").getDomProperty("value").isEmpty(), "the resume code");
    String code = page.find("#pw-code").getDomProperty("value");
    page.screenshot("resume-code-es");
    String first = page.driver().getWindowHandle();

    page.driver().switchTo().newWindow(WindowType.TAB);
    WidgetPage elsewhere = world.page.open(world.demoUrl());
    elsewhere.selectLanguage("es");
    elsewhere.click(".resume-entry summary");
    elsewhere.find("#pw-resume").sendKeys(code);
    Future<Received> camilleHears = camille.nextMessage(); // answers the new key with a new init, then listens
    elsewhere.click(".resume-entry button[type=submit]");
    elsewhere.until(() -> elsewhere.textOf("#pw-title").equals("Estás hablando con Camille"), "Camille, verified");
    assertThat(elsewhere.text()).contains("Los mensajes anteriores no se pueden mostrar en este dispositivo.")
        .doesNotContain("Hola, soy Camille.");
    elsewhere.send("Sigo aquí, en otro teléfono.");
    assertThat(await(camilleHears).text()).isEqualTo("Sigo aquí, en otro teléfono.");
    await(camille.send(conversation, "Te leo."));
    elsewhere.awaitWorkerMessage("Te leo.");

    page.driver().switchTo().window(first);
    page.awaitPhase("superseded");
    assertThat(page.text()).contains("Esta conversación continúa en otra ventana o en otro dispositivo.");
    page.screenshot("resume-superseded-es");
    page.driver().close();
    page.driver().switchTo().window(page.driver().getWindowHandles().iterator().next());
    await(camille.client().end(conversation));
    await(camille.client().channel().close());
  }

  @Test
  void aWrongOrSpentCodeIsExplained() {
    WidgetPage page = world.page.open(world.demoUrl());
    page.selectLanguage("pt-BR");
    page.click(".resume-entry summary");
    page.find("#pw-resume").sendKeys("não é um código");
    page.click(".resume-entry button[type=submit]");
    page.awaitText("Este código não é válido.");

    page.find("#pw-resume").sendKeys("AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
    page.click(".resume-entry button[type=submit]");
    page.awaitText("Este código não funciona mais.");
    page.awaitPhase("intro");
    page.assertAccessible("pt-BR resume refused");
    page.screenshot("resume-refused-pt-BR");
  }
}
