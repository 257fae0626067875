package fr.passerelle.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * What every command family ({@code keys}, {@code intake}) does around its subcommands, in one place: the usage
 * when none is named or on {@code help}, the exit codes (0 done, 1 failed, 2 bad command line), and the error
 * policy: a {@link CliException} prints its message, anything else only its type, because a library's message might
 * quote input, and input may be a key.
 */
final class Subcommands {
  /** One subcommand's work on the options after its name. */
  interface Subcommand {
    void run(String[] options);
  }

  private Subcommands() {}

  /**
   * Runs {@code args[0]} of family {@code family} ("passerelle {@code family}") among {@code commands};
   * {@code expected} names them in the message for an unknown one.
   */
  static int run(String family, String usage, String expected, Map<String, Subcommand> commands, String[] args,
      PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(usage);
      return CliException.USAGE;
    }
    String name = args[0];
    if (Arrays.asList("help", "--help", "-h").contains(name)) {
      out.println(usage);
      return 0;
    }
    Subcommand command = commands.get(name);
    if (command == null) {
      err.println("passerelle " + family + ": unknown command; expected " + expected);
      err.println(usage);
      return CliException.USAGE;
    }
    try {
      command.run(Arrays.copyOfRange(args, 1, args.length));
      return 0;
    } catch (CliException e) {
      err.println("passerelle " + family + " " + name + ": " + e.getMessage());
      if (e.exitCode() == CliException.USAGE) {
        err.println(usage);
      }
      return e.exitCode();
    } catch (RuntimeException e) {
      err.println("passerelle " + family + " " + name + ": failed: " + e.getClass().getSimpleName());
      return CliException.FAILURE;
    }
  }
}
