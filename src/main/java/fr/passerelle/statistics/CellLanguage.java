package fr.passerelle.statistics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The language a cell counts under: the visitor's tag when it is an ISO 639-1 language, alone or with an ISO 3166
 * region ({@code fr}, {@code pt-br}); {@value #OTHER} for any other well-formed tag, so that made-up codes cannot
 * create rows; {@value Departements#UNKNOWN} when none was given.
 */
public final class CellLanguage {
  public static final String OTHER = "other";
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Set<String> REGIONS = Arrays.stream(Locale.getISOCountries())
      .map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

  private CellLanguage() {}

  public static String of(String tag) {
    String[] parts = tag.toLowerCase(Locale.ROOT).split("-");
    boolean known = LANGUAGES.contains(parts[0])
        && (parts.length == 1 || (parts.length == 2 && REGIONS.contains(parts[1])));
    return known ? String.join("-", parts) : OTHER;
  }
}
