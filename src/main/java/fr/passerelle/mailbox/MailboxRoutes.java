package fr.passerelle.mailbox;

import fr.passerelle.app.Services;
import fr.passerelle.worker.OrganisationRoot;
import io.vertx.ext.web.Router;
import java.util.List;

/** Mounts both sides of the anonymous mailbox, and says which paths take a letter-sized body. */
public final class MailboxRoutes {
  /** The routes whose body carries a sealed letter. */
  public static final List<String> LETTER_PATHS = List.of(VisitorMailboxRoutes.LETTERS_PATH,
      StaffMailboxRoutes.PATH + "/:id/letters");

  private MailboxRoutes() {}

  public static void mount(Router router, Services services, OrganisationRoot root, MailboxMetrics metrics) {
    LetterRecipients recipients = new LetterRecipients(services.stores().staff(), root, services.clock());
    new VisitorMailboxRoutes(services, recipients, metrics).mount(router);
    new StaffMailboxRoutes(services, metrics).mount(router);
  }

  /** The request body limit of {@link #LETTER_PATHS}: a letter of {@code letterBytes} in base64url, and its JSON. */
  public static int bodyLimit(int letterBytes) {
    return SealedLetters.bodyLimit(letterBytes);
  }
}
