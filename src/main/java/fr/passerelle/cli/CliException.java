package fr.passerelle.cli;

/** A refusal of a {@code keys} command, carrying its exit code and a message safe to print. */
final class CliException extends RuntimeException {
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private final int exitCode;

  private CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** A mistake in the command line: an option missing, malformed or out of range (exit 2). */
  static CliException usage(String message) {
    return new CliException(USAGE, message);
  }

  /** The command was well formed but could not be carried out (exit 1). */
  static CliException failure(String message) {
    return new CliException(FAILURE, message);
  }

  int exitCode() {
    return exitCode;
  }
}
