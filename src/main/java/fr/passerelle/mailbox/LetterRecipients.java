package fr.passerelle.mailbox;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.staff.StaffAccount;
import fr.passerelle.staff.StaffStore;
import fr.passerelle.worker.OrganisationRoot;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/letters/recipients}: the certificates of the enabled accounts that are valid now, which a letter
 * is sealed to. The widget verifies each against its pinned root key and skips any it cannot; the check here only
 * keeps expired or foreign certificates out of the list.
 */
public final class LetterRecipients {
  static final String PATH = "/api/v1/letters/recipients";

  private final StaffStore staff;
  private final OrganisationRoot root;
  private final Clock clock;

  public LetterRecipients(StaffStore staff, OrganisationRoot root, Clock clock) {
    this.staff = staff;
    this.root = root;
    this.clock = clock;
  }

  /** {@code {"certificates": [base64url, …]}}, in the order of the staff list. */
  public Future<JsonObject> valid() {
    return staff.list().compose(accounts -> {
      List<Future<Optional<byte[]>>> certificates = accounts.stream().filter(StaffAccount::enabled)
          .map(account -> staff.certificate(account.id())).toList();
      return Future.all(certificates).map(all -> {
        JsonArray valid = new JsonArray();
        for (int i = 0; i < certificates.size(); i++) {
          Optional<byte[]> certificate = all.resultAt(i);
          certificate.filter(this::validNow).ifPresent(c -> valid.add(Base64Url.encode(c)));
        }
        return new JsonObject().put("certificates", valid);
      });
    });
  }

  private boolean validNow(byte[] certificate) {
    try {
      WorkerCertificate.verify(certificate, root.publicKey(), root.orgId(), clock.instant());
      return true;
    } catch (CryptoException e) {
      return false;
    }
  }
}
