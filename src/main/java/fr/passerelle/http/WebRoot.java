package fr.passerelle.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The browser code: files under {@code webroot/} on the classpath, such as the ES modules at {@code /lib/}. Mounted
 * after every API and WebSocket route, so it only answers GET and HEAD requests that nothing else took.
 */
public final class WebRoot {
  /**
   * For every HTML page: scripts, styles, images and connections from this origin only, no inline script, no plugin,
   * no framing. A page that handles secrets must not run code that another origin can change.
   */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private WebRoot() {}

  /** Serves {@code webroot/} at the root of {@code router}; no directory listing, no hidden files. */
  public static void mount(Router router) {
    // Caching stays off: the modules have no versioned names yet, and the privacy headers already say no-store.
    StaticHandler files = StaticHandler.create("webroot").setCachingEnabled(false).setDirectoryListing(false)
        .setIncludeHidden(false).setDefaultContentEncoding("UTF-8");
    router.route().method(HttpMethod.GET).method(HttpMethod.HEAD).handler(WebRoot::pageHeaders).handler(files);
  }

  /** Adds the Content-Security-Policy and the framing ban to an HTML answer; other answers pass unchanged. */
  public static void pageHeaders(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      String type = ctx.response().headers().get(HttpHeaders.CONTENT_TYPE);
      if (type != null && type.startsWith("text/html")) {
        ctx.response().putHeader("content-security-policy", CONTENT_SECURITY_POLICY)
            .putHeader("x-frame-options", "DENY");
      }
    });
    ctx.next();
  }
}
