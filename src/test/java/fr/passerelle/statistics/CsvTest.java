package fr.passerelle.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 rows, safe to open in a spreadsheet. */
class CsvTest {

  @Test
  void plainFieldsAreWrittenAsTheyAreAndRowsEndWithCrLf() {
    assertThat(Csv.row(List.of("2026-03", "2A", "pt-br", "Réunion 974"))).isEqualTo("2026-03,2A,pt-br,Réunion 974\r\n");
  }

  @Test
  void fieldsWithACommaQuoteOrLineBreakAreQuotedAndQuotesDoubled() {
    assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.field("")).isEmpty();
  }

  @Test
  void aFieldThatAFormulaCouldStartIsPrefixed() {
    assertThat(Csv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Csv.field("+33")).isEqualTo("'+33");
    assertThat(Csv.field("-1")).isEqualTo("'-1");
    assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.field("\tx")).isEqualTo("'\tx");
    assertThat(Csv.field("a=b")).isEqualTo("a=b");
  }
}
