package fr.passerelle.e2e;

import static fr.passerelle.e2e.FixedKeys.filled;

import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The letter known answers of docs/protocol.md 12.12: a message code, what it derives, a visitor's letter to two
 * workers and a worker's reply to the visitor and both workers, every random input fixed. {@link #authored()} holds the
 * Java file's inputs; {@link #fromFile} reads the inputs of either committed file back, so that every value is
 * recomputed from what the file says. Rewrite the Java file with
 * {@code mvn -o -B -q test -Dtest=LetterKnownAnswerTest -Dpasserelle.writeKnownAnswers=true}.
 */
final class LetterKnownAnswers {
  static final Path JAVA_FILE = Path.of("src", "test", "resources", "e2e", "letters-v1.json");
  static final Path JAVASCRIPT_FILE = Path.of("src", "test", "resources", "e2e", "letters-js-v1.json");
  private static final HexFormat HEX = HexFormat.of();

  /** A worker of the run: its identity private keys and its certificate. */
  record Worker(String id, byte[] identityDhPrivate, byte[] identitySigningSeed, byte[] certificate) {}

  /** One letter's inputs; {@code sender} is null for a visitor's letter. */
  record LetterInputs(String letterId, int kind, long at, String content, byte[] contentKey, List<byte[]> ephemerals,
      List<String> recipients, String sender) {}

  record Inputs(String orgId, byte[] rootSeed, List<Worker> workers, String codeAsTyped,
      List<LetterInputs> letters) {}

  private LetterKnownAnswers() {}

  /** The Java file's inputs. */
  static Inputs authored() {
    byte[] rootSeed = filled(0x01);
    Instant notBefore = Instant.ofEpochSecond(1_798_761_600L);
    List<Worker> workers = List.of(worker(rootSeed, "w-1", "Camille", 0x02, 0x03, notBefore),
        worker(rootSeed, "w-2", "Noor", 0x04, 0x05, notBefore));
    String codeAsTyped = "7k2m q9xa-4hvd-Lrwe-8ntO";
    byte[] replyPub = MessageCode.derive(codeAsTyped, "org-demo").replyPub();
    String visitorText = "Bonjour. Je voudrais parler à quelqu'un demain matin, s'il vous plaît. Merci 🙏";
    String workerText = "Bonjour, c'est Camille. Nous sommes là demain de 10 h à 18 h.\n"
        + "Vous pouvez écrire ici quand vous voulez : « on vous répondra ».";
    List<LetterInputs> letters = List.of(
        new LetterInputs("l-known-answer-1", Letter.FROM_VISITOR, 1_798_800_000L,
            new String(Content.letter(visitorText, replyPub, "fr"), StandardCharsets.UTF_8), filled(0x80),
            List.of(filled(0x81), filled(0x82)), List.of("w-1", "w-2"), null),
        new LetterInputs("l-known-answer-2", Letter.FROM_WORKER, 1_798_803_600L,
            new String(Content.letter(workerText, null, "fr"), StandardCharsets.UTF_8), filled(0x83),
            List.of(filled(0x84), filled(0x85), filled(0x86)), List.of(MessageCode.VISITOR, "w-1", "w-2"), "w-1"));
    return new Inputs("org-demo", rootSeed, workers, codeAsTyped, letters);
  }

  /** The inputs a committed file states; certificates are signed again from their own fields and the root seed. */
  static Inputs fromFile(JsonObject file) {
    byte[] rootSeed = hex(file, "rootSeed");
    List<Worker> workers = new ArrayList<>();
    JsonObject certificates = file.getJsonObject("certificates");
    for (String id : certificates.fieldNames()) {
      JsonObject w = certificates.getJsonObject(id);
      workers.add(new Worker(id, hex(w, "identityDhPrivate"), hex(w, "identitySigningSeed"),
          WorkerCertificate.parse(hex(w, "certificate")).sign(rootSeed)));
    }
    List<LetterInputs> letters = new ArrayList<>();
    for (Object item : file.getJsonArray("letters")) {
      JsonObject l = (JsonObject) item;
      letters.add(new LetterInputs(l.getString("letterId"), l.getInteger("kind"), l.getLong("at"),
          l.getString("content"), hex(l, "contentKey"),
          l.getJsonArray("ephemerals").stream().map(e -> HEX.parseHex((String) e)).toList(),
          l.getJsonArray("recipients").stream().map(String.class::cast).toList(), l.getString("sender")));
    }
    return new Inputs(file.getString("orgId"), rootSeed, workers, file.getString("codeAsTyped"), letters);
  }

  static JsonObject readFile(Path file) throws IOException {
    return new JsonObject(Files.readString(file));
  }

