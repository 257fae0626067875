package fr.passerelle.cli;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.e2e.AssociationKeyFingerprint;
import fr.passerelle.e2e.SealedReferral;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code intake list|fetch|ack|accept|decline}: the association's inbox from the intake officer's machine. The
 * server sends only ciphertext; {@code fetch} opens it here with the association key file whose key id the referral
 * names, and prints the form (or writes it to a new file).
 */
final class IntakeReferrals {
  private static final Set<String> LOGIN = Set.of("--server", "--username", "--password-file");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final String INBOX = "/api/v1/intake/referrals";

  private IntakeReferrals() {}

  static void list(String[] args, PrintStream out) {
    Options options = Options.parse(args, LOGIN);
    JsonObject inbox = login(options).get(INBOX, "list the referrals");
    out.println("Association: " + inbox.getString("association"));
    var referrals = inbox.getJsonArray("referrals");
    if (referrals.isEmpty()) {
      out.println("No referrals.");
    }
    for (Object item : referrals) {
      JsonObject r = (JsonObject) item;
      out.println(String.join("  ", r.getString("id"), r.getString("status"), "sent " + r.getString("created"),
          "expires " + r.getString("expiresAt"), "key " + r.getString("keyId")));
    }
  }

  static void fetch(String[] args, PrintStream out, PrintStream err, Terminal terminal) {
    Options options = Options.parse(args, with("--id", "--key", "--passphrase-file", "--out"),
        Set.of("--ask-passphrase"));
    if (options.has("--ask-passphrase") && options.has("--passphrase-file")) {
      throw CliException.usage("give --passphrase-file or --ask-passphrase, not both");
    }
    String id = id(options);
    Path keyPath = options.path("--key");
    AssociationKeyFile keyFile = AssociationKeyFile.read(keyPath);
    Optional<Path> target = options.optionalPath("--out");
    target.ifPresent(KeyFileWriter::requireAbsent);
    JsonObject sealed = login(options).get(INBOX + "/" + id, "fetch the referral");
    String form = open(sealed, keyFile, keyPath, options.optionalPath("--passphrase-file"), terminal);
    if (target.isPresent()) {
      byte[] content = form.getBytes(StandardCharsets.UTF_8);
      try {
        KeyFileWriter.write(target.get(), content, err);
      } finally {
        Bytes.wipe(content);
      }
      out.println("Referral " + id + " written to " + target.get() + ". Acknowledge it once it is safely recorded: "
          + "the server then deletes its copy.");
    } else {
      out.print(form);
    }
  }

  /** The form inside {@code sealed}, as pretty JSON, or a clear refusal. */
  static String open(JsonObject sealed, AssociationKeyFile keyFile, Path keyPath, Optional<Path> passphraseFile,
      Terminal terminal) {
    String keyId = sealed.getString("keyId");
    if (!AssociationKeyFingerprint.of(keyFile.publicKey()).keyId().equals(keyId)) {
      throw CliException.failure("this referral was sealed to key " + keyId + ", not to the key in " + keyPath);
    }
    byte[] ciphertext = Base64Url.decode(String.valueOf(sealed.getValue("sealed")))
        .orElseThrow(IntakeReferrals::altered);
    byte[] privateKey = keyFile.privateKey(passphraseFile, terminal);
    byte[] form = null;
    try {
      form = SealedReferral.open(privateKey, sealed.getString("association"), sealed.getInteger("formVersion", 1),
          sealed.getString("id"), ciphertext);
      return new JsonObject(new String(form, StandardCharsets.UTF_8)).encodePrettily() + "\n";
    } catch (CryptoException | DecodeException | ClassCastException e) {
      throw altered();
    } finally {
      Bytes.wipe(privateKey);
      if (form != null) {
        Bytes.wipe(form);
      }
    }
  }

  private static CliException altered() {
    return CliException.failure("the referral does not open: altered or not for this association");
  }

  /** {@code ack}, {@code accept} or {@code decline}: {@code action} is the path's last segment. */
  static void change(String[] args, String action, PrintStream out) {
    Options options = Options.parse(args, with("--id"));
    String id = id(options);
    JsonObject status = login(options).post(INBOX + "/" + id + "/" + action, action + " the referral");
    out.println("Referral " + status.getString("id") + ": " + status.getString("status"));
  }

  private static IntakeServer login(Options options) {
    return IntakeServer.login(options.required("--server"), options.text("--username"),
        options.path("--password-file"));
  }

  private static String id(Options options) {
    String id = options.required("--id");
    if (!ID.matcher(id).matches()) {
      throw CliException.usage("--id must be 1 to 64 characters among A-Z a-z 0-9 _ -");
    }
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private static Set<String> with(String... more) {
    Set<String> all = new HashSet<>(LOGIN);
    all.addAll(Set.of(more));
    return Set.copyOf(all);
  }
}
