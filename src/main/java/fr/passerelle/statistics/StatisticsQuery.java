package fr.passerelle.statistics;

import fr.passerelle.association.Departements;
import fr.passerelle.http.JsonBody;
import io.vertx.core.MultiMap;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query of {@code GET /api/v1/statistics}: months {@code from} to {@code to} (both {@code YYYY-MM}, included, at
 * most {@value #MAX_MONTHS} of them) and optional exact filters on the cell's département, language and campaign.
 * Any other, repeated or malformed parameter is an {@code invalid_field} naming it.
 */
public record StatisticsQuery(YearMonth from, YearMonth to, Optional<String> departement, Optional<String> language,
    Optional<String> campaign) {
  public static final int MAX_MONTHS = 120;
  private static final Set<String> NAMES = Set.of("from", "to", "departement", "language", "campaign");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
  private static final Pattern CAMPAIGN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public static StatisticsQuery parse(MultiMap params) {
    for (String name : params.names()) {
      if (!NAMES.contains(name)) {
        throw JsonBody.invalid(name, "is not a parameter of this query (from, to, departement, language, campaign)");
      }
    }
    YearMonth from = month(params, "from");
    YearMonth to = month(params, "to");
    if (to.isBefore(from)) {
      throw JsonBody.invalid("to", "must not be before from");
    }
    if (ChronoUnit.MONTHS.between(from, to) >= MAX_MONTHS) {
      throw JsonBody.invalid("to", "must be at most " + MAX_MONTHS + " months after from, from included");
    }
    Optional<String> departement = single(params, "departement");
    if (departement.filter(d -> !Departements.valid(d) && !CellKey.UNKNOWN.equals(d)).isPresent()) {
      throw JsonBody.invalid("departement", "must be a département code (01 to 95, 2A, 2B, 971 to 976) or unknown");
    }
    Optional<String> language = single(params, "language");
    if (language.filter(l -> !LANGUAGE.matcher(l).matches() && !CellKey.UNKNOWN.equals(l)).isPresent()) {
      throw JsonBody.invalid("language", "must be a language code such as fr or pt-br, other or unknown");
    }
    Optional<String> campaign = single(params, "campaign");
    if (campaign.filter(c -> !CAMPAIGN.matcher(c).matches()).isPresent()) {
      throw JsonBody.invalid("campaign", "must be a campaign code (1 to 64 characters among A-Z a-z 0-9 _ -)");
    }
    return new StatisticsQuery(from, to, departement, language, campaign);
  }

  /** Whether a cell passes the filters (the months are applied by the store). */
  public boolean matches(CellKey key) {
    return departement.map(key.departement()::equals).orElse(true)
        && language.map(key.language()::equals).orElse(true)
        && campaign.map(key.campaign()::equals).orElse(true);
  }

  private static YearMonth month(MultiMap params, String name) {
    String text = single(params, name).orElseThrow(() -> JsonBody.invalid(name, "is required (YYYY-MM)"));
    try {
      if (MONTH.matcher(text).matches()) {
        return YearMonth.parse(text);
      }
    } catch (DateTimeParseException e) {
      // Falls through to the same answer as any other malformed month.
    }
    throw JsonBody.invalid(name, "must be a month written YYYY-MM");
  }

  private static Optional<String> single(MultiMap params, String name) {
    List<String> values = params.getAll(name);
    if (values.size() > 1) {
      throw JsonBody.invalid(name, "must be given at most once");
    }
    if (values.size() == 1 && values.get(0).isEmpty()) {
      throw JsonBody.invalid(name, "must not be empty");
    }
    return values.stream().findFirst();
  }
}