  /** The whole file as a JSON model, every letter sealed from {@code inputs}. */
  static Map<String, Object> generate(Inputs inputs) {
    MessageCode.Derived derived = MessageCode.derive(inputs.codeAsTyped(), inputs.orgId());
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("version", 1);
    file.put("orgId", inputs.orgId());
    file.put("rootSeed", HEX.formatHex(inputs.rootSeed()));
    file.put("rootPublicKey", HEX.formatHex(Ed25519.publicKey(inputs.rootSeed())));
    Map<String, Object> certificates = new LinkedHashMap<>();
    for (Worker worker : inputs.workers()) {
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("identityDhPrivate", HEX.formatHex(worker.identityDhPrivate()));
      member.put("identitySigningSeed", HEX.formatHex(worker.identitySigningSeed()));
      member.put("certificate", HEX.formatHex(worker.certificate()));
      certificates.put(worker.id(), member);
    }
    file.put("certificates", certificates);
    file.put("codeAsTyped", inputs.codeAsTyped());
    file.put("code", MessageCode.normalise(inputs.codeAsTyped()));
    file.put("displayedCode", MessageCode.display(inputs.codeAsTyped()));
    file.put("token", HEX.formatHex(derived.token()));
    file.put("replyKey", HEX.formatHex(derived.replyKey()));
    file.put("replyPub", HEX.formatHex(derived.replyPub()));
    file.put("mailboxId", derived.mailboxId());
    List<Object> letters = new ArrayList<>();
    for (LetterInputs letter : inputs.letters()) {
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("letterId", letter.letterId());
      member.put("kind", letter.kind());
      member.put("at", letter.at());
      member.put("content", letter.content());
      member.put("contentKey", HEX.formatHex(letter.contentKey()));
      member.put("ephemerals", letter.ephemerals().stream().map(HEX::formatHex).toList());
      member.put("recipients", letter.recipients());
      if (letter.sender() != null) {
        member.put("sender", letter.sender());
      }
      member.put("letter", HEX.formatHex(seal(inputs, derived, letter)));
      letters.add(member);
    }
    file.put("letters", letters);
    return file;
  }

  static void write() throws IOException {
    Files.writeString(JAVA_FILE, PrettyJson.write(generate(authored())));
  }

  /** The letter {@code letter} describes, sealed with its fixed content key and ephemerals. */
  static byte[] seal(Inputs inputs, MessageCode.Derived derived, LetterInputs letter) {
    List<Letter.Recipient> recipients = letter.recipients().stream()
        .map(id -> new Letter.Recipient(id, id.equals(MessageCode.VISITOR) ? derived.replyPub()
            : X25519.publicKey(worker(inputs, id).identityDhPrivate())))
        .toList();
    Letter.Address address = new Letter.Address(inputs.orgId(), derived.mailboxId(), letter.letterId());
    byte[] content = letter.content().getBytes(StandardCharsets.UTF_8);
    FixedKeys ephemerals = FixedKeys.of(letter.ephemerals());
    if (letter.kind() == Letter.FROM_VISITOR) {
      return Letter.sealFromVisitor(address, content, recipients, letter.contentKey().clone(), ephemerals);
    }
    Worker sender = worker(inputs, letter.sender());
    return Letter.sealFromWorker(keys(sender), sender.certificate(), address, content, recipients,
        letter.contentKey().clone(), ephemerals);
  }

  static Worker worker(Inputs inputs, String id) {
    return inputs.workers().stream().filter(w -> w.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no worker " + id + " in the file"));
  }

  // Copies of the input keys: the protocol code may wipe what it is given.
  static WorkerKeys keys(Worker worker) {
    byte[] dhPrivate = worker.identityDhPrivate().clone();
    byte[] signingSeed = worker.identitySigningSeed().clone();
    return new WorkerKeys(new X25519.KeyPair(dhPrivate, X25519.publicKey(dhPrivate)),
        new Ed25519.KeyPair(signingSeed, Ed25519.publicKey(signingSeed)));
  }

  private static Worker worker(byte[] rootSeed, String id, String pseudonym, int dh, int signing,
      Instant notBefore) {
    byte[] certificate = new WorkerCertificate("org-demo", id, pseudonym, X25519.publicKey(filled(dh)),
        Ed25519.publicKey(filled(signing)), notBefore, notBefore.plus(Duration.ofDays(30))).sign(rootSeed);
    return new Worker(id, filled(dh), filled(signing), certificate);
  }

  private static byte[] hex(JsonObject json, String field) {
    return HEX.parseHex(json.getString(field));
  }
}
