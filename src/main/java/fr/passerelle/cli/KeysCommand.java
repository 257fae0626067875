package fr.passerelle.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

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
    return Subcommands.run("keys", USAGE, "init-organisation, show, rotate or sign-worker", Map.of(
        "init-organisation", options -> InitOrganisation.run(options, out, err, terminal),
        "show", options -> ShowKey.run(options, out),
        "rotate", options -> RotateOrganisation.run(options, out, err, terminal),
        "sign-worker", options -> SignWorker.run(options, out, err, clock, terminal)), args, out, err);
  }
}
