package fr.passerelle.widget;

import fr.passerelle.config.HttpConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.List;

/**
 * Lets the sites of {@code http.allowedOrigins} call the two endpoints the widget needs before its socket opens:
 * {@code POST /api/v1/sessions} and {@code GET /api/v1/service}. No credentials: the widget sends no cookie.
 * Mounted before those routes.
 */
public final class WidgetCors {
  /** How long a browser may remember a preflight answer, in memory. */
  static final int PREFLIGHT_MAX_AGE_SECONDS = 600;
  static final List<String> PATHS = List.of("/api/v1/sessions", "/api/v1/service");

  private WidgetCors() {}

  public static void mount(Router router, HttpConfig http) {
    List<String> origins = http.allowedOriginList();
    if (origins.isEmpty()) {
      return; // the widget only runs on this server's own pages
    }
    CorsHandler cors = CorsHandler.create().addOrigins(origins).allowedMethod(HttpMethod.GET)
        .allowedMethod(HttpMethod.POST).allowedHeader("content-type").allowCredentials(false)
        .maxAgeSeconds(PREFLIGHT_MAX_AGE_SECONDS);
    PATHS.forEach(path -> router.route(path).handler(cors));
  }
}
