package fr.passerelle.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one failure handler: turns any routing failure into an RFC 9457 {@code application/problem+json} answer. */
public final class ProblemHandler implements Handler<RoutingContext> {
  public static final String TYPE_PREFIX = "https://passerelle.fr/problems/";
  private static final Logger LOG = Logger.getLogger(ProblemHandler.class.getName());

  /** Installs the handler for failed routes and for requests no route matched. */
  public static void install(Router router) {
    ProblemHandler handler = new ProblemHandler();
    router.route().failureHandler(handler);
    router.errorHandler(404, handler);
    router.errorHandler(405, handler);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    if (response.headWritten()) {
      response.reset();
      return;
    }
    ApiException problem = toProblem(ctx.failure(), ctx.statusCode());
    ErrorCode code = problem.code();
    problem.retryAfter().filter(d -> code.status() == 429 || code.status() == 503)
        .ifPresent(d -> response.putHeader("Retry-After", Long.toString(Math.max(1, (d.toMillis() + 999) / 1000))));
    if (code.status() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    JsonObject body = new JsonObject()
        .put("type", TYPE_PREFIX + code.wire())
        .put("title", code.title())
        .put("status", code.status())
        .put("code", code.wire())
        .put("detail", problem.getMessage());
    response.setStatusCode(code.status())
        .putHeader("Content-Type", "application/problem+json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  private static ApiException toProblem(Throwable failure, int status) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof DecodeException) {
      return ApiException.of(ErrorCode.BAD_JSON);
    }
    int httpStatus = failure instanceof HttpException http ? http.getStatusCode() : status;
    if (failure != null && !(failure instanceof HttpException)) {
      // The class name only: messages and causes may quote request content.
      LOG.log(Level.WARNING, "Unexpected failure: {0}", failure.getClass().getName());
      return ApiException.of(ErrorCode.INTERNAL);
    }
    return ApiException.of(switch (httpStatus) {
      case 400 -> ErrorCode.BAD_JSON;
      case 401 -> ErrorCode.NOT_AUTHENTICATED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404, 405 -> ErrorCode.NOT_FOUND;
      case 413 -> ErrorCode.TOO_LARGE;
      case 429 -> ErrorCode.RATE_LIMITED;
      default -> ErrorCode.INTERNAL;
    });
  }
}
