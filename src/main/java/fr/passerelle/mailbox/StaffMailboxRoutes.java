package fr.passerelle.mailbox;

import fr.passerelle.app.Services;
import fr.passerelle.audit.AuditAction;
import fr.passerelle.conversation.Party;
import fr.passerelle.e2e.Letter;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
import fr.passerelle.protocol.Fields;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAuthHandler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;

/**
 * The staff side of the anonymous mailboxes (docs/api.md): workers and admins list them, read one, discard one;
 * workers answer. Supervisors see none of it.
 */
public final class StaffMailboxRoutes {
  static final String PATH = "/api/v1/mailboxes";

  private final Services services;
  private final MailboxMetrics metrics;

  public StaffMailboxRoutes(Services services, MailboxMetrics metrics) {
    this.services = services;
    this.metrics = metrics;
  }

  public void mount(Router router) {
    StaffAuthHandler readers = StaffAuthHandler.requiring(services.tokens(), Role.WORKER, Role.ADMIN);
    StaffAuthHandler writers = StaffAuthHandler.requiring(services.tokens(), Role.WORKER);
    router.get(PATH).handler(readers).respond(this::list);
    router.get(PATH + "/:id").handler(readers).respond(this::read);
    router.post(PATH + "/:id/letters").handler(writers).respond(this::answer);
    router.delete(PATH + "/:id").handler(readers).handler(this::discard);
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    Duration retention = retention();
    return services.stores().mailboxes().list().map(all -> new JsonObject().put("mailboxes",
        new JsonArray(all.stream().map(m -> MailboxJson.summary(m, retention)).toList())));
  }

  private Future<JsonObject> read(RoutingContext ctx) {
    return services.stores().mailboxes().find(ctx.pathParam("id")).map(found -> MailboxJson.staffMailbox(
        found.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no such mailbox")), retention()));
  }

  private Future<JsonObject> answer(RoutingContext ctx) {
    var limits = services.config().limits();
    JsonObject body = JsonBody.object(ctx);
    String id = Fields.id(body, "id");
    String sealed = SealedLetters.check(body, limits.letterBytes(), Letter.FROM_WORKER);
    StoredLetter letter = new StoredLetter(id, Party.WORKER, VisitorMailboxRoutes.now(services), sealed,
        Optional.of(StaffAuthHandler.principal(ctx).staffId()));
    return services.stores().mailboxes().append(ctx.pathParam("id"), Optional.empty(), letter,
        VisitorMailboxRoutes.storeLimits(limits)).compose(appended -> appended.duplicate()
            ? Future.succeededFuture(appended)
            : services.audit().record(StaffAuthHandler.principal(ctx), AuditAction.MAILBOX_ANSWERED).map(appended))
        .map(appended -> {
          if (!appended.duplicate()) {
            metrics.stored(Party.WORKER);
            metrics.refresh();
          }
          ctx.response().setStatusCode(appended.duplicate() ? 200 : 201);
          return MailboxJson.stored(appended);
        });
  }

  private void discard(RoutingContext ctx) {
    services.stores().mailboxes().delete(ctx.pathParam("id")).compose(existed -> existed
        ? services.audit().record(StaffAuthHandler.principal(ctx), AuditAction.MAILBOX_DISCARDED).map(true)
        : Future.succeededFuture(false)).onSuccess(existed -> {
      if (!existed) {
        ctx.fail(new ApiException(ErrorCode.NOT_FOUND, "no such mailbox"));
        return;
      }
      metrics.refresh();
      ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }

  private Duration retention() {
    return services.config().retention().mailbox();
  }
}
