package fr.passerelle.statistics;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 writes it (CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled), made
 * safe to open in a spreadsheet: a field that starts with {@code = + - @}, a tab or a carriage return is prefixed
 * with an apostrophe so it is never taken for a formula.
 */
public final class Csv {
  private Csv() {}

  public static String row(List<String> fields) {
    return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
  }

  static String field(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}
