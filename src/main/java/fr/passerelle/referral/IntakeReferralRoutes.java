package fr.passerelle.referral;

import fr.passerelle.app.Services;
import fr.passerelle.audit.AuditAction;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAccount;
import fr.passerelle.staff.StaffAuthHandler;
import fr.passerelle.staff.StaffPrincipal;
import fr.passerelle.statistics.Measure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The association's inbox (docs/api.md, "Referrals"): an intake officer lists, fetches, acknowledges, accepts or
 * declines the referrals of the association their account is linked to. Another association's referral is
 * {@code not_found}, as an unknown one is, so ids cannot be probed.
 */
final class IntakeReferralRoutes {
  static final String INBOX = "/api/v1/intake/referrals";

  private final Services services;

  IntakeReferralRoutes(Services services) {
    this.services = services;
  }

  void mount(Router router) {
    StaffAuthHandler intake = StaffAuthHandler.requiring(services.tokens(), Role.INTAKE);
    router.get(INBOX).handler(intake).handler(this::list);
    router.get(INBOX + "/:id").handler(intake).handler(this::fetch);
    router.post(INBOX + "/:id/acknowledge").handler(intake).handler(this::acknowledge);
    router.post(INBOX + "/:id/accept").handler(intake).handler(ctx -> decide(ctx, ReferralStatus.ACCEPTED));
    router.post(INBOX + "/:id/decline").handler(intake).handler(ctx -> decide(ctx, ReferralStatus.DECLINED));
  }

  private ReferralStore store() {
    return services.stores().referrals();
  }

  private void list(RoutingContext ctx) {
    answer(ctx, association(ctx).compose(association -> store().ofAssociation(association)
        .map(all -> new JsonObject().put("association", association)
            .put("referrals", new JsonArray(all.stream().map(ReferralJson::listed).toList())))));
  }

  /** {@code gone} once the ciphertext is deleted; each fetch is audited as {@code referral-opened}. */
  private void fetch(RoutingContext ctx) {
    answer(ctx, referral(ctx).compose(referral -> {
      if (referral.sealed().isEmpty()) {
        return Future.failedFuture(new ApiException(ErrorCode.GONE,
            "this referral was " + (referral.status() == ReferralStatus.EXPIRED ? "not acknowledged in time"
                : "acknowledged") + ": its ciphertext is deleted"));
      }
      return services.audit().record(principal(ctx), AuditAction.REFERRAL_OPENED, referral.associationId())
          .map(v -> ReferralJson.sealed(referral));
    }));
  }

  private void acknowledge(RoutingContext ctx) {
    answer(ctx, referral(ctx).compose(referral -> store().acknowledge(referral.id(), services.clock().instant()))
        .compose(change -> changed(ctx, change, "acknowledged", Optional.of(Measure.REFERRALS_ACKNOWLEDGED),
            AuditAction.REFERRAL_ACKNOWLEDGED)));
  }

  private void decide(RoutingContext ctx, ReferralStatus decision) {
    boolean accepted = decision == ReferralStatus.ACCEPTED;
    answer(ctx, referral(ctx).compose(referral -> store().decide(referral.id(), decision, services.clock().instant()))
        .compose(change -> changed(ctx, change, decision.wire(),
            accepted ? Optional.of(Measure.REFERRALS_ACCEPTED) : Optional.empty(),
            accepted ? AuditAction.REFERRAL_ACCEPTED : AuditAction.REFERRAL_DECLINED)));
  }

  /** Counts, tallies and audits a change the first time it happens; a repeat only answers. */
  private Future<JsonObject> changed(RoutingContext ctx, ReferralStore.Changed change, String event,
      Optional<Measure> measure, AuditAction action) {
    Referral referral = change.referral();
    if (!change.changed()) {
      return Future.succeededFuture(ReferralJson.status(referral));
    }
    services.registry().counter(ReferralMetrics.EVENTS, "event", event).increment();
    measure.ifPresent(m -> services.tally().count(m, referral.origin()));
    return services.audit().record(principal(ctx), action, referral.associationId())
        .map(v -> ReferralJson.status(referral));
  }

  private static StaffPrincipal principal(RoutingContext ctx) {
    return StaffAuthHandler.principal(ctx);
  }

  /** The association the intake account is linked to; {@code unknown_association} if none. */
  private Future<String> association(RoutingContext ctx) {
    return services.stores().staff().find(principal(ctx).staffId())
        .map(account -> account.flatMap(StaffAccount::association).orElseThrow(() -> new ApiException(
            ErrorCode.UNKNOWN_ASSOCIATION, "this account is not linked to an association")));
  }

  /** The referral of the path, if it is for this officer's association; {@code not_found} otherwise. */
  private Future<Referral> referral(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return association(ctx).compose(association -> store().find(id).map(found -> found
        .filter(r -> r.associationId().equals(association))
        .orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND))));
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> result) {
    result.onSuccess(json -> ReferralRoutes.respond(ctx, 200, json)).onFailure(ctx::fail);
  }
}
