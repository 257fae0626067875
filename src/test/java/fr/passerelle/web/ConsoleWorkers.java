package fr.passerelle.web;

import fr.passerelle.client.SecureVisitor;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.it.TestNode;
import java.security.SecureRandom;
import java.util.List;

/** Steps the console tests share: a worker ready to chat, and Java visitors that encrypt. */
final class ConsoleWorkers {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ConsoleWorkers() {}

  /** Logs {@code username} in, has the demo server sign a certificate, and leaves them away. */
  static void certified(ConsolePage page, String username) {
    page.login(username, TestNode.PASSWORD);
    page.click("#demo-certificate");
    page.waitUntil("the certificate is ready", () -> page.waitFor("#credentials").getAttribute("data-state")
        .equals("ready"));
  }

  /** {@link #certified}, then available. */
  static void available(ConsolePage page, String username) {
    certified(page, username);
    page.click("#presence-toggle");
    page.waitUntil("available", () -> "available".equals(page.waitFor("#presence-toggle")
        .getAttribute("data-status")));
  }

  /** A visitor of the node's demo organisation who verifies workers against its throw-away root key. */
  static SecureVisitor visitor(TestNode node, String... languages) {
    SecureVisitor visitor = new SecureVisitor(node.visitor(languages), node.node().organisationRoot().publicKey(),
        "org-demo", node.clock(), KeySource.random(RANDOM));
    TestNode.await(visitor.join(List.of(languages)));
    return visitor;
  }

  /** The CSS selector of the n-th conversation panel (1-based), in the order they opened. */
  static String chat(int n) {
    return "#chat-grid .chat:nth-of-type(" + n + ")";
  }
}
