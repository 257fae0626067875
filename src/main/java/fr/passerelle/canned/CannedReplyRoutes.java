package fr.passerelle.canned;

import fr.passerelle.audit.AuditAction;
import fr.passerelle.audit.Auditor;
import fr.passerelle.http.JsonBody;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAuthHandler;
import fr.passerelle.staff.TokenVerifier;
import fr.passerelle.store.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/canned-replies}: workers, supervisors and admins read them; admins add, replace and delete them.
 */
public final class CannedReplyRoutes {
  static final String PATH = "/api/v1/canned-replies";
  static final int MAX_TITLE = 80;
  /** As a chat message (docs/protocol.md 12.5): a canned reply must fit in one. */
  static final int MAX_TEXT = 4000;
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

  private final CannedReplyStore store;
  private final TokenVerifier tokens;
  private final Auditor audit;

  /** {@code audit} records the admin's changes (which reply, never its text). */
  public CannedReplyRoutes(CannedReplyStore store, TokenVerifier tokens, Auditor audit) {
    this.audit = audit;
    this.store = store;
    this.tokens = tokens;
  }

  public void mount(Router router) {
    StaffAuthHandler readers = StaffAuthHandler.requiring(tokens, Role.WORKER, Role.SUPERVISOR, Role.ADMIN);
    StaffAuthHandler admin = StaffAuthHandler.requiring(tokens, Role.ADMIN);
    router.get(PATH).handler(readers).handler(this::list);
    router.post(PATH).handler(admin).handler(this::create);
    router.put(PATH + "/:id").handler(admin).handler(this::replace);
    router.delete(PATH + "/:id").handler(admin).handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    answer(ctx, 200, store.list().map(all -> new JsonObject()
        .put("replies", new JsonArray(all.stream().map(CannedReplyRoutes::json).toList()))));
  }

  private void create(RoutingContext ctx) {
    answer(ctx, 201, store.create(reply(Ids.newId(), JsonBody.object(ctx)))
        .compose(r -> audited(ctx, AuditAction.CANNED_REPLY_CREATED, r.id()).map(v -> json(r))));
  }

  private void replace(RoutingContext ctx) {
    answer(ctx, 200, store.replace(reply(ctx.pathParam("id"), JsonBody.object(ctx)))
        .compose(r -> audited(ctx, AuditAction.CANNED_REPLY_CHANGED, r.id()).map(v -> json(r))));
  }

  private void delete(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    store.delete(id).compose(v -> audited(ctx, AuditAction.CANNED_REPLY_DELETED, id))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private Future<Void> audited(RoutingContext ctx, AuditAction action, String replyId) {
    return audit.record(StaffAuthHandler.principal(ctx), action, replyId);
  }

  /** The reply a request body describes; every field is required and checked. */
  static CannedReply reply(String id, JsonObject body) {
    String language = JsonBody.requireString(body, "language", 20);
    if (!LANGUAGE.matcher(language).matches()) {
      throw JsonBody.invalid("language", "must be a lower-case language code such as fr, en or pt-br");
    }
    String title = JsonBody.requireString(body, "title", MAX_TITLE);
    String text = JsonBody.requireString(body, "text", 2 * MAX_TEXT);
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      throw JsonBody.invalid("text", "must have at most " + MAX_TEXT + " characters");
    }
    return new CannedReply(id, language, title, text);
  }

  static JsonObject json(CannedReply reply) {
    return new JsonObject().put("id", reply.id()).put("language", reply.language()).put("title", reply.title())
        .put("text", reply.text());
  }

  private static void answer(RoutingContext ctx, int status, Future<JsonObject> result) {
    result.onSuccess(json -> ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(json.encode())).onFailure(ctx::fail);
  }
}
