package fr.passerelle.cli;

import java.io.Console;
import java.util.Optional;

/** The admin's terminal, if the tool runs in one: where a passphrase is typed without being echoed. */
interface Terminal {
  /** What the admin typed after {@code prompt}, without echo; empty when there is no terminal. */
  Optional<char[]> readPassword(String prompt);

  /** The process's console; none when input or output is redirected. */
  static Terminal system() {
    return prompt -> {
      Console console = System.console();
      return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
    };
  }
}
