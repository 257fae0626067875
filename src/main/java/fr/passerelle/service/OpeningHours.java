package fr.passerelle.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When someone is there to answer: weekly slots in the organisation's time zone. A slot whose end is not after its
 * start runs past midnight into the next day ({@code fri 20:00-02:00}); {@code 24:00} (or {@code 00:00}) ends a slot
 * at midnight.
 */
public record OpeningHours(ZoneId zone, List<Slot> slots) {
  /** The most slots a week may have: far more than any rota needs, few enough to keep answers small. */
  public static final int MAX_SLOTS = 70;
  private static final int DAY_MINUTES = 24 * 60;
  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");
  private static final Pattern RANGE = Pattern.compile("(\\S+)-(\\S+)");

  /** One slot: a day, and minutes since midnight ({@code to} may be 1440, 24:00). */
  public record Slot(DayOfWeek day, int from, int to) {
    public Slot {
      if (to == 0) {
        to = DAY_MINUTES; // "20:00-00:00" ends at midnight
      }
      if (from < 0 || from >= DAY_MINUTES || to <= 0 || to > DAY_MINUTES || from == to) {
        throw new IllegalArgumentException("a slot must start before 24:00 and not end when it starts");
      }
    }

    /** The slot's start and end on {@code date}, which must be one of its days. */
    Instant[] on(LocalDate date, ZoneId zone) {
      LocalDate endDate = to > from && to < DAY_MINUTES ? date : date.plusDays(1);
      return new Instant[] {at(date, from, zone), at(endDate, to % DAY_MINUTES, zone)};
    }

    private static Instant at(LocalDate date, int minutes, ZoneId zone) {
      return ZonedDateTime.of(date, LocalTime.of(minutes / 60, minutes % 60), zone).toInstant();
    }
  }

  public OpeningHours {
    if (slots.size() > MAX_SLOTS) {
      throw new IllegalArgumentException("at most " + MAX_SLOTS + " slots");
    }
    slots = slots.stream().sorted(Comparator.comparing(Slot::day).thenComparing(Slot::from)).toList();
  }

  /**
   * Parses the configuration form: comma-separated groups of a day ({@code mon} … {@code sun}) or a range of days
   * ({@code mon-fri}, {@code fri-mon}), then one or more {@code HH:MM-HH:MM}; {@code mon-fri 18:00-23:00, sat
   * 14:00-20:00}.
   */
  public static OpeningHours parse(String text, ZoneId zone) {
    List<Slot> slots = new ArrayList<>();
    for (String group : text.split(",")) {
      String[] words = group.strip().split("\\s+");
      if (words.length < 2) {
        throw new IllegalArgumentException("\"" + group.strip() + "\" needs days and at least one HH:MM-HH:MM");
      }
      List<DayOfWeek> days = days(words[0]);
      for (int i = 1; i < words.length; i++) {
        Matcher range = RANGE.matcher(words[i]);
        if (!range.matches()) {
          throw new IllegalArgumentException("\"" + words[i] + "\" is not HH:MM-HH:MM");
        }
        int from = minutes(range.group(1));
        int to = minutes(range.group(2));
        days.forEach(day -> slots.add(new Slot(day, from, to)));
      }
    }
    return new OpeningHours(zone, slots);
  }

  /** {@code HH:MM} as minutes since midnight, 00:00 to 24:00. */
  public static int minutes(String text) {
    Matcher m = TIME.matcher(text);
    int minutes = m.matches() ? Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)) : -1;
    if (minutes < 0 || minutes > DAY_MINUTES) {
      throw new IllegalArgumentException("\"" + text + "\" is not a time from 00:00 to 24:00");
    }
    return minutes;
  }

  /** Minutes since midnight as {@code HH:MM}. */
  public static String time(int minutes) {
    return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
  }

  /** A day by its English name or its first three letters, in any case. */
  public static DayOfWeek day(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      String name = day.name().toLowerCase(Locale.ROOT);
      if (lower.equals(name) || lower.equals(name.substring(0, 3))) {
        return day;
      }
    }
    throw new IllegalArgumentException("\"" + text + "\" is not a day (mon, tue, wed, thu, fri, sat, sun)");
  }

  private static List<DayOfWeek> days(String text) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      return List.of(day(text));
    }
    DayOfWeek first = day(text.substring(0, dash));
    DayOfWeek last = day(text.substring(dash + 1));
    List<DayOfWeek> days = new ArrayList<>();
    for (DayOfWeek d = first; ; d = d.plus(1)) {
      days.add(d);
      if (d == last) {
        return days;
      }
    }
  }

  /** Whether a slot holds {@code now}. */
  public boolean isOpen(Instant now) {
    return occurrences(now).stream().anyMatch(o -> !o[0].isAfter(now) && now.isBefore(o[1]));
  }

  /** When the next slot starts, if the service is closed now and has any slot at all. */
  public Optional<Instant> nextOpening(Instant now) {
    if (isOpen(now)) {
      return Optional.empty();
    }
    return occurrences(now).stream().map(o -> o[0]).filter(start -> start.isAfter(now)).min(Comparator.naturalOrder());
  }

  // Every slot that starts from the day before today to a week after, in the organisation's zone.
  private List<Instant[]> occurrences(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    List<Instant[]> found = new ArrayList<>();
    for (int offset = -1; offset <= 8; offset++) {
      LocalDate date = today.plusDays(offset);
      for (Slot slot : slots) {
        if (slot.day() == date.getDayOfWeek()) {
          found.add(slot.on(date, zone));
        }
      }
    }
    return found;
  }
}
