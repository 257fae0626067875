package fr.passerelle.widget;

import fr.passerelle.app.Services;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.WebRoot;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAuthHandler;
import fr.passerelle.worker.OrganisationRoot;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.net.URI;

/**
 * Embedding the widget: the files of {@code webroot/} under the immutable path {@code /v/H/}, the snippet admins
 * copy ({@code GET /api/v1/widget/snippet}), and the demo host page at {@code /}, in demo mode only.
 */
public final class WidgetRoutes {
  public static final String SNIPPET_PATH = "/api/v1/widget/snippet";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final Services services;
  private final WidgetFiles files;
  private final Snippet.Identity identity;
  private final DemoPage demo;

  public WidgetRoutes(Services services, OrganisationRoot root, WidgetFiles files) {
    this.services = services;
    this.files = files;
    var organisation = services.config().organisation();
    this.identity = new Snippet.Identity(root.orgId(), organisation.name(), Base64Url.encode(root.publicKey()),
        organisation.exitUrl());
    this.demo = DemoPage.load(Snippet.of(files, "", identity), organisation.name());
  }

  public void mount(Router router) {
    StaticHandler versioned = StaticHandler.create("webroot").setCachingEnabled(false).setDirectoryListing(false)
        .setIncludeHidden(false).setDefaultContentEncoding("UTF-8");
    router.route("/v/" + files.version() + "/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(WidgetRoutes::immutable).handler(WebRoot::pageHeaders).handler(versioned);
    // Any other version, or a file that is not there: nothing is served under /v/ but the current files.
    router.route("/v/*").handler(ctx -> ctx.fail(ApiException.of(ErrorCode.NOT_FOUND)));
    router.get(SNIPPET_PATH).handler(StaffAuthHandler.requiring(services.tokens(), Role.ADMIN))
        .respond(ctx -> Future.succeededFuture(snippet(ctx)));
    if (services.config().demo().enabled()) {
      router.get("/").handler(demo::serve);
      router.get("/index.html").handler(demo::serve);
    } else {
      // Nothing of the fictional site outside demo mode, not even its template through the web root.
      for (String path : new String[] {"/", "/index.html", "/demo/*"}) {
        router.route(path).handler(ctx -> ctx.fail(ApiException.of(ErrorCode.NOT_FOUND)));
      }
    }
  }

  private JsonObject snippet(RoutingContext ctx) {
    Snippet snippet = Snippet.of(files, services.config().http().publicBase().orElseGet(() -> origin(ctx)), identity);
    return new JsonObject().put("version", snippet.version()).put("html", snippet.html());
  }

  /** The address this request reached, when {@code http.publicUrl} does not say it. */
  private static String origin(RoutingContext ctx) {
    URI uri = URI.create(ctx.request().absoluteURI());
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** Any site may load these files, and keep them: their path changes whenever a byte of them does. */
  private static void immutable(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      if (ctx.response().getStatusCode() == 200) {
        ctx.response().putHeader("cache-control", IMMUTABLE).putHeader("access-control-allow-origin", "*")
            .putHeader("cross-origin-resource-policy", "cross-origin");
      }
    });
    ctx.next();
  }
}
