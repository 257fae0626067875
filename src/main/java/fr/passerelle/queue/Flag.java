package fr.passerelle.queue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** A worker's flag on a conversation: raises its priority and requires a worker with the matching skill. */
public enum Flag {
  POSSIBLE_MINOR("possible-minor", 1),
  DANGER("danger", 2);

  private final String wire;
  private final int priority;

  Flag(String wire, int priority) {
    this.wire = wire;
    this.priority = priority;
  }

  public String wire() {
    return wire;
  }

  /** The skill a worker needs to take a flagged visitor has the flag's name. */
  public String skill() {
    return wire;
  }

  public static Optional<Flag> fromWire(String value) {
    return Arrays.stream(values()).filter(f -> f.wire.equals(value)).findFirst();
  }

  public static int priorityOf(Set<Flag> flags) {
    return flags.stream().mapToInt(f -> f.priority).max().orElse(0);
  }
}
