package fr.passerelle.mailbox;

import fr.passerelle.app.Services;
import fr.passerelle.config.LimitsConfig;
import fr.passerelle.conversation.Party;
import fr.passerelle.e2e.Letter;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ClientKeys;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
import fr.passerelle.http.RateLimiter;
import fr.passerelle.protocol.Fields;
import fr.passerelle.statistics.Measure;
import fr.passerelle.statistics.Origin;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The visitor's side of the anonymous mailbox (docs/api.md): leave a letter, read the mailbox, delete it. The
 * mailbox token in the {@code Authorization} header is turned into the mailbox id at once and forgotten. Public and
 * called from the widget's origin (see {@link fr.passerelle.widget.WidgetCors}); every route but the delete, which
 * the quick exit uses, is rate-limited per client like session creation.
 */
public final class VisitorMailboxRoutes {
  static final String LETTERS_PATH = "/api/v1/mailbox/letters";
  static final String MAILBOX_PATH = "/api/v1/mailbox";

  private final Services services;
  private final MailboxMetrics metrics;
  private final LetterRecipients recipients;
  private final ClientKeys clientKeys;
  private final RateLimiter limiter;

  public VisitorMailboxRoutes(Services services, LetterRecipients recipients, MailboxMetrics metrics) {
    this.services = services;
    this.metrics = metrics;
    this.recipients = recipients;
    this.clientKeys = new ClientKeys(services.clock());
    int perMinute = services.config().limits().sessionsPerMinute();
    this.limiter = new RateLimiter("mailbox requests", perMinute / 60.0, perMinute, services.clock());
  }

  public void mount(Router router) {
    router.get(LetterRecipients.PATH).respond(ctx -> {
      limit(ctx);
      return recipients.valid();
    });
    router.post(LETTERS_PATH).respond(this::leave);
    router.get(MAILBOX_PATH).respond(this::read);
    router.delete(MAILBOX_PATH).handler(this::delete);
  }

  private Future<JsonObject> leave(RoutingContext ctx) {
    limit(ctx);
    String mailboxId = MailboxTokens.mailboxId(ctx);
    LimitsConfig limits = services.config().limits();
    JsonObject body = JsonBody.object(ctx);
    String id = Fields.id(body, "id");
    String sealed = SealedLetters.check(body, limits.letterBytes(), Letter.FROM_VISITOR);
    List<String> languages = body.containsKey("languages") ? Fields.languages(body, "languages") : List.of();
    StoredLetter letter = new StoredLetter(id, Party.VISITOR, now(services), sealed, Optional.empty());
    return services.stores().mailboxes().append(mailboxId, Optional.of(languages), letter, storeLimits(limits))
        .map(appended -> {
          if (!appended.duplicate()) {
            metrics.stored(Party.VISITOR);
            services.tally().count(Measure.LETTERS, Origin.anonymous(languages.stream().findFirst()));
            metrics.refresh();
          }
          ctx.response().setStatusCode(appended.duplicate() ? 200 : 201);
          return MailboxJson.stored(appended);
        });
  }

  private Future<JsonObject> read(RoutingContext ctx) {
    limit(ctx);
    String mailboxId = MailboxTokens.mailboxId(ctx);
    return services.stores().mailboxes().find(mailboxId).map(found -> MailboxJson.visitorMailbox(
        found.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no letters for this code")),
        services.config().retention().mailbox()));
  }

  /** The quick exit's delete: the same answer whether or not there was a mailbox. */
  private void delete(RoutingContext ctx) {
    String mailboxId = MailboxTokens.mailboxId(ctx);
    services.stores().mailboxes().delete(mailboxId).compose(existed -> metrics.refresh())
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void limit(RoutingContext ctx) {
    limiter.acquire(clientKeys.keyFor(ctx.request().remoteAddress().hostAddress()));
  }

  static MailboxStore.Limits storeLimits(LimitsConfig limits) {
    return new MailboxStore.Limits(limits.lettersPerMailbox(), limits.mailboxes());
  }

  /** Letters are stamped to the second: the time a worker's certificate is checked at. */
  static java.time.Instant now(Services services) {
    return services.clock().instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
