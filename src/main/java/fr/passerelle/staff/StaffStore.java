package fr.passerelle.staff;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Staff accounts and their refresh tokens (stored hashed). Each operation is atomic. */
public interface StaffStore {

  /** Fails {@code CONFLICT} if the username is taken. */
  Future<StaffAccount> create(StaffAccount account);

  Future<Optional<StaffAccount>> find(String id);

  Future<Optional<StaffAccount>> findByUsername(String username);

  Future<List<StaffAccount>> list();

  /** Fails {@code NOT_FOUND} for an unknown id. */
  Future<StaffAccount> update(StaffAccount account);

  Future<Void> saveRefreshToken(String tokenHash, String staffId, Instant expiresAt);

  /** Consumes a refresh token (single use): the staff id it belonged to, if it was valid at {@code now}. */
  Future<Optional<String>> useRefreshToken(String tokenHash, Instant now);

  /** Logout, disabling, password change: every refresh token of the account stops working. */
  Future<Void> revokeRefreshTokens(String staffId);

  /**
   * Keeps the (already verified) worker certificate of {@code staffId}, replacing any earlier one, and drops the
   * worker's pending certificate request in the same step.
   */
  Future<Void> saveCertificate(String staffId, byte[] certificate);

  /**
   * Keeps a worker's certificate request, replacing any earlier one of theirs; the same keys asked again keep their
   * first {@code requestedAt}. Completes with the request as kept.
   */
  Future<CertificateRequest> saveCertificateRequest(CertificateRequest request);

  /** Every pending certificate request, oldest first. */
  Future<List<CertificateRequest>> certificateRequests();

  /** The worker certificate on file for {@code staffId}, if any. */
  Future<Optional<byte[]>> certificate(String staffId);
}
