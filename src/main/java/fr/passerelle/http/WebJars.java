package fr.passerelle.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Third-party browser libraries taken from Maven Central as WebJars (such as uPlot for the supervisor dashboard),
 * served from the classpath at {@value #PATH}{@code name/version/file}. Their paths carry their version, so they are
 * cached for a year; only GET and HEAD are answered.
 */
public final class WebJars {
  public static final String PATH = "/webjars/";
  public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
  /** Where every WebJar keeps its files, inside its jar. */
  private static final String CLASSPATH_ROOT = "META-INF/resources/webjars";

  private WebJars() {}

  /** Mount before {@link WebRoot}, which takes every GET that nothing else took. */
  public static void mount(Router router) {
    StaticHandler files = StaticHandler.create(CLASSPATH_ROOT).setCachingEnabled(false).setDirectoryListing(false)
        .setIncludeHidden(false).setDefaultContentEncoding("UTF-8");
    router.route(PATH + "*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(WebJars::longCaching)
        .handler(files);
  }

  /** Replaces the default {@code no-store} on what was found; a 404 stays uncached. */
  private static void longCaching(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      int status = ctx.response().getStatusCode();
      if (status == 200 || status == 206 || status == 304) {
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
      }
      String type = ctx.response().headers().get(HttpHeaders.CONTENT_TYPE);
      if (type != null && type.startsWith("text/html")) {
        // A WebJar's demo page must not run with this origin's rights.
        ctx.response().putHeader("content-security-policy", WebRoot.CONTENT_SECURITY_POLICY + "; sandbox");
      }
    });
    ctx.next();
  }
}
