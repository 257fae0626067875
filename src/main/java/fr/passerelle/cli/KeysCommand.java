package fr.passerelle.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;

/** {@code java -jar passerelle.jar keys ...}: the admin's offline tool for the organisation root key. */
public final class KeysCommand {
  static final String USAGE = String.join("\n",
      "usage: passerelle keys <command> [options]",
      "  init-organisation --org-id ID --out FILE [--passphrase-file FILE | --ask-passphrase]",
      "  show --key FILE",
      "  rotate --key FILE [--passphrase-file FILE] --out NEW_FILE",
      "         [--new-passphrase-file FILE | --ask-new-passphrase]",
      "  sign-worker --key FILE [--passphrase-file FILE] --worker-id ID --pseudonym NAME",
      "              --dh-key BASE64URL --signing-key BASE64URL [--days N (1-90, default 30)]",
      "              [--not-before INSTANT, like 2027-01-01T00:00:00Z; default now]",
      "The passphrase of an encrypted key file is asked on the terminal unless --passphrase-file is given.",
      "Exit codes: 0 done, 1 failed, 2 bad command line. See docs/operations.md.");

  private KeysCommand() {}

  /** Runs one subcommand; returns 0 on success, 1 on failure, 2 on a bad command line. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Clock.systemUTC(), Terminal.system());
  }

  static int run(String[] args, PrintStream out, PrintStream err, Clock clock, Terminal terminal) {
    if (args.length == 0) {
      err.println(USAGE);
      return CliException.USAGE;
    }
    String[] options = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args[0]) {
        case "init-organisation" -> InitOrganisation.run(options, out, err, terminal);
        case "show" -> ShowKey.run(options, out);
        case "rotate" -> RotateOrganisation.run(options, out, err, terminal);
        case "sign-worker" -> SignWorker.run(options, out, err, clock, terminal);
        case "help", "--help", "-h" -> out.println(USAGE);
        default -> {
          err.println("passerelle keys: unknown command; expected init-organisation, show, rotate or sign-worker");
          err.println(USAGE);
          return CliException.USAGE;
        }
      }
      return 0;
    } catch (CliException e) {
      err.println("passerelle keys " + args[0] + ": " + e.getMessage());
      if (e.exitCode() == CliException.USAGE) {
        err.println(USAGE);
      }
      return e.exitCode();
    } catch (RuntimeException e) {
      // Only the type: a message from a library might quote input, and input may be a key.
      err.println("passerelle keys " + args[0] + ": failed: " + e.getClass().getSimpleName());
      return CliException.FAILURE;
    }
  }
}
