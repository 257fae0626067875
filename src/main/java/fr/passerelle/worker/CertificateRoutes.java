package fr.passerelle.worker;

import fr.passerelle.app.Services;
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
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A worker's certificate: uploaded once signed offline by the organisation root key, checked here, kept, and handed
 * to visitors in the {@code assigned} frame. In demo mode only, the node can also sign one itself with its
 * in-memory demo root key.
 */
public final class CertificateRoutes {
  static final String PATH = "/api/v1/workers/me/certificate";
  /** A colleague's certificate, which a worker needs to seal a transfer note to them. */
  static final String COLLEAGUE_PATH = "/api/v1/workers/:id/certificate";
  /** How long a demo certificate lasts. */
  static final Duration DEMO_VALIDITY = Duration.ofDays(30);
  /** The longest validity accepted, as {@code keys sign-worker} allows: a stolen device stays useful no longer. */
  static final Duration MAX_VALIDITY = Duration.ofDays(90);
  /** Generous: a v1 certificate is at most 340 bytes, 454 characters of base64url. */
  private static final int MAX_CERTIFICATE_CHARS = 1024;
  private static final int MAX_KEY_CHARS = 64;

  private final Services services;
  private final OrganisationRoot root;

  public CertificateRoutes(Services services, OrganisationRoot root) {
    this.services = services;
    this.root = root;
  }

  public void mount(Router router) {
    StaffAuthHandler worker = StaffAuthHandler.requiring(services.tokens(), Role.WORKER);
    router.put(PATH).handler(worker).handler(this::upload);
    router.get(COLLEAGUE_PATH).handler(worker).handler(this::colleague);
    if (root.isDemo()) {
      router.post(PATH + "/demo").handler(worker).handler(this::signDemo);
    }
  }

  private void upload(RoutingContext ctx) {
    StaffPrincipal principal = StaffAuthHandler.principal(ctx);
    String text = JsonBody.requireString(JsonBody.object(ctx), "certificate", MAX_CERTIFICATE_CHARS);
    byte[] certificate = Base64Url.decode(text)
        .orElseThrow(() -> JsonBody.invalid("certificate", "must be unpadded base64url"));
    WorkerCertificate verified;
    try {
      verified = WorkerCertificate.verify(certificate, root.publicKey(), root.orgId(), services.clock().instant());
    } catch (CryptoException e) {
      throw refused(e);
    }
    if (!verified.workerId().equals(principal.staffId())) {
      throw new ApiException(ErrorCode.FORBIDDEN, "the certificate is for another worker");
    }
    if (Duration.between(verified.notBefore(), verified.notAfter()).compareTo(MAX_VALIDITY) > 0) {
      throw new ApiException(ErrorCode.BAD_CERTIFICATE, "valid for more than 90 days");
    }
    StaffStore staff = services.stores().staff();
    staff.find(principal.staffId()).compose(found -> {
      StaffAccount account = found.orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND));
      // Visitors see the certificate's pseudonym; the console and colleagues see the account's. They must agree.
      if (!account.pseudonym().equals(verified.pseudonym())) {
        throw new ApiException(ErrorCode.BAD_CERTIFICATE, "pseudonym differs from the account's");
      }
      return staff.saveCertificate(principal.staffId(), certificate);
    }).onSuccess(v -> answer(ctx, new JsonObject().put("workerId", verified.workerId())
            .put("pseudonym", verified.pseudonym()).put("notAfter", verified.notAfter().toString())))
        .onFailure(ctx::fail);
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

  /** Demo mode only: the node signs a certificate for the caller's own keys with its in-memory root key. */
  private void signDemo(RoutingContext ctx) {
    StaffPrincipal principal = StaffAuthHandler.principal(ctx);
    JsonObject body = JsonBody.object(ctx);
    byte[] dhKey = key(body, "dhKey");
    byte[] signingKey = key(body, "signingKey");
    services.stores().staff().find(principal.staffId()).compose(found -> {
      StaffAccount account = found.orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND));
      Instant notBefore = services.clock().instant().truncatedTo(ChronoUnit.SECONDS);
      byte[] certificate;
      try {
        certificate = new WorkerCertificate(root.orgId(), account.id(), account.pseudonym(), dhKey, signingKey,
            notBefore, notBefore.plus(DEMO_VALIDITY)).sign(root.demoPrivateKey().orElseThrow());
      } catch (CryptoException e) {
        throw new ApiException(ErrorCode.INVALID_FIELD, detail(e));
      }
      return services.stores().staff().saveCertificate(account.id(), certificate)
          .map(v -> new JsonObject().put("certificate", Base64Url.encode(certificate)));
    }).onSuccess(json -> answer(ctx, json)).onFailure(ctx::fail);
  }

  private static byte[] key(JsonObject body, String field) {
    return Base64Url.decode(JsonBody.requireString(body, field, MAX_KEY_CHARS))
        .filter(k -> k.length == 32)
        .orElseThrow(() -> JsonBody.invalid(field, "must be 32 bytes in unpadded base64url"));
  }

  /** The reason, in words, never key or certificate bytes. */
  static ApiException refused(CryptoException e) {
    return new ApiException(ErrorCode.BAD_CERTIFICATE, detail(e));
  }

  private static String detail(CryptoException e) {
    return switch (e.reason()) {
      case BAD_SIGNATURE -> "not signed by the organisation root key";
      case WRONG_ORGANISATION -> "wrong organisation";
      case NOT_YET_VALID -> "not valid yet";
      case EXPIRED -> "expired";
      case BAD_CERTIFICATE -> {
        // Our own messages after the reason prefix: which field is malformed, never its bytes.
        String message = e.getMessage();
        int colon = message.lastIndexOf(": ");
        yield "malformed: " + (colon < 0 ? "unreadable" : message.substring(colon + 2));
      }
      default -> "malformed";
    };
  }

  private static void answer(RoutingContext ctx, JsonObject json) {
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(json.encode());
  }
}
