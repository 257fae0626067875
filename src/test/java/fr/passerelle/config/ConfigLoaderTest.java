package fr.passerelle.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String ROOT_KEY = Base64Url.encode(Ed25519.generate(new SecureRandom()).publicKey());

  @TempDir
  Path dir;

  private Path yaml(String text) throws IOException {
    return Files.writeString(dir.resolve("passerelle.yaml"), text);
  }

  @Test
  void nothingConfiguredGivesTheDefaults() {
    assertThat(ConfigLoader.load(Optional.empty(), Map.of())).isEqualTo(PasserelleConfig.defaults());
  }

  @Test
  void yamlOverridesDefaultsAndEnvironmentOverridesYaml() throws IOException {
    Path file = yaml("""
        http: {port: 8081, managementPort: 9191}
        limits:
          maxFrameBytes: 32768
        retention: {session: 2d, resumeGrace: PT30S}
        routing: {mode: pull, offerTimeout: 250ms}
        """);
    PasserelleConfig config = ConfigLoader.load(Optional.of(file), Map.of("PASSERELLE_HTTP_PORT", "8082"));

    assertThat(config.http().port()).isEqualTo(8082);
    assertThat(config.http().managementPort()).isEqualTo(9191);
    assertThat(config.limits().maxFrameBytes()).isEqualTo(32_768);
    assertThat(config.limits().maxBodyBytes()).isEqualTo(LimitsConfig.defaults().maxBodyBytes());
    assertThat(config.retention().session()).isEqualTo(Duration.ofDays(2));
    assertThat(config.retention().resumeGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.routing().mode()).isEqualTo(RoutingMode.PULL);
    assertThat(config.routing().offerTimeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void everyKindOfSettingIsReadFromTheEnvironment() {
    PasserelleConfig config = ConfigLoader.load(Optional.empty(), Map.of(
        "PASSERELLE_HTTP_MANAGEMENT_PORT", "9999",
        "PASSERELLE_LIMITS_MAX_FRAME_BYTES", "1024",
        "PASSERELLE_ROUTING_MODE", "Push",
        "PASSERELLE_RETENTION_SESSION", "2d",
        "PASSERELLE_AUTH_ACCESS_TOKEN_TTL", "12h",
        "PASSERELLE_DEMO_ENABLED", "false",
        "PASSERELLE_ORGANISATION_ID", "asso.lyon_1",
        "PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", ROOT_KEY,
        "PASSERELLE_DEMO_PASSWORD", "correct horse"));

    assertThat(config.http().managementPort()).isEqualTo(9999);
    assertThat(config.limits().maxFrameBytes()).isEqualTo(1024);
    assertThat(config.routing().mode()).isEqualTo(RoutingMode.PUSH);
    assertThat(config.retention().session()).isEqualTo(Duration.ofDays(2));
    assertThat(config.auth().accessTokenTtl()).isEqualTo(Duration.ofHours(12));
    assertThat(config.demo().enabled()).isFalse();
    assertThat(config.demo().password()).contains("correct horse");
    assertThat(config.organisation().id()).isEqualTo("asso.lyon_1");
    assertThat(config.organisation().rootPublicKeyBytes()).hasValueSatisfying(k -> assertThat(k).hasSize(32));
  }

  @Test
  void outsideDemoModeTheRootPublicKeyIsRequired() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_DEMO_ENABLED", "false")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY");
  }

  @Test
  void aRootPublicKeyThatIsNotAnEd25519KeyIsRefused() {
    String smallOrder = Base64Url.encode(new byte[32]);
    for (String bad : new String[] {"not a key", ROOT_KEY + "A", ROOT_KEY.substring(1), ROOT_KEY + "=", smallOrder}) {
      assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
          Map.of("PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", bad)))
          .as(bad).isInstanceOf(ConfigException.class)
          .hasMessageContaining("PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY");
    }
  }

  @Test
  void theOrganisationIdIsShortAndPlain() {
    for (String bad : new String[] {"asso lyon", "a".repeat(65), "asso/lyon", "é"}) {
      assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_ORGANISATION_ID", bad)))
          .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("PASSERELLE_ORGANISATION_ID");
    }
    assertThat(ConfigLoader.load(Optional.empty(), Map.of()).organisation().id()).isEqualTo("org-demo");
  }

  @Test
  void shortManagementPortAliasIsAccepted() {
    PasserelleConfig config = ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_MANAGEMENT_PORT", "9191"));
    assertThat(config.http().managementPort()).isEqualTo(9191);
  }

  @Test
  void aReferralLimitBeyondOneMebibyteAndAWarningNoShorterThanTheRetentionAreRefused() {
    assertThat(ConfigLoader.load(Optional.empty(), Map.of()).limits().referralBytes()).isEqualTo(16_384);
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_LIMITS_REFERRAL_BYTES",
        "1048577"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("limits.referralBytes (PASSERELLE_LIMITS_REFERRAL_BYTES) must be at most 1048576");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_RETENTION_REFERRAL", "3d")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("retention.referralWarning");
    assertThat(ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_RETENTION_REFERRAL", "10d",
        "PASSERELLE_RETENTION_REFERRAL_WARNING", "1d")).retention().referral()).hasDays(10);
  }

  @Test
  void aLetterLimitBeyondSixteenMebibytesIsRefused() {
    assertThat(ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_LIMITS_LETTER_BYTES", "16777216")).limits()
        .letterBytes()).isEqualTo(16_777_216);
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_LIMITS_LETTER_BYTES",
        "16777217"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("limits.letterBytes (PASSERELLE_LIMITS_LETTER_BYTES) must be at most 16777216");
  }

  @Test
  void aliasAndFullNameTogetherAreRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
        Map.of("PASSERELLE_MANAGEMENT_PORT", "9191", "PASSERELLE_HTTP_MANAGEMENT_PORT", "9192")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.managementPort (PASSERELLE_HTTP_MANAGEMENT_PORT) is set more than once");
  }

  @Test
  void pemKeysAreReadFromFiles() throws IOException {
    String key = "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----";
    String publicKey = "-----BEGIN PUBLIC KEY-----\ndef\n-----END PUBLIC KEY-----";
    Path pem = Files.writeString(dir.resolve("key.pem"), key + "\n");
    Path publicPem = Files.writeString(dir.resolve("public.pem"), publicKey + "\n");
    PasserelleConfig config = ConfigLoader.load(Optional.empty(), Map.of(
        "PASSERELLE_AUTH_JWT_PRIVATE_KEY_PEM_FILE", pem.toString(),
        "PASSERELLE_AUTH_JWT_PUBLIC_KEY_PEM_FILE", publicPem.toString()));
    assertThat(config.auth().jwtPrivateKeyPem()).contains(key);
    assertThat(config.auth().jwtPublicKeyPem()).contains(publicKey);
  }

  @Test
  void halfAKeyPairIsRefusedNamingBothSettings() throws IOException {
    Path pem = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
        Map.of("PASSERELLE_AUTH_JWT_PRIVATE_KEY_PEM_FILE", pem.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PASSERELLE_AUTH_JWT_PRIVATE_KEY_PEM")
        .hasMessageContaining("PASSERELLE_AUTH_JWT_PUBLIC_KEY_PEM");
  }

  @Test
  void aShortDemoPasswordIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_DEMO_PASSWORD", "abc")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("PASSERELLE_DEMO_PASSWORD")
        .hasMessageNotContaining("abc");
  }

  @Test
  void unreadableKeyFileIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
        Map.of("PASSERELLE_AUTH_JWT_PUBLIC_KEY_PEM_FILE", dir.resolve("missing.pem").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PASSERELLE_AUTH_JWT_PUBLIC_KEY_PEM_FILE");
  }

  @Test
  void badPortNamesTheSettingInBothSpellings() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_HTTP_PORT", "abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("http.port (PASSERELLE_HTTP_PORT) must be between 0 and 65535, got \"abc\"");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_HTTP_PORT", "70000")))
        .hasMessage("http.port (PASSERELLE_HTTP_PORT) must be between 0 and 65535, got \"70000\"");
  }

  @Test
  void portZeroIsAllowedForBothPorts() {
    PasserelleConfig config = ConfigLoader.load(Optional.empty(),
        Map.of("PASSERELLE_HTTP_PORT", "0", "PASSERELLE_HTTP_MANAGEMENT_PORT", "0"));
    assertThat(config.http().port()).isZero();
    assertThat(config.http().managementPort()).isZero();
  }

  @Test
  void publicAndManagementPortMustDiffer() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_MANAGEMENT_PORT", "8080")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.managementPort (PASSERELLE_HTTP_MANAGEMENT_PORT) must differ from http.port");
  }

  @Test
  void sizesAndDurationsMustBePositive() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_LIMITS_MAX_FRAME_BYTES", "0")))
        .hasMessage("limits.maxFrameBytes (PASSERELLE_LIMITS_MAX_FRAME_BYTES) must be a positive integer, got \"0\"");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_ROUTING_OFFER_TIMEOUT", "0s")))
        .hasMessageStartingWith("routing.offerTimeout (PASSERELLE_ROUTING_OFFER_TIMEOUT) must be a positive duration");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_ROUTING_OFFER_TIMEOUT", "30")))
        .hasMessageContaining("got \"30\"");
  }

  @Test
  void unknownEnumValueListsTheChoices() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_ROUTING_MODE", "random")))
        .hasMessage("routing.mode (PASSERELLE_ROUTING_MODE) must be one of pull|push|both, got \"random\"");
  }

  @Test
  void resumeGraceMayNotOutliveTheSession() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
        Map.of("PASSERELLE_RETENTION_SESSION", "5m", "PASSERELLE_RETENTION_RESUME_GRACE", "10m")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("retention.resumeGrace (PASSERELLE_RETENTION_RESUME_GRACE)")
        .hasMessageContaining("retention.session (PASSERELLE_RETENTION_SESSION)");
  }

  @Test
  void misspelledEnvironmentVariableIsRefusedWithASuggestion() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PASSERELLE_HTTP_PROT", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown environment variable PASSERELLE_HTTP_PROT")
        .hasMessageContaining("did you mean PASSERELLE_HTTP_PORT?");
  }

  @Test
  void otherEnvironmentVariablesAndTheConfigFileVariableAreIgnored() {
    PasserelleConfig config = ConfigLoader.load(Optional.empty(),
        Map.of("PATH", "/bin", "PASSERELLE_CONFIG", "unused-here", "HOME", "/root"));
    assertThat(config).isEqualTo(PasserelleConfig.defaults());
  }

  @Test
  void configFileIsFoundThroughTheEnvironment() throws IOException {
    Path file = yaml("demo: {enabled: false}\norganisation: {id: asso-yaml, rootPublicKey: " + ROOT_KEY + "}\n");
    PasserelleConfig config = ConfigLoader.load(Map.of("PASSERELLE_CONFIG", file.toString()));
    assertThat(config.demo().enabled()).isFalse();
    assertThat(config.organisation().id()).isEqualTo("asso-yaml");
    assertThat(config.organisation().rootPublicKey()).contains(ROOT_KEY);
  }

  @Test
  void unknownYamlKeysAreNamed() throws IOException {
    Path badKey = yaml("http: {prot: 8081}\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(badKey), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting \"http.prot\"");
    Path badSection = yaml("htp: {port: 8081}\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(badSection), Map.of()))
        .hasMessageContaining("unknown section \"htp\"");
  }

  @Test
  void badYamlValueNamesTheSetting() throws IOException {
    Path file = yaml("limits: {maxFrameBytes: lots}\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .hasMessage(
            "limits.maxFrameBytes (PASSERELLE_LIMITS_MAX_FRAME_BYTES) must be a positive integer, got \"lots\"");
  }

  @Test
  void malformedYamlNamesTheFileButQuotesNoContent() throws IOException {
    Path file = yaml("demo:\n  password: \"s3cret\n  enabled: [\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("passerelle.yaml: malformed YAML")
        .message().doesNotContain("s3cret");
  }

  @Test
  void secretsAreNeverEchoedInErrors() throws IOException {
    Path file = yaml("demo: {password: [not, a, scalar]}\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .hasMessageContaining("demo.password (PASSERELLE_DEMO_PASSWORD)")
        .message().doesNotContain("scalar");
  }

  @Test
  void emptyYamlFileChangesNothing() throws IOException {
    assertThat(ConfigLoader.load(Optional.of(yaml("")), Map.of())).isEqualTo(PasserelleConfig.defaults());
  }
}
