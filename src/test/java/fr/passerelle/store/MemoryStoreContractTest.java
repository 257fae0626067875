package fr.passerelle.store;

import fr.passerelle.staff.CertificateRequest;
import fr.passerelle.staff.StaffAccount;
import fr.passerelle.staff.StaffStore;
import fr.passerelle.store.memory.MemoryStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs the store contract against the in-memory backend. */
class MemoryStoreContractTest extends StoreContractTest {

  @Override
  protected Stores createStores(Vertx vertx) {
    return MemoryStores.create(vertx, new NoStaffStore(), Clock.systemUTC());
  }

  /** Staff storage is not under test here. */
  private static final class NoStaffStore implements StaffStore {
    @Override
    public Future<Void> saveCertificate(String staffId, byte[] certificate) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Optional<byte[]>> certificate(String staffId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<CertificateRequest> saveCertificateRequest(CertificateRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<CertificateRequest>> certificateRequests() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<StaffAccount> create(StaffAccount account) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Optional<StaffAccount>> find(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Optional<StaffAccount>> findByUsername(String username) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<StaffAccount>> list() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<StaffAccount> update(StaffAccount account) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> saveRefreshToken(String tokenHash, String staffId, Instant expiresAt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Optional<String>> useRefreshToken(String tokenHash, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> revokeRefreshTokens(String staffId) {
      throw new UnsupportedOperationException();
    }
  }
}
