package fr.passerelle.referral;

import fr.passerelle.app.Services;
import fr.passerelle.association.Association;
import fr.passerelle.audit.AuditAction;
import fr.passerelle.conversation.Consent;
import fr.passerelle.conversation.Conversation;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAuthHandler;
import fr.passerelle.staff.StaffPrincipal;
import fr.passerelle.statistics.CellKey;
import fr.passerelle.statistics.Measure;
import fr.passerelle.statistics.Origin;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Referrals over HTTP (docs/api.md, "Referrals"): a worker sends a sealed referral, with the visitor's consent, from
 * one of their active conversations and follows its status; admins see the unacknowledged ones about to expire. The
 * association's side is {@link IntakeReferralRoutes}.
 */
public final class ReferralRoutes {
  static final String WORKER = "/api/v1/referrals";
  static final String EXPIRING = "/api/v1/admin/referrals/expiring";

  private final Services services;

  public ReferralRoutes(Services services) {
    this.services = services;
  }

  /** Mounts before the general {@code /api/*} body handler: a referral may be larger than other bodies. */
  public static void mountBodyLimit(Router router, int referralBytes) {
    router.post(WORKER).handler(BodyHandler.create(false).setBodyLimit(ReferralJson.bodyLimit(referralBytes)));
  }

  public void mount(Router router) {
    StaffAuthHandler worker = StaffAuthHandler.requiring(services.tokens(), Role.WORKER);
    router.post(WORKER).handler(worker).handler(this::send);
    router.get(WORKER).handler(worker).handler(this::ofWorker);
    router.get(EXPIRING).handler(StaffAuthHandler.requiring(services.tokens(), Role.ADMIN)).handler(this::expiring);
    new IntakeReferralRoutes(services).mount(router);
  }

  private ReferralStore store() {
    return services.stores().referrals();
  }

  /**
   * Refused, with nothing stored: another worker's or an ended conversation and an unknown association are
   * {@code not_found}, then {@code association_inactive}, {@code key_changed}, {@code consent_required}.
   */
  private void send(RoutingContext ctx) {
    StaffPrincipal principal = StaffAuthHandler.principal(ctx);
    ReferralJson.Posted posted = ReferralJson.posted(JsonBody.object(ctx),
        services.config().limits().referralBytes());
    String digest = posted.digest();
    Future<JsonObject> answer = store().find(posted.id()).compose(existing -> {
      if (existing.isPresent() && existing.get().workerId().equals(principal.staffId())
          && existing.get().digest().equals(digest)) {
        return Future.succeededFuture(ReferralJson.sent(existing.get()).put("duplicate", true));
      }
      if (existing.isPresent()) {
        return Future.failedFuture(new ApiException(ErrorCode.CONFLICT, "this referral id is taken"));
      }
      return checked(principal, posted).compose(origin -> create(principal, posted, digest, origin));
    });
    answer.onSuccess(json -> respond(ctx, json.containsKey("duplicate") ? 200 : 201, json)).onFailure(ctx::fail);
  }

  /** The visitor's campaign and language for the statistics, once every rule holds. */
  private Future<Origin> checked(StaffPrincipal principal, ReferralJson.Posted posted) {
    return services.stores().conversations().find(posted.conversation()).compose(found -> {
      Conversation conversation = found.filter(c -> c.active() && c.workerId().equals(principal.staffId()))
          .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "not one of your active conversations"));
      return services.stores().associations().find(posted.association()).map(association -> {
        requireReferable(association, posted.keyId());
        return conversation;
      });
    }).compose(conversation -> services.stores().conversations().consent(conversation.id(), posted.request())
        .map(consent -> {
          if (!consent.map(Consent::given).orElse(false)) {
            throw new ApiException(ErrorCode.CONSENT_REQUIRED, "the visitor has not consented to this request");
          }
          return conversation;
        }))
        .compose(conversation -> services.stores().sessions().find(conversation.sessionId(), services.clock().instant())
            .map(session -> session.map(Origin::of).orElse(new Origin(Optional.empty(), CellKey.UNKNOWN))));
  }

  private static void requireReferable(Optional<Association> association, String keyId) {
    Association a = association.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no such association"));
    if (!a.details().active()) {
      throw ApiException.of(ErrorCode.ASSOCIATION_INACTIVE);
    }
    if (a.currentKey().filter(k -> k.fingerprint().keyId().equals(keyId)).isEmpty()) {
      throw new ApiException(ErrorCode.KEY_CHANGED, "seal to the association's current key");
    }
  }

  private Future<JsonObject> create(StaffPrincipal principal, ReferralJson.Posted posted, String digest,
      Origin origin) {
    Instant now = services.clock().instant();
    Referral referral = new Referral(posted.id(), posted.association(), principal.staffId(), posted.keyId(),
        Optional.of(posted.sealed()), ReferralStatus.SENT, now, now.plus(services.config().retention().referral()),
        now, origin, digest);
    return store().create(referral).compose(stored -> {
      if (stored.duplicate()) {
        return Future.succeededFuture(ReferralJson.sent(stored.referral()).put("duplicate", true));
      }
      count("sent");
      services.tally().count(Measure.REFERRALS_SENT, origin);
      return services.audit().record(principal, AuditAction.REFERRAL_SENT, posted.association())
          .map(v -> ReferralJson.sent(stored.referral()));
    });
  }

  private void ofWorker(RoutingContext ctx) {
    String workerId = StaffAuthHandler.principal(ctx).staffId();
    Future<JsonObject> answer = Future.all(store().ofWorker(workerId), associationNames()).map(both -> {
      Map<String, String> names = both.resultAt(1);
      return new JsonObject().put("referrals", new JsonArray(both.<List<Referral>>resultAt(0).stream()
          .map(r -> ReferralJson.forWorker(r, Optional.ofNullable(names.get(r.associationId())))).toList()));
    });
    answer.onSuccess(json -> respond(ctx, 200, json)).onFailure(ctx::fail);
  }

  private void expiring(RoutingContext ctx) {
    Instant before = services.clock().instant().plus(services.config().retention().referralWarning());
    Future<JsonObject> answer = Future.all(store().expiringBefore(before), associationNames()).map(both -> {
      Map<String, String> names = both.resultAt(1);
      return new JsonObject().put("referrals", new JsonArray(both.<List<Referral>>resultAt(0).stream()
          .map(r -> ReferralJson.expiring(r, Optional.ofNullable(names.get(r.associationId())))).toList()));
    });
    answer.onSuccess(json -> respond(ctx, 200, json)).onFailure(ctx::fail);
  }

  private Future<Map<String, String>> associationNames() {
    return services.stores().associations().list().map(all -> all.stream()
        .collect(Collectors.toMap(Association::id, a -> a.details().name(), (a, b) -> a)));
  }

  private void count(String event) {
    services.registry().counter(ReferralMetrics.EVENTS, "event", event).increment();
  }

  static void respond(RoutingContext ctx, int status, JsonObject json) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json.encode());
  }
}
