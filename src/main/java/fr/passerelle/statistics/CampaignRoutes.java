package fr.passerelle.statistics;

import fr.passerelle.association.Departements;
import fr.passerelle.audit.AuditAction;
import fr.passerelle.audit.Auditor;
import fr.passerelle.http.JsonBody;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAuthHandler;
import fr.passerelle.staff.TokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/campaigns}: the campaign codes outreach links carry, each with a label and a département. Admins
 * create and change them; supervisors and admins list them (the dashboard's filter). A code is never deleted, so
 * the cells already counted under it keep their meaning.
 */
public final class CampaignRoutes {
  static final String PATH = "/api/v1/campaigns";
  static final int MAX_LABEL = 120;
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Set<String> FIELDS = Set.of("code", "label", "departement");

  private final CampaignStore store;
  private final TokenVerifier tokens;
  private final Auditor audit;

  /** {@code audit} records the admin's changes (which code). */
  public CampaignRoutes(CampaignStore store, TokenVerifier tokens, Auditor audit) {
    this.audit = audit;
    this.store = store;
    this.tokens = tokens;
  }

  public void mount(Router router) {
    StaffAuthHandler readers = StaffAuthHandler.requiring(tokens, Role.SUPERVISOR, Role.ADMIN);
    StaffAuthHandler admin = StaffAuthHandler.requiring(tokens, Role.ADMIN);
    router.get(PATH).handler(readers).handler(ctx -> answer(ctx, 200, store.list().map(all -> new JsonObject()
        .put("campaigns", new JsonArray(all.stream().map(CampaignRoutes::json).toList())))));
    router.post(PATH).handler(admin).handler(this::create);
    router.patch(PATH + "/:code").handler(admin).handler(this::update);
  }

  private void create(RoutingContext ctx) {
    Future<Campaign> created;
    try {
      JsonObject body = checkedBody(ctx);
      String code = JsonBody.requireString(body, "code", 64);
      if (!CODE.matcher(code).matches() || CellKey.UNKNOWN.equals(code)) {
        throw JsonBody.invalid("code", "must be 1 to 64 characters among A-Z a-z 0-9 _ -, and not \"unknown\"");
      }
      created = store.create(new Campaign(code, JsonBody.requireString(body, "label", MAX_LABEL),
          departement(body).orElseThrow(() -> JsonBody.invalid("departement", "is required"))));
    } catch (RuntimeException e) {
      created = Future.failedFuture(e);
    }
    answer(ctx, 201, created.compose(c -> audited(ctx, AuditAction.CAMPAIGN_CREATED, c)));
  }

  private Future<JsonObject> audited(RoutingContext ctx, AuditAction action, Campaign campaign) {
    return audit.record(StaffAuthHandler.principal(ctx), action, campaign.code()).map(v -> json(campaign));
  }

  private void update(RoutingContext ctx) {
    Future<Campaign> updated;
    try {
      JsonObject body = checkedBody(ctx);
      if (body.containsKey("code")) {
        throw JsonBody.invalid("code", "cannot be changed: create a new campaign instead");
      }
      updated = store.update(ctx.pathParam("code"), JsonBody.optionalString(body, "label", MAX_LABEL),
          departement(body));
    } catch (RuntimeException e) {
      updated = Future.failedFuture(e);
    }
    answer(ctx, 200, updated.compose(c -> audited(ctx, AuditAction.CAMPAIGN_CHANGED, c)));
  }

  private static JsonObject checkedBody(RoutingContext ctx) {
    JsonObject body = JsonBody.object(ctx);
    body.fieldNames().stream().filter(f -> !FIELDS.contains(f)).findFirst().ifPresent(f -> {
      throw JsonBody.invalid(f, "is not a campaign field (code, label, departement)");
    });
    return body;
  }

  private static Optional<String> departement(JsonObject body) {
    Optional<String> departement = JsonBody.optionalString(body, "departement", 3);
    if (departement.filter(d -> !Departements.valid(d)).isPresent()) {
      throw JsonBody.invalid("departement", "must be a département code: 01 to 95 (not 20), 2A, 2B, 971 to 976");
    }
    return departement;
  }

  static JsonObject json(Campaign campaign) {
    return new JsonObject().put("code", campaign.code()).put("label", campaign.label())
        .put("departement", campaign.departement());
  }

  private static void answer(RoutingContext ctx, int status, Future<JsonObject> result) {
    result.onSuccess(json -> ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(json.encode())).onFailure(ctx::fail);
  }
}
