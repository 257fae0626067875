package fr.passerelle.web;

import static fr.passerelle.web.ConsoleWorkers.chat;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.SecureVisitor;
import fr.passerelle.it.TestNode;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Each conversation's end-to-end state kept on the worker's device: a worker talking with a visitor in the widget
 * reloads the console and goes on both ways with the same keys (the same safety code, no new handshake), the
 * messages written meanwhile arriving once; what IndexedDB holds is sealed or non-extractable keys, never a key in
 * clear; ending a conversation deletes its record, and logging out deletes them all with the account's wrapping key.
 */
class ConsoleSavedStateBrowserTest {
  private static final String SECURED = "Chiffrée de bout en bout";
  private static final Pattern CODE = Pattern.compile("\\d{5} \\d{5} \\d{5} \\d{5}");
  /**
   * Reads the console's state database as it is, without ever creating it: for each record, its fields, whether its
   * ratchet key is a non-extractable CryptoKey, where it holds bytes, and whether its sealed part reads as text; for
   * each wrapping key, whether it is a non-extractable AES-GCM CryptoKey that refuses to be exported.
   */
  private static final String READ_STATES = """
      const done = arguments[arguments.length - 1];
      const opening = indexedDB.open('passerelle-console-state');
      opening.onupgradeneeded = () => opening.transaction.abort();
      opening.onerror = () => done(JSON.stringify({ records: [], keys: [] }));
      opening.onsuccess = async () => {
        const db = opening.result;
        const all = (store) => new Promise((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        const bytesAt = (value, path, found) => {
          if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
            found.push(path);
          } else if (value && typeof value === 'object' && !(value instanceof CryptoKey)) {
            Object.entries(value).forEach(([k, v]) => bytesAt(v, path + '.' + k, found));
          }
          return found;
        };
        const readsAsText = (sealed) => {
          const text = new TextDecoder('latin1').decode(sealed);
          return /"(rk|cks|ckr|ad|skipped)"/.test(text) || text.startsWith('{');
        };
        const records = (await all('conversations')).map((r) => ({
          conversation: r.conversation, fields: Object.keys(r).sort().join(','),
          ratchetKeyHidden: r.ratchetKey instanceof CryptoKey && r.ratchetKey.extractable === false,
          bytes: bytesAt(r, 'record', []).sort().join(','),
          sealedLength: r.sealed.byteLength, readsAsText: readsAsText(r.sealed),
        }));
        const keys = [];
        for (const k of await all('wrapping-keys')) {
          let exported = true;
          try {
            await crypto.subtle.exportKey('raw', k);
          } catch {
            exported = false;
          }
          keys.push({ hidden: k instanceof CryptoKey && k.extractable === false && !exported,
            algorithm: k.algorithm.name });
        }
        db.close();
        done(JSON.stringify({ records, keys }));
      };
      """;

  /** Copies the one record as one of a conversation the server does not list, and as another account's, old. */
  private static final String LEFT_OVER = """
      const done = arguments[arguments.length - 1];
      const opening = indexedDB.open('passerelle-console-state');
      opening.onsuccess = () => {
        const db = opening.result;
        const transaction = db.transaction('conversations', 'readwrite');
        const store = transaction.objectStore('conversations');
        const all = store.getAll();
        all.onsuccess = () => {
          const record = all.result[0];
          store.put({ ...record, conversation: 'ended-meanwhile' }, 'ended-meanwhile');
          store.put({ ...record, conversation: 'another-account', staffId: 'someone-else', savedAt: 0 },
            'another-account');
        };
        transaction.oncomplete = () => { db.close(); done(true); };
      };
      """;

