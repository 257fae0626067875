package fr.passerelle.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counts from 1 to 4 are never shown, in JSON or CSV; 0, 5 and above are. */
class SuppressionTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 3);

  private static StatisticsReport report(long sessions) {
    StatisticsQuery query = StatisticsQuery.parse(MultiMap.caseInsensitiveMultiMap().add("from", "2026-03")
        .add("to", "2026-03"));
    Cell cell = new Cell(new CellKey(MONTH, "75", "fr", "ads-75"),
        sessions == 0 ? Map.of(Measure.LETTERS, 7L) : Map.of(Measure.SESSIONS_STARTED, sessions, Measure.LETTERS, 7L));
    return new StatisticsReport(query, List.of(cell), List.of(new Campaign("ads-75", "Paris", "75")));
  }

  private static JsonObject cell(long sessions) {
    return report(sessions).json().getJsonArray("cells").getJsonObject(0);
  }

  private static String csvSessions(long sessions) {
    String row = report(sessions).csv().split("\r\n")[1];
    return row.split(",")[5];
  }

  @Test
  void zeroIsShown() {
    assertThat(Suppression.suppressed(0)).isFalse();
    assertThat(cell(0).getJsonObject("counts").getValue("sessionsStarted")).isEqualTo(0L);
    assertThat(cell(0).getJsonArray("suppressed").getList()).isEmpty();
    assertThat(csvSessions(0)).isEqualTo("0");
  }

  @Test
  void fourIsSuppressed() {
    assertThat(Suppression.suppressed(4)).isTrue();
    assertThat(Suppression.suppressed(1)).isTrue();
    JsonObject counts = cell(4).getJsonObject("counts");
    assertThat(counts.containsKey("sessionsStarted")).isTrue();
    assertThat(counts.getValue("sessionsStarted")).isNull();
    assertThat(cell(4).getJsonArray("suppressed").getList()).containsExactly("sessionsStarted");
    assertThat(cell(4).encode()).doesNotContain(":4");
    assertThat(csvSessions(4)).isEqualTo("<5");
  }

  @Test
  void fiveIsShown() {
    assertThat(Suppression.suppressed(5)).isFalse();
    assertThat(cell(5).getJsonObject("counts").getLong("sessionsStarted")).isEqualTo(5L);
    assertThat(cell(5).getJsonArray("suppressed").getList()).isEmpty();
    assertThat(csvSessions(5)).isEqualTo("5");
  }

  @Test
  void sixIsShown() {
    assertThat(cell(6).getJsonObject("counts").getLong("sessionsStarted")).isEqualTo(6L);
    assertThat(csvSessions(6)).isEqualTo("6");
  }

  @Test
  void aReportCarriesNoTotalThatWouldRevealASuppressedCell() {
    JsonObject json = report(4).json();
    assertThat(json.fieldNames()).containsExactlyInAnyOrder("from", "to", "threshold", "measures", "cells");
    assertThat(json.getJsonArray("cells").getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("month",
        "departement", "language", "campaign", "campaignLabel", "counts", "suppressed");
    assertThat(report(4).csv().split("\r\n")).hasSize(2);
  }
}
