package fr.passerelle.worker;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
import fr.passerelle.staff.StaffAccount;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;

/**
 * The one place where certificates and identity keys handed in over HTTP are checked, whoever hands them in: a worker
 * uploading their own certificate, an admin uploading one they signed, a worker asking for one (or, in demo mode,
 * for the node to sign one).
 */
final class CertificateCheck {
  /** The longest validity accepted, as {@code keys sign-worker} allows: a stolen device stays useful no longer. */
  static final Duration MAX_VALIDITY = Duration.ofDays(90);
  /** Generous: a v1 certificate is at most 340 bytes, 454 characters of base64url. */
  private static final int MAX_CERTIFICATE_CHARS = 1024;
  private static final int MAX_KEY_CHARS = 64;

  private final OrganisationRoot root;
  private final Clock clock;

  CertificateCheck(OrganisationRoot root, Clock clock) {
    this.root = root;
    this.clock = clock;
  }

  /** The {@code certificate} member of a body: unpadded base64url, else {@code invalid_field}. */
  static byte[] certificateField(JsonObject body) {
    String text = JsonBody.requireString(body, "certificate", MAX_CERTIFICATE_CHARS);
    return Base64Url.decode(text).orElseThrow(() -> JsonBody.invalid("certificate", "must be unpadded base64url"));
  }

  /**
   * Verifies against the organisation root key and id at the node's time ({@code bad_certificate} naming the reason),
   * then that it names {@code workerId} (else {@code otherWorker}) and lasts at most 90 days. The pseudonym is checked
   * against the account with {@link #samePseudonym}, once the account is read.
   */
  WorkerCertificate verify(byte[] certificate, String workerId, ErrorCode otherWorker) {
    WorkerCertificate verified;
    try {
      verified = WorkerCertificate.verify(certificate, root.publicKey(), root.orgId(), clock.instant());
    } catch (CryptoException e) {
      throw refused(e);
    }
    if (!verified.workerId().equals(workerId)) {
      throw new ApiException(otherWorker, "the certificate is for another worker");
    }
    if (Duration.between(verified.notBefore(), verified.notAfter()).compareTo(MAX_VALIDITY) > 0) {
      throw new ApiException(ErrorCode.BAD_CERTIFICATE, "valid for more than 90 days");
    }
    return verified;
  }

  /**
   * Whether a certificate on file is one visitors would accept now: signed by the organisation root key for this
   * organisation and {@code workerId}, and within its validity at the node's time. One checked at upload may have
   * expired since, or the organisation may have rotated its root key.
   */
  boolean validNow(byte[] certificate, String workerId) {
    try {
      return WorkerCertificate.verify(certificate, root.publicKey(), root.orgId(), clock.instant()).workerId()
          .equals(workerId);
    } catch (CryptoException e) {
      return false;
    }
  }

  /** Visitors see the certificate's pseudonym; the console and colleagues see the account's. They must agree. */
  static void samePseudonym(WorkerCertificate certificate, StaffAccount account) {
    if (!account.pseudonym().equals(certificate.pseudonym())) {
      throw new ApiException(ErrorCode.BAD_CERTIFICATE, "pseudonym differs from the account's");
    }
  }

  /** An X25519 identity public key as a certificate requires: 32 bytes, canonical, not of low order. */
  static byte[] dhKey(JsonObject body, String field) {
    byte[] key = key(body, field);
    try {
      X25519.requireValidPublicKey(key);
    } catch (CryptoException e) {
      throw JsonBody.invalid(field, "must be an X25519 public key that is canonical and not of low order");
    }
    return key;
  }

  /** An Ed25519 identity public key as a certificate requires: canonical, on the curve, not of small order. */
  static byte[] signingKey(JsonObject body, String field) {
    byte[] key = key(body, field);
    if (!Ed25519.isValidPublicKey(key)) {
      throw JsonBody.invalid(field, "must be a valid Ed25519 public key");
    }
    return key;
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

  static String detail(CryptoException e) {
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
}
