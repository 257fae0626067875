package fr.passerelle.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar passerelle.jar intake ...}: the intake officer's tool for the association's key, run on their own
 * machine, and the association's inbox of referrals from there (docs/operations.md, "Association keys").
 */
public final class IntakeCommand {
  static final String USAGE = String.join("\n",
      "usage: passerelle intake <command> [options]",
      "  keygen --out FILE [--passphrase-file FILE | --ask-passphrase]",
      "  show --key FILE",
      "  list --server URL --username NAME --password-file FILE",
      "  fetch --id ID --key FILE [--passphrase-file FILE | --ask-passphrase] [--out FILE] + the login options",
      "  ack | accept | decline --id ID + the login options",
      "keygen makes the association's key pair and prints the public key and fingerprint to give the admin.",
      "list shows your association's referrals; fetch opens one with the key file and prints the form (or writes it",
      "to a new file); ack acknowledges it (the server then deletes its copy); accept or decline answer it after.",
      "Exit codes: 0 done, 1 failed, 2 bad command line. See docs/operations.md.");

  private IntakeCommand() {}

  /** Runs one subcommand; returns 0 on success, 1 on failure, 2 on a bad command line. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Terminal.system());
  }

  static int run(String[] args, PrintStream out, PrintStream err, Terminal terminal) {
    return Subcommands.run("intake", USAGE, "keygen, show, list, fetch, ack, accept or decline", Map.of(
        "keygen", options -> IntakeKeygen.run(options, out, err, terminal),
        "show", options -> IntakeKeygen.print(AssociationKeyFile.read(Options.parse(options,
            Set.of("--key")).path("--key")).publicKey(), out),
        "list", options -> IntakeReferrals.list(options, out),
        "fetch", options -> IntakeReferrals.fetch(options, out, err, terminal),
        "ack", options -> IntakeReferrals.change(options, "acknowledge", out),
        "accept", options -> IntakeReferrals.change(options, "accept", out),
        "decline", options -> IntakeReferrals.change(options, "decline", out)), args, out, err);
  }
}
