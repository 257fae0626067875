package fr.passerelle.service;

import fr.passerelle.app.Services;
import fr.passerelle.audit.AuditAction;
import fr.passerelle.config.OrganisationConfig;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.http.JsonBody;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAuthHandler;
import fr.passerelle.worker.OrganisationRoot;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/v1/service}: what the widget shows before anyone talks (the organisation, whether someone is
 * there, the hours, the emergency numbers), public and the same for everyone; and the admin's {@code PUT
 * /api/v1/service/hours}.
 */
public final class ServiceRoutes {
  public static final String PATH = "/api/v1/service";
  /** The numbers a visitor can always call in France, whatever the hours. */
  static final JsonArray EMERGENCY = new JsonArray()
      .add(number("17", "police")).add(number("112", "emergency")).add(number("114", "sms"))
      .add(number("119", "children")).add(number("3919", "violence-women"));
  private static final int MAX_ZONE_CHARS = 64;

  private final Services services;
  private final OrganisationRoot root;
  private final ServiceHours hours;

  public ServiceRoutes(Services services, OrganisationRoot root, ServiceHours hours) {
    this.services = services;
    this.root = root;
    this.hours = hours;
  }

  public void mount(Router router) {
    router.get(PATH).respond(ctx -> describe());
    router.put(PATH + "/hours").handler(StaffAuthHandler.requiring(services.tokens(), Role.ADMIN))
        .respond(this::changeHours);
  }

  /** The body of {@code GET /api/v1/service}: the hours in force, evaluated with the node's clock. */
  public Future<JsonObject> describe() {
    return hours.get().map(this::describe);
  }

  private JsonObject describe(OpeningHours now) {
    OrganisationConfig organisation = services.config().organisation();
    Instant instant = services.clock().instant();
    return new JsonObject()
        .put("organisation", new JsonObject().put("id", root.orgId()).put("name", organisation.name())
            .put("rootPublicKey", Base64Url.encode(root.publicKey())))
        .put("open", now.isOpen(instant))
        .put("timeZone", now.zone().getId())
        .put("hours", hoursJson(now))
        .put("nextOpening", now.nextOpening(instant).map(Instant::toString).orElse(null))
        .put("emergency", EMERGENCY.copy())
        .put("phone", organisation.phone().orElse(null));
  }

  private Future<JsonObject> changeHours(RoutingContext ctx) {
    JsonObject body = JsonBody.object(ctx);
    return hours.set(parse(body))
        .compose(set -> services.audit().record(StaffAuthHandler.principal(ctx), AuditAction.HOURS_CHANGED).map(set))
        .map(this::describe);
  }

  /**
   * The hours a request body gives as {@code timeZone} and {@code hours} (an array of {@code {day, from, to}}); an
   * {@code INVALID_FIELD} failure naming the field otherwise. Associations use the same form.
   */
  public static OpeningHours parse(JsonObject body) {
    ZoneId zone;
    try {
      zone = ZoneId.of(JsonBody.requireString(body, "timeZone", MAX_ZONE_CHARS));
    } catch (DateTimeException e) {
      throw JsonBody.invalid("timeZone", "must be a time zone such as Europe/Paris");
    }
    if (!(body.getValue("hours") instanceof JsonArray array) || array.size() > OpeningHours.MAX_SLOTS) {
      throw JsonBody.invalid("hours", "must be an array of at most " + OpeningHours.MAX_SLOTS
          + " {day, from, to} objects");
    }
    List<OpeningHours.Slot> slots = new ArrayList<>();
    for (Object item : array) {
      slots.add(slot(item));
    }
    return new OpeningHours(zone, slots);
  }

  private static OpeningHours.Slot slot(Object item) {
    String rule = "must hold {day: monday..sunday, from: HH:MM, to: HH:MM} objects, to not equal to from";
    if (!(item instanceof JsonObject json) || !(json.getValue("day") instanceof String day)
        || !(json.getValue("from") instanceof String from) || !(json.getValue("to") instanceof String to)) {
      throw JsonBody.invalid("hours", rule);
    }
    try {
      return new OpeningHours.Slot(OpeningHours.day(day), OpeningHours.minutes(from), OpeningHours.minutes(to));
    } catch (IllegalArgumentException e) {
      throw JsonBody.invalid("hours", rule);
    }
  }

  /** The slots of {@code hours} as an array of {@code {day, from, to}}, the form {@link #parse} reads. */
  public static JsonArray hoursJson(OpeningHours hours) {
    JsonArray array = new JsonArray();
    hours.slots().forEach(slot -> array.add(new JsonObject()
        .put("day", slot.day().name().toLowerCase(Locale.ROOT))
        .put("from", OpeningHours.time(slot.from()))
        .put("to", OpeningHours.time(slot.to()))));
    return array;
  }

  private static JsonObject number(String number, String kind) {
    return new JsonObject().put("number", number).put("kind", kind);
  }
}
