package fr.passerelle.staff;

import java.util.Arrays;
import java.util.Optional;

/** What a staff account may do. */
public enum Role {
  WORKER, SUPERVISOR, INTAKE, ADMIN;

  public String wire() {
    return name().toLowerCase();
  }

  public static Optional<Role> fromWire(String value) {
    return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst();
  }
}
