package fr.passerelle.mailbox;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.e2e.MessageCode;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the visitor's bearer secret, {@code Authorization: Mailbox <token>} (unpadded base64url of 32 bytes), and
 * turns it into the mailbox id at once: the token itself is neither kept nor logged.
 */
final class MailboxTokens {
  static final String SCHEME = "Mailbox ";

  private MailboxTokens() {}

  /** The id of the mailbox the request's token opens; {@code auth_failed} without a well-formed token. */
  static String mailboxId(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith(SCHEME)) {
      throw new ApiException(ErrorCode.AUTH_FAILED, "send Authorization: Mailbox <token>");
    }
    byte[] token = Base64Url.decode(header.substring(SCHEME.length()).trim(), 32)
        .orElseThrow(() -> new ApiException(ErrorCode.AUTH_FAILED, "a mailbox token is 32 bytes in base64url"));
    return MessageCode.mailboxId(token);
  }
}
