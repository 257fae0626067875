package fr.passerelle.config;

/** The whole configuration: one immutable record per subsystem. */
public record PasserelleConfig(
    HttpConfig http,
    LimitsConfig limits,
    RetentionConfig retention,
    RoutingConfig routing,
    AuthConfig auth,
    DemoConfig demo,
    BootstrapConfig bootstrap,
    OrganisationConfig organisation) {

  public static PasserelleConfig defaults() {
    return new PasserelleConfig(HttpConfig.defaults(), LimitsConfig.defaults(), RetentionConfig.defaults(),
        RoutingConfig.defaults(), AuthConfig.defaults(), DemoConfig.defaults(), BootstrapConfig.defaults(),
        OrganisationConfig.defaults());
  }
}
