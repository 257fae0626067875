package fr.passerelle.store.memory;

import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.staff.CertificateRequest;
import fr.passerelle.staff.StaffAccount;
import fr.passerelle.staff.StaffStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Staff accounts and refresh tokens in this process's memory; every method holds one lock, so each is atomic. */
public final class MemoryStaffStore implements StaffStore {
  private record Refresh(String staffId, Instant expiresAt) {}

  private final Map<String, StaffAccount> byId = new LinkedHashMap<>();
  private final Map<String, String> idByUsername = new HashMap<>();
  private final Map<String, Refresh> refreshTokens = new HashMap<>();
  private final Map<String, byte[]> certificates = new HashMap<>();
  private final Map<String, CertificateRequest> certificateRequests = new HashMap<>();

  @Override
  public synchronized Future<StaffAccount> create(StaffAccount account) {
    String name = normalise(account.username());
    if (idByUsername.containsKey(name) || byId.containsKey(account.id())) {
      return Future.failedFuture(new ApiException(ErrorCode.CONFLICT, "username already taken"));
    }
    byId.put(account.id(), account);
    idByUsername.put(name, account.id());
    return Future.succeededFuture(account);
  }

  @Override
  public synchronized Future<Optional<StaffAccount>> find(String id) {
    return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
  }

  @Override
  public synchronized Future<Optional<StaffAccount>> findByUsername(String username) {
    return Future.succeededFuture(Optional.ofNullable(idByUsername.get(normalise(username))).map(byId::get));
  }

  @Override
  public synchronized Future<List<StaffAccount>> list() {
    return Future.succeededFuture(List.copyOf(byId.values()));
  }

  @Override
  public synchronized Future<StaffAccount> update(StaffAccount account) {
    StaffAccount old = byId.get(account.id());
    if (old == null) {
      return Future.failedFuture(ApiException.of(ErrorCode.NOT_FOUND));
    }
    String oldName = normalise(old.username());
    String newName = normalise(account.username());
    if (!oldName.equals(newName)) {
      if (idByUsername.containsKey(newName)) {
        return Future.failedFuture(new ApiException(ErrorCode.CONFLICT, "username already taken"));
      }
      idByUsername.remove(oldName);
      idByUsername.put(newName, account.id());
    }
    byId.put(account.id(), account);
    return Future.succeededFuture(account);
  }

  @Override
  public synchronized Future<Void> saveRefreshToken(String tokenHash, String staffId, Instant expiresAt) {
    refreshTokens.put(tokenHash, new Refresh(staffId, expiresAt));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Optional<String>> useRefreshToken(String tokenHash, Instant now) {
    Refresh refresh = refreshTokens.remove(tokenHash);
    // Dropping expired tokens here keeps the map bounded without a timer (staff are few).
    refreshTokens.values().removeIf(r -> !r.expiresAt().isAfter(now));
    return Future.succeededFuture(Optional.ofNullable(refresh).filter(r -> r.expiresAt().isAfter(now))
        .map(Refresh::staffId));
  }

  @Override
  public synchronized Future<Void> revokeRefreshTokens(String staffId) {
    refreshTokens.values().removeIf(r -> r.staffId().equals(staffId));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> saveCertificate(String staffId, byte[] certificate) {
    certificates.put(staffId, certificate.clone());
    certificateRequests.remove(staffId);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<CertificateRequest> saveCertificateRequest(CertificateRequest request) {
    CertificateRequest kept = certificateRequests.merge(request.workerId(), request,
        (old, fresh) -> old.sameKeys(fresh) ? old : fresh);
    return Future.succeededFuture(kept);
  }

  @Override
  public synchronized Future<List<CertificateRequest>> certificateRequests() {
    return Future.succeededFuture(certificateRequests.values().stream()
        .sorted(Comparator.comparing(CertificateRequest::requestedAt).thenComparing(CertificateRequest::workerId))
        .toList());
  }

  @Override
  public synchronized Future<Optional<byte[]>> certificate(String staffId) {
    return Future.succeededFuture(Optional.ofNullable(certificates.get(staffId)).map(byte[]::clone));
  }

  private static String normalise(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
