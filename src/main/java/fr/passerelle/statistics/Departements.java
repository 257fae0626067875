package fr.passerelle.statistics;

import java.util.regex.Pattern;

/**
 * French département codes: {@code 01} to {@code 95} (but not {@code 20}, split into {@code 2A} and {@code 2B} in
 * 1976), {@code 2A}, {@code 2B}, and the overseas {@code 971} to {@code 976}.
 */
public final class Departements {
  /** What a statistics cell says when the session came without a known campaign. */
  public static final String UNKNOWN = "unknown";
  private static final Pattern CODE = Pattern.compile("0[1-9]|1[0-9]|[3-8][0-9]|9[0-5]|2[1-9]|2A|2B|97[1-6]");

  private Departements() {}

  public static boolean valid(String code) {
    return code != null && CODE.matcher(code).matches();
  }
}
