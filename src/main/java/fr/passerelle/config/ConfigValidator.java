package fr.passerelle.config;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.service.OpeningHours;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a loaded configuration: ranges per type of setting, then the rules that tie settings together. */
final class ConfigValidator {
  /** The same minimum the admin API asks of staff passwords. */
  private static final int MIN_PASSWORD = 12;
  private static final Pattern ORGANISATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern PHONE = Pattern.compile("[0-9+() .-]{2,32}");
  private static final int MAX_NAME = 100;
  /** A letter's body is read into memory whole: larger ones have no use in a chat and would only cost memory. */
  private static final int MAX_LETTER_BYTES = 16 * 1024 * 1024;
  /** A referral form is a few hundred bytes; a mebibyte of ciphertext is far beyond any honest one. */
  private static final int MAX_REFERRAL_BYTES = 1024 * 1024;

  private ConfigValidator() {}

  static void validate(PasserelleConfig config) {
    for (Setting setting : Setting.all()) {
      checkRange(setting, ConfigLoader.valueOf(config, setting));
    }
    HttpConfig http = config.http();
    if (http.port() != 0 && http.port() == http.managementPort()) {
      throw new ConfigException(Setting.of("http", "managementPort").label() + " must differ from "
          + Setting.of("http", "port").label() + ", both are " + http.port());
    }
    AuthConfig auth = config.auth();
    if (auth.jwtPrivateKeyPem().isPresent() != auth.jwtPublicKeyPem().isPresent()) {
      throw new ConfigException(Setting.of("auth", "jwtPrivateKeyPem").label() + " and "
          + Setting.of("auth", "jwtPublicKeyPem").label() + " go together: set both or neither");
    }
    if (config.demo().password().filter(p -> p.length() < MIN_PASSWORD).isPresent()) {
      throw new ConfigException(Setting.of("demo", "password").label() + " must have at least " + MIN_PASSWORD
          + " characters");
    }
    BootstrapConfig bootstrap = config.bootstrap();
    if (bootstrap.adminUsername().isPresent() != bootstrap.adminPassword().isPresent()) {
      throw new ConfigException(Setting.of("bootstrap", "adminUsername").label() + " and "
          + Setting.of("bootstrap", "adminPassword").label() + " go together: set both or neither");
    }
    if (bootstrap.adminPassword().filter(p -> p.length() < MIN_PASSWORD).isPresent()) {
      throw new ConfigException(Setting.of("bootstrap", "adminPassword").label() + " must have at least "
          + MIN_PASSWORD + " characters");
    }
    OrganisationConfig organisation = config.organisation();
    if (!ORGANISATION_ID.matcher(organisation.id()).matches()) {
      throw new ConfigException(Setting.of("organisation", "id").label()
          + " must be 1 to 64 characters of A-Z a-z 0-9 . _ -, got \"" + organisation.id() + "\"");
    }
    organisation.rootPublicKey().ifPresent(ConfigValidator::checkRootPublicKey);
    if (!config.demo().enabled() && organisation.rootPublicKey().isEmpty()) {
      throw new ConfigException(Setting.of("organisation", "rootPublicKey").label()
          + " is required when demo mode is off: it verifies the worker certificates (see docs/operations.md)");
    }
    checkVisitorFacing(organisation);
    checkExitUrl(organisation);
    checkWidgetAddresses(http);
    RetentionConfig retention = config.retention();
    if (retention.resumeGrace().compareTo(retention.session()) > 0) {
      throw new ConfigException(Setting.of("retention", "resumeGrace").label() + " must not be longer than "
          + Setting.of("retention", "session").label() + ", got " + retention.resumeGrace() + " > "
          + retention.session());
    }
    if (config.limits().letterBytes() > MAX_LETTER_BYTES) {
      throw new ConfigException(Setting.of("limits", "letterBytes").label() + " must be at most " + MAX_LETTER_BYTES
          + " (16 MiB), got " + config.limits().letterBytes());
    }
    if (config.limits().referralBytes() > MAX_REFERRAL_BYTES) {
      throw new ConfigException(Setting.of("limits", "referralBytes").label() + " must be at most "
          + MAX_REFERRAL_BYTES + " (1 MiB), got " + config.limits().referralBytes());
    }
    if (retention.referralWarning().compareTo(retention.referral()) >= 0) {
      throw new ConfigException(Setting.of("retention", "referralWarning").label() + " must be shorter than "
          + Setting.of("retention", "referral").label() + ", got " + retention.referralWarning() + " >= "
          + retention.referral());
    }
  }

