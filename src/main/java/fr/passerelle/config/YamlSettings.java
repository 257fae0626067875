package fr.passerelle.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads settings from a YAML file: sections at the top level, camelCase setting names below. */
final class YamlSettings {

  private YamlSettings() {}

  static Map<Setting, Object> read(Path file) {
    Object root = parse(file);
    Map<Setting, Object> values = new LinkedHashMap<>();
    if (root == null) {
      return values; // an empty file changes nothing
    }
    List<Setting> all = Setting.all();
    for (Map.Entry<?, ?> section : asMap(file, root, "the top level").entrySet()) {
      String sectionName = String.valueOf(section.getKey());
      List<Setting> inSection = all.stream().filter(s -> s.section().equals(sectionName)).toList();
      if (inSection.isEmpty()) {
        throw new ConfigException(file.getFileName() + ": unknown section \"" + sectionName + "\"; known: "
            + all.stream().map(Setting::section).distinct().collect(Collectors.joining(", ")));
      }
      if (section.getValue() == null) {
        continue;
      }
      for (Map.Entry<?, ?> entry : asMap(file, section.getValue(), sectionName).entrySet()) {
        Setting setting = inSection.stream()
            .filter(s -> s.name().equals(String.valueOf(entry.getKey())))
            .findFirst()
            .orElseThrow(() -> new ConfigException(file.getFileName() + ": unknown setting \"" + sectionName + "."
                + entry.getKey() + "\"; known in " + sectionName + ": "
                + inSection.stream().map(Setting::name).collect(Collectors.joining(", "))));
        values.put(setting, scalar(setting, entry.getValue()));
      }
    }
    return values;
  }

  private static Object parse(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (Reader reader = Files.newBufferedReader(file)) {
      return new Yaml(new SafeConstructor(options)).load(reader);
    } catch (MarkedYAMLException e) {
      // Only the position: the snippet snakeyaml quotes could be a line holding a key or a password.
      var mark = e.getProblemMark();
      throw new ConfigException(file.getFileName() + ": malformed YAML at line " + (mark.getLine() + 1)
          + ", column " + (mark.getColumn() + 1) + ": " + e.getProblem());
    } catch (YAMLException e) {
      throw new ConfigException(file.getFileName() + ": malformed YAML");
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getClass().getSimpleName());
    }
  }

  private static Map<?, ?> asMap(Path file, Object node, String where) {
    if (node instanceof Map<?, ?> map) {
      return map;
    }
    throw new ConfigException(file.getFileName() + ": " + where + " must be a mapping of names to values");
  }

  private static Object scalar(Setting setting, Object value) {
    if (value == null) {
      return SettingParser.parse(setting, "");
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return SettingParser.parse(setting, String.valueOf(value));
    }
    throw SettingParser.invalid(setting, value);
  }
}
