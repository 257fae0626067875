package fr.passerelle.worker;

import fr.passerelle.app.Services;
import fr.passerelle.audit.AuditAction;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
import fr.passerelle.staff.CertificateRequest;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAccount;
import fr.passerelle.staff.StaffAuthHandler;
import fr.passerelle.staff.StaffPrincipal;
import fr.passerelle.staff.StaffStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Certificates without the command line: a worker's console asks for one with its identity public keys, an admin
 * lists the requests, signs them in their own browser with the organisation key file (which never reaches the
 * server), and uploads each certificate here, checked exactly as a worker's own upload.
 */
public final class CertificateRequestRoutes {
  static final String REQUEST_PATH = "/api/v1/workers/me/certificate-request";
  static final String REQUESTS_PATH = "/api/v1/certificate-requests";
  static final String ADMIN_UPLOAD_PATH = "/api/v1/staff/:id/certificate";

  private final Services services;
  private final CertificateCheck check;

  public CertificateRequestRoutes(Services services, OrganisationRoot root) {
    this.services = services;
    this.check = new CertificateCheck(root, services.clock());
  }

  public void mount(Router router) {
    StaffAuthHandler worker = StaffAuthHandler.requiring(services.tokens(), Role.WORKER);
    StaffAuthHandler admin = StaffAuthHandler.requiring(services.tokens(), Role.ADMIN);
    router.put(REQUEST_PATH).handler(worker).handler(this::request);
    router.get(REQUESTS_PATH).handler(admin).handler(this::list);
    router.put(ADMIN_UPLOAD_PATH).handler(admin).handler(this::upload);
  }

  private void request(RoutingContext ctx) {
    StaffPrincipal principal = StaffAuthHandler.principal(ctx);
    JsonObject body = JsonBody.object(ctx);
    String dhKey = Base64Url.encode(CertificateCheck.dhKey(body, "dhKey"));
    String signingKey = Base64Url.encode(CertificateCheck.signingKey(body, "signingKey"));
    StaffStore staff = services.stores().staff();
    staff.find(principal.staffId()).compose(found -> {
      StaffAccount account = found.orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND));
      return staff.saveCertificateRequest(new CertificateRequest(account.id(), dhKey, signingKey,
          services.clock().instant())).map(kept -> json(kept, account));
    }).compose(json -> services.audit().record(principal, AuditAction.CERTIFICATE_REQUESTED).map(json))
        .onSuccess(json -> CertificateRoutes.answer(ctx, json)).onFailure(ctx::fail);
  }

  /** Pending requests of enabled worker accounts, oldest first, with the pseudonym the certificate must carry. */
  private void list(RoutingContext ctx) {
    StaffStore staff = services.stores().staff();
    Future.all(staff.certificateRequests(), staff.list()).map(both -> {
      List<CertificateRequest> requests = both.resultAt(0);
      List<StaffAccount> accounts = both.resultAt(1);
      Map<String, StaffAccount> workers = accounts.stream()
          .filter(a -> a.role() == Role.WORKER && a.enabled())
          .collect(Collectors.toMap(StaffAccount::id, Function.identity()));
      JsonArray list = new JsonArray();
      requests.stream().filter(r -> workers.containsKey(r.workerId()))
          .forEach(r -> list.add(json(r, workers.get(r.workerId()))));
      return new JsonObject().put("requests", list);
    }).onSuccess(json -> CertificateRoutes.answer(ctx, json)).onFailure(ctx::fail);
  }

  /** An admin hands in a certificate they signed for worker {@code id}: the same checks as the worker's own upload. */
  private void upload(RoutingContext ctx) {
    String workerId = ctx.pathParam("id");
    byte[] certificate = CertificateCheck.certificateField(JsonBody.object(ctx));
    StaffStore staff = services.stores().staff();
    staff.find(workerId).compose(found -> {
      Optional<StaffAccount> worker = found.filter(a -> a.role() == Role.WORKER);
      if (worker.isEmpty()) {
        throw new ApiException(ErrorCode.NOT_FOUND, "no such worker");
      }
      WorkerCertificate verified = check.verify(certificate, workerId, ErrorCode.BAD_CERTIFICATE);
      return CertificateRoutes.save(staff, workerId, certificate, verified);
    }).compose(json -> services.audit().record(StaffAuthHandler.principal(ctx), AuditAction.CERTIFICATE_SIGNED,
        workerId).map(json)).onSuccess(json -> CertificateRoutes.answer(ctx, json)).onFailure(ctx::fail);
  }

  private static JsonObject json(CertificateRequest request, StaffAccount account) {
    return new JsonObject().put("workerId", request.workerId()).put("pseudonym", account.pseudonym())
        .put("dhKey", request.dhKey()).put("signingKey", request.signingKey())
        .put("requestedAt", request.requestedAt().toString());
  }
}
