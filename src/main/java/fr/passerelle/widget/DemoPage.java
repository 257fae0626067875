package fr.passerelle.widget;

import fr.passerelle.http.WebRoot;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page at {@code /}: {@code webroot/index.html}, the site of a fictional association, with the snippet in place
 * of its {@code <!-- passerelle:widget -->} marker. Its Content-Security-Policy is the strict one of every page, with
 * the hash of the import map as the only inline script allowed.
 */
final class DemoPage {
  static final String MARKER = "<!-- passerelle:widget -->";

  private final String html;
  private final String policy;

  private DemoPage(String html, String policy) {
    this.html = html;
    this.policy = policy;
  }

  static DemoPage load(Snippet snippet) {
    String template = read("webroot/index.html");
    if (!template.contains(MARKER)) {
      throw new IllegalStateException("webroot/index.html has no " + MARKER + " marker");
    }
    String policy = WebRoot.CONTENT_SECURITY_POLICY.replace("script-src 'self'",
        "script-src 'self' " + snippet.importMapHash());
    return new DemoPage(template.replace(MARKER, snippet.html()), policy);
  }

  void serve(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "text/html; charset=utf-8")
        .putHeader("content-security-policy", policy).putHeader("x-frame-options", "DENY").end(html);
  }

  private static String read(String resource) {
    try (InputStream in = DemoPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
