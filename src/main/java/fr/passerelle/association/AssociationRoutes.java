package fr.passerelle.association;

import fr.passerelle.audit.AuditAction;
import fr.passerelle.audit.Auditor;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAccount;
import fr.passerelle.staff.StaffAuthHandler;
import fr.passerelle.staff.StaffStore;
import fr.passerelle.staff.TokenVerifier;
import fr.passerelle.store.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The association directory over HTTP (docs/api.md, "Associations"): admins keep it under
 * {@code /api/v1/admin/associations}; workers ask for {@code /api/v1/associations/suggestions}; an intake officer
 * reads their own association at {@code /api/v1/associations/mine}.
 */
public final class AssociationRoutes {
  static final String ADMIN = "/api/v1/admin/associations";
  static final String SUGGESTIONS = "/api/v1/associations/suggestions";
  static final String MINE = "/api/v1/associations/mine";
  static final String DEMO_KEY_FILE = MINE + "/demo-key-file";

  private final AssociationStore store;
  private final StaffStore staff;
  private final TokenVerifier tokens;
  private final Clock clock;
  private final Auditor audit;
  private final Optional<DemoAssociations> demo;

  /**
   * {@code audit} records the admin's changes (which association, never what changed); {@code demo}, in demo mode
   * only, hands the demo association's key file to its intake officers.
   */
  public AssociationRoutes(AssociationStore store, StaffStore staff, TokenVerifier tokens, Clock clock,
      Auditor audit, Optional<DemoAssociations> demo) {
    this.audit = audit;
    this.demo = demo;
    this.store = store;
    this.staff = staff;
    this.tokens = tokens;
    this.clock = clock;
  }

  public void mount(Router router) {
    StaffAuthHandler admin = StaffAuthHandler.requiring(tokens, Role.ADMIN);
    router.get(ADMIN).handler(admin).handler(this::list);
    router.post(ADMIN).handler(admin).handler(this::create);
    router.get(ADMIN + "/:id").handler(admin).handler(this::get);
    router.patch(ADMIN + "/:id").handler(admin).handler(this::patch);
    router.post(ADMIN + "/:id/keys").handler(admin).handler(this::registerKey);
    router.get(SUGGESTIONS).handler(StaffAuthHandler.requiring(tokens, Role.WORKER)).handler(this::suggestions);
    router.get(MINE).handler(StaffAuthHandler.requiring(tokens, Role.INTAKE)).handler(this::mine);
    router.get(DEMO_KEY_FILE).handler(StaffAuthHandler.requiring(tokens, Role.INTAKE)).handler(this::demoKeyFile);
  }

  private void list(RoutingContext ctx) {
    answer(ctx, 200, store.list().map(all -> new JsonObject()
        .put("associations", new JsonArray(all.stream().map(AssociationJson::full).toList()))));
  }

  private void create(RoutingContext ctx) {
    AssociationDetails details = AssociationJson.details(JsonBody.object(ctx));
    Instant now = clock.instant();
    answer(ctx, 201, store.create(new Association(Ids.newId(), details, List.of(), now, now))
        .compose(created -> audited(ctx, AuditAction.ASSOCIATION_CREATED, created)));
  }

  private void get(RoutingContext ctx) {
    answer(ctx, 200, require(ctx.pathParam("id")).map(AssociationJson::full));
  }

  private void patch(RoutingContext ctx) {
    JsonObject body = JsonBody.object(ctx);
    String id = ctx.pathParam("id");
    answer(ctx, 200, require(id)
        .compose(old -> store.updateDetails(id, AssociationJson.patch(old.details(), body), clock.instant()))
        .compose(changed -> audited(ctx, AuditAction.ASSOCIATION_CHANGED, changed)));
  }

  private void registerKey(RoutingContext ctx) {
    byte[] publicKey = AssociationJson.publicKey(JsonBody.object(ctx));
    answer(ctx, 201, store.addKey(ctx.pathParam("id"), publicKey, clock.instant())
        .compose(changed -> audited(ctx, AuditAction.ASSOCIATION_KEY_REGISTERED, changed)));
  }

  /** Active associations with a key that cover the département; those speaking the language first, then by name. */
  private void suggestions(RoutingContext ctx) {
    String departement = AssociationJson.departement("departement", ctx.queryParams().get("departement"));
    Optional<String> language = Optional.ofNullable(ctx.queryParams().get("language"))
        .map(code -> AssociationJson.language("language", code));
    Comparator<Association> speaksFirst = Comparator.comparing(
        a -> !language.map(a.details().languages()::contains).orElse(false));
    answer(ctx, 200, store.list().map(all -> new JsonObject().put("departement", departement)
        .put("associations", new JsonArray(all.stream()
            .filter(a -> a.referable() && a.details().departements().contains(departement))
            .sorted(speaksFirst) // stable: the store's order by name stays within each group
            .map(a -> AssociationJson.suggestion(a, language)).toList()))));
  }

  private void mine(RoutingContext ctx) {
    answer(ctx, 200, linked(ctx).map(AssociationJson::full));
  }

  /** Demo mode only: the demo association's key file, so that a newcomer can open a demo referral. */
  private void demoKeyFile(RoutingContext ctx) {
    answer(ctx, 200, linked(ctx).map(association -> demo.flatMap(d -> d.keyFile(association))
        .map(file -> new JsonObject().put("keyFile", file))
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no demo key file on this node"))));
  }

  private Future<Association> linked(RoutingContext ctx) {
    return staff.find(StaffAuthHandler.principal(ctx).staffId())
        .map(account -> account.flatMap(StaffAccount::association).orElseThrow(() -> new ApiException(
            ErrorCode.UNKNOWN_ASSOCIATION, "this account is not linked to an association")))
        .compose(this::require);
  }

  /** Records the change, then gives the association's wire form. */
  private Future<JsonObject> audited(RoutingContext ctx, AuditAction action, Association association) {
    return audit.record(StaffAuthHandler.principal(ctx), action, association.id())
        .map(v -> AssociationJson.full(association));
  }

  private Future<Association> require(String id) {
    return store.find(id).map(found -> found.orElseThrow(() -> ApiException.of(ErrorCode.UNKNOWN_ASSOCIATION)));
  }

  private static void answer(RoutingContext ctx, int status, Future<JsonObject> result) {
    result.onSuccess(json -> ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(json.encode())).onFailure(ctx::fail);
  }
}
