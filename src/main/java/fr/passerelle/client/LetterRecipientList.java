package fr.passerelle.client;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.e2e.Letter;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The certificates a letter is sealed to (docs/protocol.md 12.12): those of {@code GET /api/v1/letters/recipients}
 * that verify against the pinned root key, the organisation and now. The others are skipped, as the widget does.
 */
final class LetterRecipientList {
  static final String PATH = "/api/v1/letters/recipients";

  private LetterRecipientList() {}

  static Future<List<Letter.Recipient>> fetch(Transport transport, byte[] rootPublicKey, String orgId, Instant now) {
    return transport.request("GET", PATH, Optional.empty(), Optional.empty()).map(response -> {
      if (response.status() != 200) {
        throw new IllegalStateException("recipients: HTTP " + response.status());
      }
      List<Letter.Recipient> recipients = new ArrayList<>();
      for (Object item : response.body().getJsonArray("certificates")) {
        try {
          byte[] certificate = Base64Url.decode((String) item).orElseThrow();
          WorkerCertificate verified = WorkerCertificate.verify(certificate, rootPublicKey, orgId, now);
          recipients.add(new Letter.Recipient(verified.workerId(), verified.identityDhKey()));
        } catch (CryptoException | java.util.NoSuchElementException e) {
          // Not a certificate this client trusts: not a recipient.
        }
      }
      return List.copyOf(recipients);
    });
  }
}
