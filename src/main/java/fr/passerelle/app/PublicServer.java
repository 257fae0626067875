package fr.passerelle.app;

import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.ProblemHandler;
import fr.passerelle.http.WebRoot;
import fr.passerelle.mailbox.MailboxRoutes;
import fr.passerelle.referral.ReferralRoutes;
import fr.passerelle.visitor.SessionRoutes;
import fr.passerelle.visitor.VisitorSocket;
import fr.passerelle.widget.WidgetCors;
import fr.passerelle.worker.OrganisationRoot;
import fr.passerelle.worker.WorkerSocket;
import fr.passerelle.worker.WorkerSockets;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Consumer;

/** The public port: the visitor session API, staff API, the visitor and worker WebSockets, and the browser code. */
public final class PublicServer {
  private final Services services;
  private final OrganisationRoot root;
  private final WorkerSockets workerSockets = new WorkerSockets();

  /** {@code root} is what worker certificates are checked against. */
  public PublicServer(Services services, OrganisationRoot root) {
    this.services = services;
    this.root = root;
  }

  public Router router(Consumer<Router> extraRoutes) {
    Router router = Router.router(services.vertx());
    router.route().handler(this::privacyHeaders);
    // A letter may be larger than other bodies; the first body handler a request meets is the one that reads it.
    int letterBody = MailboxRoutes.bodyLimit(services.config().limits().letterBytes());
    MailboxRoutes.LETTER_PATHS.forEach(path -> router.route(path).handler(BodyHandler.create(false)
        .setBodyLimit(letterBody)));
    ReferralRoutes.mountBodyLimit(router, services.config().limits().referralBytes());
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(services.config().limits().maxBodyBytes()));
    WidgetCors.mount(router, services.config().http());
    router.get("/api/v1").respond(ctx -> Future.succeededFuture(index()));
    new SessionRoutes(services).mount(router);
    router.route("/ws/visitor").handler(ctx -> upgrade(ctx, ws -> new VisitorSocket(services, ws)));
    router.route("/ws/worker").handler(ctx -> upgrade(ctx, ws -> new WorkerSocket(services, workerSockets, root, ws)));
    extraRoutes.accept(router);
    WebRoot.mount(router);
    ProblemHandler.install(router);
    return router;
  }

  public Future<HttpServer> listen(Router router) {
    var http = services.config().http();
    int frameLimit = services.config().limits().maxFrameBytes() * 4;
    HttpServerOptions options = new HttpServerOptions().setHost(http.host()).setPort(http.port())
        .setMaxWebSocketFrameSize(frameLimit).setMaxWebSocketMessageSize(frameLimit)
        .setPerFrameWebSocketCompressionSupported(false).setPerMessageWebSocketCompressionSupported(false)
        // No cleartext HTTP/2 (h2c): browsers never use it, an h2c upgrade can smuggle requests past a reverse proxy,
        // and the JDK client's upgrade to it stalled now and then on large answers.
        .setHttp2ClearTextEnabled(false);
    return services.vertx().createHttpServer(options).requestHandler(router).listen();
  }

  /** What a newcomer finds at {@code /api/v1}: what runs here and where to look (the root is the demo page). */
  private static JsonObject index() {
    return new JsonObject().put("service", "passerelle")
        .put("api", new JsonArray().add("POST /api/v1/sessions").add("GET /api/v1/service")
            .add("POST /api/v1/auth/login").add("GET /api/v1/openapi.json"))
        .put("websockets", new JsonArray().add("/ws/visitor").add("/ws/worker").add("/ws/supervisor"))
        .put("reference", "/api-docs/")
        .put("docs", "README.md, docs/api.md, docs/protocol.md");
  }

  /** Responses carry nothing to cache and no referrer: a shared phone must keep no trace. */
  private void privacyHeaders(RoutingContext ctx) {
    ctx.response().putHeader("cache-control", "no-store").putHeader("referrer-policy", "no-referrer")
        .putHeader("x-content-type-options", "nosniff");
    ctx.next();
  }

  private void upgrade(RoutingContext ctx, Consumer<ServerWebSocket> open) {
    if (services.sockets().closing()) {
      ctx.fail(ApiException.of(ErrorCode.SHUTTING_DOWN));
      return;
    }
    ctx.request().toWebSocket().onSuccess(open::accept).onFailure(e -> {
      if (!ctx.response().ended()) {
        ctx.fail(400, e);
      }
    });
  }
}
