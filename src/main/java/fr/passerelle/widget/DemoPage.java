package fr.passerelle.widget;

import fr.passerelle.http.WebRoot;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page at {@code /} in demo mode: {@code webroot/index.html}, the site of a fictional association, with the
 * snippet in place of its {@code <!-- passerelle:widget -->} marker and the configured organisation name in place of
 * each {@code <!-- passerelle:organisation -->}, so the site and the widget bear one name. Its Content-Security-Policy
 * is the strict one of every page, with the hash of the import map as the only inline script allowed.
 */
final class DemoPage {
  static final String MARKER = "<!-- passerelle:widget -->";
  static final String ORGANISATION = "<!-- passerelle:organisation -->";

  private final String html;
  private final String policy;

  private DemoPage(String html, String policy) {
    this.html = html;
    this.policy = policy;
  }

  static DemoPage load(Snippet snippet, String organisationName) {
    String template = read("webroot/index.html");
    if (!template.contains(MARKER)) {
      throw new IllegalStateException("webroot/index.html has no " + MARKER + " marker");
    }
    String policy = WebRoot.CONTENT_SECURITY_POLICY.replace("script-src 'self'",
        "script-src 'self' " + snippet.importMapHash());
    String html = template.replace(ORGANISATION, Snippet.escape(organisationName)).replace(MARKER, snippet.html());
    return new DemoPage(html, policy);
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
