package fr.passerelle.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings of what visitors see and of the sites that embed the widget: read, and refused when wrong. */
class WidgetSettingsTest {

  @Test
  void defaultsAreTheDemoAssociationAlwaysOpenInParisWithNoEmbeddingSite() {
    PasserelleConfig config = load(Map.of());
    assertThat(config.organisation().name()).isEqualTo("Association Démo");
    assertThat(config.organisation().timeZone()).isEqualTo("Europe/Paris");
    assertThat(config.organisation().openingHours()).isEqualTo("mon-sun 00:00-24:00");
    assertThat(config.organisation().phone()).isEmpty();
    assertThat(config.organisation().exitUrl()).isEmpty();
    assertThat(config.http().allowedOriginList()).isEmpty();
    assertThat(config.http().publicUrl()).isEmpty();
  }

  @Test
  void readsEverySetting() {
    PasserelleConfig config = load(Map.of(
        "PASSERELLE_ORGANISATION_NAME", "Les Amies du Quai",
        "PASSERELLE_ORGANISATION_TIME_ZONE", "Indian/Reunion",
        "PASSERELLE_ORGANISATION_OPENING_HOURS", "mon-fri 18:00-23:00, sat 14:00-20:00",
        "PASSERELLE_ORGANISATION_PHONE", "+262 (0)2 62 00 00 00",
        "PASSERELLE_ORGANISATION_EXIT_URL", "/meteo",
        "PASSERELLE_HTTP_ALLOWED_ORIGINS", "https://www.asso.example, https://asso.example:8443",
        "PASSERELLE_HTTP_PUBLIC_URL", "https://chat.asso.example/"));
    assertThat(config.organisation().zone().getId()).isEqualTo("Indian/Reunion");
    assertThat(config.organisation().phone()).hasValue("+262 (0)2 62 00 00 00");
    assertThat(config.organisation().exitUrl()).hasValue("/meteo");
    assertThat(config.http().allowedOriginList())
        .isEqualTo(List.of("https://www.asso.example", "https://asso.example:8443"));
    assertThat(config.http().publicBase()).hasValue("https://chat.asso.example");
  }

  @Test
  void refusesWhatVisitorsCouldNotUse() {
    assertRefused("PASSERELLE_ORGANISATION_TIME_ZONE", "Paris", "organisation.timeZone");
    assertRefused("PASSERELLE_ORGANISATION_OPENING_HOURS", "evenings", "organisation.openingHours");
    assertRefused("PASSERELLE_ORGANISATION_OPENING_HOURS", "mon 18:00-26:00", "organisation.openingHours");
    assertRefused("PASSERELLE_ORGANISATION_PHONE", "call us", "organisation.phone");
    assertRefused("PASSERELLE_ORGANISATION_NAME", "x".repeat(101), "organisation.name");
    assertRefused("PASSERELLE_ORGANISATION_EXIT_URL", "javascript:alert(1)", "organisation.exitUrl");
    assertRefused("PASSERELLE_ORGANISATION_EXIT_URL", "//elsewhere.example", "organisation.exitUrl");
    assertRefused("PASSERELLE_HTTP_ALLOWED_ORIGINS", "https://www.asso.example/page", "http.allowedOrigins");
    assertRefused("PASSERELLE_HTTP_ALLOWED_ORIGINS", "*", "http.allowedOrigins");
    assertRefused("PASSERELLE_HTTP_PUBLIC_URL", "chat.asso.example", "http.publicUrl");
    assertRefused("PASSERELLE_HTTP_PUBLIC_URL", "https://chat.asso.example/?x=1", "http.publicUrl");
  }

  private static void assertRefused(String variable, String value, String key) {
    assertThatThrownBy(() -> load(Map.of(variable, value))).as(variable + "=" + value)
        .isInstanceOf(ConfigException.class).hasMessageContaining(key).hasMessageContaining(variable);
  }

  private static PasserelleConfig load(Map<String, String> env) {
    return ConfigLoader.load(Optional.empty(), env);
  }
}
