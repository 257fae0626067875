package fr.passerelle.config;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link PasserelleConfig}: defaults, then an optional YAML file, then {@code PASSERELLE_*} environment
 * variables, then validation. Works over the record components, so a new setting needs no change here.
 */
public final class ConfigLoader {
  /** Names the YAML file to read; the only {@code PASSERELLE_*} variable that is not a setting. */
  public static final String CONFIG_FILE_ENV = "PASSERELLE_CONFIG";
  /** Short spellings the deployment guide promises, mapped to the full variable names. */
  static final Map<String, String> ALIASES = Map.of("PASSERELLE_MANAGEMENT_PORT", "PASSERELLE_HTTP_MANAGEMENT_PORT");

  private ConfigLoader() {}

  /** Loads from the file named by {@value #CONFIG_FILE_ENV}, if any, and the given environment. */
  public static PasserelleConfig load(Map<String, String> env) {
    return load(Optional.ofNullable(env.get(CONFIG_FILE_ENV)).filter(s -> !s.isBlank()).map(Path::of), env);
  }

  public static PasserelleConfig load(Optional<Path> yamlFile, Map<String, String> env) {
    Map<Setting, Object> values = defaults();
    yamlFile.ifPresent(file -> YamlSettings.read(file).forEach(values::put));
    EnvSettings.read(env).forEach(values::put);
    PasserelleConfig config = build(values);
    ConfigValidator.validate(config);
    return config;
  }

  private static Map<Setting, Object> defaults() {
    PasserelleConfig defaults = PasserelleConfig.defaults();
    Map<Setting, Object> values = new LinkedHashMap<>();
    for (Setting setting : Setting.all()) {
      values.put(setting, read(read(defaults, section(setting)), setting.component()));
    }
    return values;
  }

  static Object valueOf(PasserelleConfig config, Setting setting) {
    return read(read(config, section(setting)), setting.component());
  }

  private static PasserelleConfig build(Map<Setting, Object> values) {
    RecordComponent[] sections = PasserelleConfig.class.getRecordComponents();
    Object[] built = new Object[sections.length];
    for (int i = 0; i < sections.length; i++) {
      String name = sections[i].getName();
      List<Object> args = values.entrySet().stream()
          .filter(e -> e.getKey().section().equals(name))
          .map(Map.Entry::getValue)
          .toList();
      built[i] = construct(sections[i].getType(), args.toArray());
    }
    return (PasserelleConfig) construct(PasserelleConfig.class, built);
  }

  private static RecordComponent section(Setting setting) {
    for (RecordComponent section : PasserelleConfig.class.getRecordComponents()) {
      if (section.getName().equals(setting.section())) {
        return section;
      }
    }
    throw new IllegalArgumentException(setting.section());
  }

  private static Object read(Object record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object construct(Class<?> recordType, Object[] args) {
    Class<?>[] types = Arrays.stream(recordType.getRecordComponents())
        .map(RecordComponent::getType)
        .toArray(Class<?>[]::new);
    try {
      return recordType.getDeclaredConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      throw new ConfigException(recordType.getSimpleName() + ": " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static String readSecretFile(String variable, String file) {
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(variable + " names a file that cannot be read: " + file);
    }
  }
}
