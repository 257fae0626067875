package fr.passerelle.statistics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The published form of the cells a query selected, after suppression: as JSON for the API and the dashboard, as
 * CSV for download. Both hold the same cells and no totals (see {@link Suppression}).
 */
public final class StatisticsReport {
  /** What the CSV shows in place of a suppressed count. */
  public static final String SUPPRESSED = "<" + Suppression.THRESHOLD;
  private static final List<String> KEY_COLUMNS = List.of("month", "departement", "language", "campaign",
      "campaignLabel");

  private final StatisticsQuery query;
  private final List<Cell> cells;
  private final Map<String, Campaign> campaigns;

  public StatisticsReport(StatisticsQuery query, List<Cell> cells, List<Campaign> campaigns) {
    this.query = query;
    this.cells = cells.stream().filter(c -> query.matches(c.key())).toList();
    this.campaigns = campaigns.stream().collect(Collectors.toMap(Campaign::code, Function.identity()));
  }

  public JsonObject json() {
    JsonArray rows = new JsonArray();
    for (Cell cell : cells) {
      JsonObject counts = new JsonObject();
      JsonArray suppressed = new JsonArray();
      for (Measure measure : Measure.values()) {
        long count = cell.count(measure);
        counts.put(measure.wire(), Suppression.publish(count));
        if (Suppression.suppressed(count)) {
          suppressed.add(measure.wire());
        }
      }
      CellKey key = cell.key();
      rows.add(new JsonObject().put("month", key.month().toString()).put("departement", key.departement())
          .put("language", key.language()).put("campaign", key.campaign())
          .put("campaignLabel", label(key).orElse(null)).put("counts", counts).put("suppressed", suppressed));
    }
    return new JsonObject().put("from", query.from().toString()).put("to", query.to().toString())
        .put("threshold", Suppression.THRESHOLD)
        .put("measures", new JsonArray(Arrays.stream(Measure.values()).map(Measure::wire).toList()))
        .put("cells", rows);
  }

  /** A header row, then one row per cell; a suppressed count reads {@value #SUPPRESSED}. */
  public String csv() {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(KEY_COLUMNS);
    Arrays.stream(Measure.values()).map(Measure::wire).forEach(header::add);
    out.append(Csv.row(header));
    for (Cell cell : cells) {
      CellKey key = cell.key();
      List<String> row = new ArrayList<>(List.of(key.month().toString(), key.departement(), key.language(),
          key.campaign(), label(key).orElse("")));
      for (Measure measure : Measure.values()) {
        long count = cell.count(measure);
        row.add(Suppression.suppressed(count) ? SUPPRESSED : Long.toString(count));
      }
      out.append(Csv.row(row));
    }
    return out.toString();
  }

  private Optional<String> label(CellKey key) {
    return Optional.ofNullable(campaigns.get(key.campaign())).map(Campaign::label);
  }
}
