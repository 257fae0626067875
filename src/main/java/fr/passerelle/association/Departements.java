package fr.passerelle.association;

import java.util.Set;
import java.util.TreeSet;

/**
 * The département codes an association may cover: {@code 01}–{@code 95} (two digits, without {@code 20}, which
 * became {@code 2A} and {@code 2B}), {@code 2A}, {@code 2B}, and the overseas codes {@code 971}–{@code 976}.
 * {@code 975} is Saint-Pierre-et-Miquelon, an overseas collectivité rather than a département; it is accepted as
 * issue 5 asks, because it has the INSEE code and its own services. docs/api.md lists the same codes. Campaign codes
 * (statistics) use the same list.
 */
public final class Departements {
  /** Every accepted code, in order. */
  public static final Set<String> CODES = codes();

  private Departements() {}

  /** Whether {@code code} is an accepted département code, spelt exactly (upper-case {@code A} and {@code B}). */
  public static boolean valid(String code) {
    return code != null && CODES.contains(code);
  }

  private static Set<String> codes() {
    Set<String> codes = new TreeSet<>();
    for (int n = 1; n <= 95; n++) {
      if (n != 20) {
        codes.add(String.format("%02d", n));
      }
    }
    codes.add("2A");
    codes.add("2B");
    for (int n = 971; n <= 976; n++) {
      codes.add(Integer.toString(n));
    }
    return Set.copyOf(codes);
  }
}
