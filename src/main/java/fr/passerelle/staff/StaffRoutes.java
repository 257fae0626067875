package fr.passerelle.staff;

import fr.passerelle.audit.AuditAction;
import fr.passerelle.audit.Auditor;
import fr.passerelle.config.LimitsConfig;
import fr.passerelle.http.ClientKeys;
import fr.passerelle.http.JsonBody;
import fr.passerelle.http.ProblemHandler;
import fr.passerelle.http.RateLimiter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The staff HTTP API: login, refresh, logout, and account administration. */
final class StaffRoutes {
  private static final String AUTH = "/api/v1/auth";
  private static final String ADMIN = "/api/v1/admin/staff";

  private final StaffSessions sessions;
  private final StaffAccounts accounts;
  private final TokenVerifier tokens;
  private final int maxBodyBytes;
  private final Clock clock;
  private final ClientKeys clientKeys;
  private final RateLimiter logins;
  private final Auditor audit;

  StaffRoutes(StaffSessions sessions, StaffAccounts accounts, TokenVerifier tokens, LimitsConfig limits,
      Clock clock, Auditor audit) {
    this.audit = audit;
    this.sessions = sessions;
    this.accounts = accounts;
    this.tokens = tokens;
    this.maxBodyBytes = limits.maxBodyBytes();
    this.clock = clock;
    this.clientKeys = new ClientKeys(clock);
    this.logins = new RateLimiter("login attempts", limits.loginsPerMinute() / 60.0, limits.loginsPerMinute(), clock);
  }

  void mount(Router router) {
    ProblemHandler problems = new ProblemHandler();
    for (String prefix : new String[] {AUTH + "/*", ADMIN + "*"}) {
      router.route(prefix).handler(BodyHandler.create().setBodyLimit(maxBodyBytes)).failureHandler(problems);
    }
    router.post(AUTH + "/login").handler(this::login);
    router.post(AUTH + "/refresh").handler(this::refresh);
    router.post(AUTH + "/logout").handler(StaffAuthHandler.requiring(tokens)).handler(this::logout);
    StaffAuthHandler admin = StaffAuthHandler.requiring(tokens, Role.ADMIN);
    router.get(ADMIN).handler(admin).handler(this::list);
    router.post(ADMIN).handler(admin).handler(this::create);
    router.get(ADMIN + "/:id").handler(admin).handler(this::get);
    router.patch(ADMIN + "/:id").handler(admin).handler(this::patch);
  }

  /** Limited per client (a keyed hash of its address, never stored) on top of the per-username lockout. */
  private void login(RoutingContext ctx) {
    logins.acquire(clientKeys.keyFor(ctx.request().remoteAddress().hostAddress()));
    JsonObject body = JsonBody.object(ctx);
    String username = JsonBody.requireString(body, "username", 64);
    char[] password = JsonBody.requireString(body, "password", StaffJson.MAX_PASSWORD).toCharArray();
    answer(ctx, 200, sessions.login(username, password).map(this::tokenJson));
  }

  private void refresh(RoutingContext ctx) {
    String refreshToken = JsonBody.requireString(JsonBody.object(ctx), "refreshToken", 128);
    answer(ctx, 200, sessions.refresh(refreshToken).map(this::tokenJson));
  }

  /**
   * With a body naming this device's refresh token, ends only that session; without a body, every session of the
   * account ("log out everywhere").
   */
  private void logout(RoutingContext ctx) {
    StaffPrincipal principal = StaffAuthHandler.principal(ctx);
    boolean hasBody = ctx.body().length() > 0;
    Future<Void> done = hasBody
        ? sessions.logoutOne(JsonBody.requireString(JsonBody.object(ctx), "refreshToken", 128))
            .compose(v -> audit.record(principal, AuditAction.LOGOUT))
        : sessions.logout(principal.staffId()).compose(v -> audit.record(principal, AuditAction.LOGOUT_EVERYWHERE));
    done.onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    answer(ctx, 200, accounts.list().map(all -> new JsonObject()
        .put("staff", new JsonArray(all.stream().map(StaffJson::account).toList()))));
  }

  private void create(RoutingContext ctx) {
    NewStaff staff = StaffJson.newStaff(JsonBody.object(ctx));
    StaffPrincipal admin = StaffAuthHandler.principal(ctx);
    answer(ctx, 201, accounts.create(staff).compose(created -> audit.record(admin.staffId(), admin.username(),
        AuditAction.ACCOUNT_CREATED, Optional.of(created.id()), Optional.of(created.role().wire()))
        .map(v -> StaffJson.account(created))));
  }

  private void get(RoutingContext ctx) {
    answer(ctx, 200, accounts.find(ctx.pathParam("id")).map(StaffJson::account));
  }

  private void patch(RoutingContext ctx) {
    AccountPatch patch = StaffJson.patch(JsonBody.object(ctx));
    StaffPrincipal admin = StaffAuthHandler.principal(ctx);
    answer(ctx, 200, accounts.update(ctx.pathParam("id"), patch)
        .compose(updated -> recordPatch(admin, updated.id(), patch).map(v -> StaffJson.account(updated))));
  }

  /**
   * One entry per kind of change: profile fields (named in the detail, their values not), password, enabled. Reads
   * the patch, not the account, so that the password's characters are never looked at here.
   */
  private Future<Void> recordPatch(StaffPrincipal admin, String target, AccountPatch patch) {
    List<String> fields = new ArrayList<>();
    patch.pseudonym().ifPresent(v -> fields.add("pseudonym"));
    patch.languages().ifPresent(v -> fields.add("languages"));
    patch.skills().ifPresent(v -> fields.add("skills"));
    patch.capacity().ifPresent(v -> fields.add("capacity"));
    List<Future<Void>> written = new ArrayList<>();
    if (!fields.isEmpty()) {
      written.add(audit.record(admin.staffId(), admin.username(), AuditAction.ACCOUNT_CHANGED, Optional.of(target),
          Optional.of(String.join(",", fields))));
    }
    if (patch.password().isPresent()) {
      written.add(audit.record(admin, AuditAction.PASSWORD_CHANGED, target));
    }
    patch.enabled().ifPresent(enabled -> written.add(audit.record(admin,
        enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED, target)));
    return Future.all(written).mapEmpty();
  }

  private JsonObject tokenJson(StaffSessions.Tokens t) {
    long expiresIn = Math.max(0, Duration.between(clock.instant(), t.access().expiresAt()).toSeconds());
    return new JsonObject()
        .put("accessToken", t.access().token())
        .put("tokenType", "Bearer")
        .put("expiresIn", expiresIn)
        .put("refreshToken", t.refreshToken())
        .put("staffId", t.account().id())
        .put("role", t.account().role().wire())
        .put("pseudonym", t.account().pseudonym());
  }

  private static void answer(RoutingContext ctx, int status, Future<JsonObject> result) {
    result.onSuccess(json -> ctx.response().setStatusCode(status)
            .putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "no-store")
            .end(json.encode()))
        .onFailure(ctx::fail);
  }
}
