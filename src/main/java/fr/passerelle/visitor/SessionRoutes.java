package fr.passerelle.visitor;

import fr.passerelle.app.Services;
import fr.passerelle.http.ClientKeys;
import fr.passerelle.http.JsonBody;
import fr.passerelle.http.RateLimiter;
import fr.passerelle.protocol.Fields;
import fr.passerelle.statistics.Measure;
import fr.passerelle.store.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/sessions}: an anonymous visitor session. Rate-limited per client through a keyed hash
 * of its address under a salt that changes daily; the address itself is never kept.
 */
public final class SessionRoutes {
  private final Services services;
  private final ClientKeys clientKeys;
  private final RateLimiter limiter;

  public SessionRoutes(Services services) {
    this.services = services;
    this.clientKeys = new ClientKeys(services.clock());
    int perMinute = services.config().limits().sessionsPerMinute();
    this.limiter = new RateLimiter("sessions", perMinute / 60.0, perMinute, services.clock());
  }

  public void mount(Router router) {
    router.post("/api/v1/sessions").respond(this::create);
  }

  private Future<JsonObject> create(RoutingContext ctx) {
    limiter.acquire(clientKeys.keyFor(ctx.request().remoteAddress().hostAddress()));
    JsonObject body = JsonBody.object(ctx);
    List<String> languages = Fields.languages(body, "languages");
    Optional<String> campaign = Fields.optionalId(body, "campaign");
    String secret = Ids.newSecret();
    var now = services.clock().instant();
    VisitorSession session = new VisitorSession(Ids.newId(), ResumeSecrets.hash(secret), languages, campaign,
        Optional.empty(), now.plus(services.config().retention().resumeGrace()));
    return services.stores().sessions().create(session).map(v -> {
      services.tally().count(Measure.SESSIONS_STARTED, session);
      ctx.response().setStatusCode(201);
      return new JsonObject().put("session", session.id()).put("secret", secret)
          .put("languages", languages).put("expiresAt", session.expiresAt().toString());
    });
  }
}
