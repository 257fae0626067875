package fr.passerelle.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads settings from {@code PASSERELLE_*} environment variables. Unknown names are refused so that a typo does
 * not silently leave a default in place.
 */
final class EnvSettings {

  private EnvSettings() {}

  static Map<Setting, Object> read(Map<String, String> env) {
    checkNoUnknownNames(env);
    Map<Setting, Object> values = new LinkedHashMap<>();
    for (Setting setting : Setting.all()) {
      List<String> given = new ArrayList<>();
      Optional<String> raw = Optional.empty();
      for (String name : spellings(setting)) {
        if (env.containsKey(name)) {
          given.add(name);
          raw = Optional.of(name.endsWith("_FILE") && setting.fileEnv().orElse("").equals(name)
              ? ConfigLoader.readSecretFile(name, env.get(name))
              : env.get(name));
        }
      }
      if (given.size() > 1) {
        throw new ConfigException(setting.label() + " is set more than once: " + String.join(", ", given)
            + "; set only one");
      }
      raw.ifPresent(text -> values.put(setting, SettingParser.parse(setting, text)));
    }
    return values;
  }

  /** Every name that sets this setting: the full name, its short aliases and, for a secret, the _FILE form. */
  private static List<String> spellings(Setting setting) {
    List<String> names = new ArrayList<>();
    names.add(setting.env());
    ConfigLoader.ALIASES.forEach((alias, full) -> {
      if (full.equals(setting.env())) {
        names.add(alias);
      }
    });
    setting.fileEnv().ifPresent(names::add);
    return names;
  }

  static TreeSet<String> knownNames() {
    TreeSet<String> known = new TreeSet<>();
    Setting.all().forEach(s -> known.addAll(spellings(s)));
    known.add(ConfigLoader.CONFIG_FILE_ENV);
    return known;
  }

  private static void checkNoUnknownNames(Map<String, String> env) {
    TreeSet<String> known = knownNames();
    for (String name : new TreeSet<>(env.keySet())) {
      if (name.startsWith(Setting.ENV_PREFIX) && !known.contains(name)) {
        String nearest = known.stream().min(Comparator.comparingInt(k -> distance(k, name))).orElseThrow();
        String hint = distance(nearest, name) <= 3 ? "; did you mean " + nearest + "?" : "";
        throw new ConfigException("unknown environment variable " + name + hint
            + " (every setting is listed in docs/configuration.md)");
      }
    }
  }

  /** Levenshtein distance, only to suggest the setting a typo meant. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      previous = current;
    }
    return previous[b.length()];
  }
}