  /** What visitors are shown: a name of reasonable length, a time zone Java knows, hours that parse, a phone number. */
  private static void checkVisitorFacing(OrganisationConfig organisation) {
    if (organisation.name().strip().length() > MAX_NAME) {
      throw new ConfigException(Setting.of("organisation", "name").label() + " must have at most " + MAX_NAME
          + " characters");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(organisation.timeZone());
    } catch (DateTimeException e) {
      throw new ConfigException(Setting.of("organisation", "timeZone").label()
          + " must be a time zone such as Europe/Paris, got \"" + organisation.timeZone() + "\"");
    }
    try {
      OpeningHours.parse(organisation.openingHours(), zone);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(Setting.of("organisation", "openingHours").label()
          + " must look like \"mon-fri 18:00-23:00, sat 14:00-20:00\": " + e.getMessage());
    }
    if (organisation.phone().filter(p -> !PHONE.matcher(p).matches()).isPresent()) {
      throw new ConfigException(Setting.of("organisation", "phone").label()
          + " must be a phone number of digits, spaces and + ( ) . -, got \"" + organisation.phone().get() + "\"");
    }
  }

  /** The quick exit leaves for an http(s) address, or a path of the embedding site. */
  private static void checkExitUrl(OrganisationConfig organisation) {
    organisation.exitUrl().ifPresent(url -> {
      URI uri = uri(url);
      boolean path = uri != null && uri.getScheme() == null && uri.getRawAuthority() == null && url.startsWith("/")
          && !url.startsWith("//");
      if (uri == null || !path && !isHttp(uri)) {
        throw new ConfigException(Setting.of("organisation", "exitUrl").label()
            + " must be an http or https address, or a path starting with /, got \"" + url + "\"");
      }
    });
  }

  /** The embedding sites are bare origins; the public URL is an absolute http(s) address without query. */
  private static void checkWidgetAddresses(HttpConfig http) {
    for (String origin : http.allowedOriginList()) {
      URI uri = uri(origin);
      if (uri == null || !isHttp(uri) || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
          || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new ConfigException(Setting.of("http", "allowedOrigins").label()
            + " must be comma-separated origins such as https://www.example.org, got \"" + origin + "\"");
      }
    }
    http.publicUrl().ifPresent(url -> {
      URI uri = uri(url);
      if (uri == null || !isHttp(uri) || uri.getRawQuery() != null || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        throw new ConfigException(Setting.of("http", "publicUrl").label()
            + " must be an absolute http or https address such as https://chat.example.org, got \"" + url + "\"");
      }
    });
  }

  private static URI uri(String text) {
    try {
      return new URI(text.strip());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static boolean isHttp(URI uri) {
    return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
  }

  /** The organisation root public key: unpadded base64url of 32 bytes that Ed25519 verification accepts. */
  static byte[] rootPublicKey(String text) {
    byte[] key = Base64Url.decode(text).orElse(new byte[0]);
    if (!Ed25519.isValidPublicKey(key)) {
      throw new ConfigException(Setting.of("organisation", "rootPublicKey").label()
          + " must be an Ed25519 public key: unpadded base64url of 32 bytes, as `keys show` prints it");
    }
    return key;
  }

  private static void checkRootPublicKey(String text) {
    rootPublicKey(text);
  }

  private static void checkRange(Setting setting, Object value) {
    boolean valid;
    if (value instanceof Integer number) {
      valid = setting.isPort() ? number >= 0 && number <= 65_535 : number > 0;
    } else if (value instanceof Duration duration) {
      valid = !duration.isNegative() && !duration.isZero();
    } else if (value instanceof String text) {
      valid = !text.isBlank();
    } else if (value instanceof Optional<?> optional) {
      valid = optional.map(v -> !String.valueOf(v).isBlank()).orElse(true);
    } else {
      valid = true;
    }
    if (!valid) {
      throw SettingParser.invalid(setting, value);
    }
  }
}
