package fr.passerelle.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One setting: a component of a section record, known by its YAML key and its environment variable. */
record Setting(String section, RecordComponent component) {

  static final String ENV_PREFIX = "PASSERELLE_";

  /** Every setting, in declaration order, read from the records so that a new component needs no loader change. */
  static List<Setting> all() {
    List<Setting> settings = new ArrayList<>();
    for (RecordComponent section : PasserelleConfig.class.getRecordComponents()) {
      for (RecordComponent component : section.getType().getRecordComponents()) {
        settings.add(new Setting(section.getName(), component));
      }
    }
    return settings;
  }

  static Setting of(String section, String name) {
    return all().stream()
        .filter(s -> s.section.equals(section) && s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(section + "." + name));
  }

  String name() {
    return component.getName();
  }

  // RecordComponent has identity equality and getRecordComponents() returns fresh copies: compare by key.
  @Override
  public boolean equals(Object other) {
    return other instanceof Setting setting && setting.key().equals(key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  String key() {
    return section + "." + name();
  }

  String env() {
    return ENV_PREFIX + upperSnake(section) + "_" + upperSnake(name());
  }

  /** Both spellings, as every error message shows them. */
  String label() {
    return key() + " (" + env() + ")";
  }

  /** Secrets may also be read from a file (container secrets) and are never echoed in messages. */
  boolean secret() {
    String lower = name().toLowerCase(Locale.ROOT);
    return lower.endsWith("pem") || lower.endsWith("password");
  }

  Optional<String> fileEnv() {
    return secret() ? Optional.of(env() + "_FILE") : Optional.empty();
  }

  boolean isPort() {
    return name().equals("port") || name().endsWith("Port");
  }

  Class<?> type() {
    return component.getType();
  }

  /** The element type of an {@code Optional<T>} component, else the component type itself. */
  Class<?> valueType() {
    Type generic = component.getGenericType();
    if (type() == Optional.class && generic instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return type();
  }

  static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
