package fr.passerelle.widget;

import fr.passerelle.config.HttpConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * Lets the sites of {@code http.allowedOrigins} call the endpoints the widget needs outside its socket:
 * {@code POST /api/v1/sessions}, {@code GET /api/v1/service}, and the anonymous mailbox ({@code GET
 * /api/v1/letters/recipients}, {@code /api/v1/mailbox} and its letters, whose token travels in the {@code
 * Authorization} header). No credentials: the widget sends no cookie. Any other
 * origin gets no CORS header, so its pages cannot read the answers. Mounted before those routes.
 */
public final class WidgetCors {
  /** How long a browser may remember a preflight answer, in memory. */
  static final int PREFLIGHT_MAX_AGE_SECONDS = 600;
  static final List<String> PATHS = List.of("/api/v1/sessions", "/api/v1/service", "/api/v1/letters/recipients",
      "/api/v1/mailbox", "/api/v1/mailbox/letters");

  private final Set<String> origins;

  private WidgetCors(Set<String> origins) {
    this.origins = origins;
  }

  public static void mount(Router router, HttpConfig http) {
    WidgetCors cors = new WidgetCors(Set.copyOf(http.allowedOriginList()));
    PATHS.forEach(path -> router.route(path).handler(cors::handle));
  }

  private void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response().putHeader(HttpHeaders.VARY, "Origin");
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (origin == null || !origins.contains(origin)) {
      ctx.next();
      return;
    }
    response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    if (ctx.request().method() == HttpMethod.OPTIONS
        && ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
      response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, DELETE")
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "authorization, content-type")
          .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, Integer.toString(PREFLIGHT_MAX_AGE_SECONDS))
          .setStatusCode(204).end();
      return;
    }
    ctx.next();
  }
}