  private ConsoleFixture fixture;
  private ConsolePage camille;
  private WidgetPage visitor;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of());
    camille = fixture.open();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aReloadGoesOnWithTheSameKeysAndTheRecordsGoWithTheEndAndTheLogout() {
    ConsoleWorkers.available(camille, "camille");
    ChromeDriver phone = fixture.window();
    phone.manage().window().setSize(new Dimension(412, 915));
    visitor = new WidgetPage(phone).open(fixture.origin() + "/");
    visitor.selectLanguage("fr");
    visitor.start();
    camille.click("#queue-list li.entry button.accept");
    camille.waitUntil("secured", () -> camille.text(chat(1) + " .chat-state").equals(SECURED));
    visitor.awaitPhase("chatting");
    write("Bonjour, je suis Camille.");
    visitor.awaitWorkerMessage("Bonjour, je suis Camille.");
    visitorWrites("Bonjour.");
    shows("Bonjour.");
    String code = safetyCode();
    camille.screenshot("saved-before-reload");

    // What the device holds: one record, sealed, with the ratchet key as a CryptoKey no script can read.
    JsonObject states = states();
    assertThat(states.getJsonArray("records")).hasSize(1);
    JsonObject record = states.getJsonArray("records").getJsonObject(0);
    assertThat(record.getString("fields")).isEqualTo("conversation,iv,ratchetKey,savedAt,sealed,staffId,tab");
    assertThat(record.getBoolean("ratchetKeyHidden")).isTrue();
    assertThat(record.getString("bytes")).as("no bytes but the nonce and the ciphertext")
        .isEqualTo("record.iv,record.sealed");
    assertThat(record.getBoolean("readsAsText")).isFalse();
    assertThat(record.getInteger("sealedLength")).isGreaterThan(200);
    assertThat(states.getJsonArray("keys")).containsExactly(new JsonObject().put("hidden", true)
        .put("algorithm", "AES-GCM"));

    // The worker reloads; the visitor writes meanwhile; both messages arrive once after the login.
    camille.reload();
    // Left over from earlier: a conversation of Camille's the server no longer lists, and another account's, old.
    camille.asyncScript(LEFT_OVER);
    assertThat(states().getJsonArray("records")).hasSize(3);
    visitorWrites("Vous êtes là ? J'ai écrit pendant votre absence.");
    visitorWrites("Un deuxième message.");
    camille.login("camille", TestNode.PASSWORD);
    camille.waitUntil("secured again", () -> camille.text(chat(1) + " .chat-state").equals(SECURED));
    shows("Un deuxième message.");
    assertThat(camille.text(chat(1) + " .message.from-system")).contains("Conversation reprise sur cet appareil");
    assertThat(safetyCode()).isEqualTo(code);
    camille.screenshot("saved-after-reload");
    camille.waitUntil("what outlived its conversation is deleted", () -> states().getJsonArray("records").size() == 1);

    write("Je suis là, rien n'est perdu.");
    visitor.awaitWorkerMessage("Je suis là, rien n'est perdu.");
    visitorWrites("Merci.");
    shows("Merci.");
    assertThat(visitorMessages()).containsExactly("Vous êtes là ? J'ai écrit pendant votre absence.",
        "Un deuxième message.", "Merci.");
    assertThat(visitor.findAll(".message.worker .text").stream().map(WebElement::getText))
        .containsExactly("Bonjour, je suis Camille.", "Je suis là, rien n'est perdu.");
    assertThat(widgetSafetyCode()).as("no new handshake").isEqualTo(code);

    // The end deletes the record.
    camille.click(chat(1) + " .end-button");
    camille.click("#confirm-ok");
    camille.waitUntil("ended", () -> camille.text(chat(1) + " .chat-state").equals("Conversation terminée"));
    camille.waitUntil("its record deleted", () -> states().getJsonArray("records").isEmpty());

    // A second conversation, then the logout: no record left, and no wrapping key either.
    SecureVisitor second = ConsoleWorkers.visitor(fixture.node(), "fr");
    camille.waitUntil("an entry to take", () -> camille.all("#queue-list li.entry button.accept").stream()
        .anyMatch(WebElement::isEnabled));
    camille.click("#queue-list li.entry button.accept");
    camille.waitUntil("secured", () -> camille.text(chat(2) + " .chat-state").equals(SECURED));
    TestNode.await(second.nextMessage());
    camille.waitUntil("its record saved", () -> states().getJsonArray("records").size() == 1);
    camille.click("#logout");
    camille.click("#confirm-ok");
    camille.waitFor("#login-view");
    camille.waitUntil("every record and the key deleted", () -> {
      JsonObject left = states();
      return left.getJsonArray("records").isEmpty() && left.getJsonArray("keys").isEmpty();
    });
  }

  private JsonObject states() {
    return new JsonObject((String) camille.asyncScript(READ_STATES));
  }

  private void write(String text) {
    WebElement box = camille.waitFor(chat(1) + " textarea");
    box.sendKeys(text);
    box.sendKeys(Keys.ENTER);
    camille.waitUntil("marked sent: " + text, () -> camille.all(chat(1) + " .message.from-worker").stream()
        .anyMatch(m -> m.getText().contains(text) && m.getText().contains("envoyé")));
  }

  private void visitorWrites(String text) {
    visitor.send(text);
    visitor.until(() -> "stored".equals(visitor.stateOf(text)), "marked sent in the widget: " + text);
  }

  private void shows(String text) {
    camille.waitUntil("shown: " + text, () -> visitorMessages().contains(text));
  }

  private List<String> visitorMessages() {
    return camille.all(chat(1) + " .message.from-visitor .text").stream().map(WebElement::getText).toList();
  }

  private String safetyCode() {
    WebElement code = camille.waitFor(chat(1) + " .safety-button");
    if (!"true".equals(code.getAttribute("aria-expanded"))) {
      camille.click(chat(1) + " .safety-button");
    }
    Matcher shown = CODE.matcher(camille.waitFor(chat(1) + " .safety-code").getText());
    camille.click(chat(1) + " .safety-button");
    assertThat(shown.find()).as("a safety code shown").isTrue();
    return shown.group();
  }

  private String widgetSafetyCode() {
    visitor.click(".safety .link");
    visitor.until(() -> !visitor.textOf(".safety-code").isEmpty(), "the safety code in the widget");
    return visitor.textOf(".safety-code");
  }
}
