package fr.passerelle.audit;

import fr.passerelle.http.JsonBody;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAuthHandler;
import fr.passerelle.staff.TokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/admin/audit?from=&to=&actor=&action=&limit=&cursor=}: the audit log, newest first, one page at a
 * time; admins only.
 */
public final class AuditRoutes {
  public static final String PATH = "/api/v1/admin/audit";
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  private static final int MAX_ACTOR = 64;
  private static final int MAX_PARAM = 200;

  private final AuditLog log;
  private final TokenVerifier tokens;

  public AuditRoutes(AuditLog log, TokenVerifier tokens) {
    this.log = log;
    this.tokens = tokens;
  }

  public void mount(Router router) {
    router.get(PATH).handler(StaffAuthHandler.requiring(tokens, Role.ADMIN)).respond(this::list);
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    return log.find(query(ctx)).map(page -> new JsonObject()
        .put("entries", new JsonArray(page.entries().stream().map(AuditRoutes::json).toList()))
        .put("next", page.next().map(AuditCursor::encode).orElse(null)));
  }

  /** The query the parameters describe; a malformed one is an {@code invalid_field} naming the parameter. */
  static AuditQuery query(RoutingContext ctx) {
    Optional<Instant> from = param(ctx, "from").map(v -> instant("from", v));
    Optional<Instant> to = param(ctx, "to").map(v -> instant("to", v));
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw JsonBody.invalid("to", "must be later than from");
    }
    Optional<String> actor = param(ctx, "actor");
    if (actor.filter(a -> a.isEmpty() || a.length() > MAX_ACTOR).isPresent()) {
      throw JsonBody.invalid("actor", "must be a staff id or username of 1 to " + MAX_ACTOR + " characters");
    }
    Optional<AuditAction> action = param(ctx, "action").map(v -> AuditAction.fromWire(v)
        .orElseThrow(() -> JsonBody.invalid("action", "must be one of the audit actions in docs/api.md")));
    int limit = param(ctx, "limit").map(AuditRoutes::limit).orElse(DEFAULT_LIMIT);
    Optional<AuditCursor> cursor = param(ctx, "cursor").map(AuditCursor::decode);
    return new AuditQuery(from, to, actor, action, limit, cursor);
  }

  private static Optional<String> param(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw JsonBody.invalid(name, "must be given at most once");
    }
    if (!values.isEmpty() && values.get(0).length() > MAX_PARAM) {
      throw JsonBody.invalid(name, "is too long");
    }
    return values.stream().findFirst();
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw JsonBody.invalid(name, "must be an ISO-8601 instant such as 2026-01-31T18:00:00Z");
    }
  }

  private static int limit(String value) {
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // Falls through to the same answer as out of range.
    }
    throw JsonBody.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
  }

  static JsonObject json(AuditEntry entry) {
    JsonObject json = new JsonObject().put("id", entry.id()).put("at", entry.at().toString())
        .put("actorId", entry.actorId()).put("actorUsername", entry.actorUsername())
        .put("action", entry.action().wire());
    entry.target().ifPresent(t -> json.put("target", t));
    entry.detail().ifPresent(d -> json.put("detail", d));
    return json;
  }
}
