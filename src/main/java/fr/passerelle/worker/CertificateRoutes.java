package fr.passerelle.worker;

import fr.passerelle.app.Services;
import fr.passerelle.audit.AuditAction;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAccount;
import fr.passerelle.staff.StaffAuthHandler;
import fr.passerelle.staff.StaffPrincipal;
import fr.passerelle.staff.StaffStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A worker's certificate: uploaded once signed offline by the organisation root key, checked here, kept, and handed
 * to visitors in the {@code assigned} frame. In demo mode only, the node can also sign one itself with its
 * in-memory demo root key.
 */
public final class CertificateRoutes {
  static final String PATH = "/api/v1/workers/me/certificate";
  /** A colleague's certificate, which a worker needs to seal a transfer note to them. */
  static final String COLLEAGUE_PATH = "/api/v1/workers/:id/certificate";
  /**
   * What only staff need to know about the organisation's node. Its public facts (id, name, root public key) are in
   * {@code GET /api/v1/service}, for the widget and the console alike.
   */
  static final String ORGANISATION_PATH = "/api/v1/organisation";
  /** How long a demo certificate lasts. */
  static final Duration DEMO_VALIDITY = Duration.ofDays(30);

  private final Services services;
  private final OrganisationRoot root;
  private final CertificateCheck check;

  public CertificateRoutes(Services services, OrganisationRoot root) {
    this.services = services;
    this.root = root;
    this.check = new CertificateCheck(root, services.clock());
  }

  public void mount(Router router) {
    StaffAuthHandler worker = StaffAuthHandler.requiring(services.tokens(), Role.WORKER);
    router.put(PATH).handler(worker).handler(this::upload);
    router.get(COLLEAGUE_PATH).handler(worker).handler(this::colleague);
    router.get(ORGANISATION_PATH).handler(StaffAuthHandler.requiring(services.tokens())).handler(this::organisation);
    if (root.isDemo()) {
      router.post(PATH + "/demo").handler(worker).handler(this::signDemo);
    }
  }

  private void upload(RoutingContext ctx) {
    StaffPrincipal principal = StaffAuthHandler.principal(ctx);
    byte[] certificate = CertificateCheck.certificateField(JsonBody.object(ctx));
    WorkerCertificate verified = check.verify(certificate, principal.staffId(), ErrorCode.FORBIDDEN);
    save(services.stores().staff(), principal.staffId(), certificate, verified)
        .compose(json -> services.audit().record(principal, AuditAction.CERTIFICATE_UPLOADED).map(json))
        .onSuccess(json -> answer(ctx, json)).onFailure(ctx::fail);
  }

  /**
   * Keeps a verified certificate for {@code workerId}, once its pseudonym is found to be the account's; the answer
   * tells whose it is and until when.
   */
  static Future<JsonObject> save(StaffStore staff, String workerId, byte[] certificate, WorkerCertificate verified) {
    return staff.find(workerId).compose(found -> {
      StaffAccount account = found.orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND));
      CertificateCheck.samePseudonym(verified, account);
      return staff.saveCertificate(workerId, certificate);
    }).map(v -> new JsonObject().put("workerId", verified.workerId()).put("pseudonym", verified.pseudonym())
        .put("notAfter", verified.notAfter().toString()));
  }

  /**
   * A worker's certificate ({@code me} for one's own). Any worker may read a colleague's: it holds only public keys
   * and the pseudonym visitors see.
   */
  private void colleague(RoutingContext ctx) {
    String id = "me".equals(ctx.pathParam("id")) ? StaffAuthHandler.principal(ctx).staffId() : ctx.pathParam("id");
    services.stores().staff().certificate(id)
        .onSuccess(found -> answer(ctx, new JsonObject().put("certificate",
            Base64Url.encode(found.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no certificate on file"))))))
        .onFailure(ctx::fail);
  }

  /** Whether this node signs demo certificates ({@code POST /api/v1/workers/me/certificate/demo}). */
  private void organisation(RoutingContext ctx) {
    answer(ctx, new JsonObject().put("demoSigning", root.isDemo()));
  }

  /** Demo mode only: the node signs a certificate for the caller's own keys with its in-memory root key. */
  private void signDemo(RoutingContext ctx) {
    StaffPrincipal principal = StaffAuthHandler.principal(ctx);
    JsonObject body = JsonBody.object(ctx);
    byte[] dhKey = CertificateCheck.dhKey(body, "dhKey");
    byte[] signingKey = CertificateCheck.signingKey(body, "signingKey");
    services.stores().staff().find(principal.staffId()).compose(found -> {
      StaffAccount account = found.orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND));
      Instant notBefore = services.clock().instant().truncatedTo(ChronoUnit.SECONDS);
      byte[] certificate;
      try {
        certificate = new WorkerCertificate(root.orgId(), account.id(), account.pseudonym(), dhKey, signingKey,
            notBefore, notBefore.plus(DEMO_VALIDITY)).sign(root.demoPrivateKey().orElseThrow());
      } catch (CryptoException e) {
        throw new ApiException(ErrorCode.INVALID_FIELD, CertificateCheck.detail(e));
      }
      return services.stores().staff().saveCertificate(account.id(), certificate)
          .compose(v -> services.audit().record(principal.staffId(), principal.username(),
              AuditAction.CERTIFICATE_UPLOADED, Optional.empty(), Optional.of("demo")))
          .map(v -> new JsonObject().put("certificate", Base64Url.encode(certificate)));
    }).onSuccess(json -> answer(ctx, json)).onFailure(ctx::fail);
  }

  static void answer(RoutingContext ctx, JsonObject json) {
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(json.encode());
  }
}
