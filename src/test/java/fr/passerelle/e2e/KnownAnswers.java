package fr.passerelle.e2e;

import static fr.passerelle.e2e.FixedKeys.filled;

import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The known-answer runs of docs/protocol.md 12.11: their inputs, and the files they give. {@link #authored()} holds
 * the inputs of the file the Java side authors; {@link #fromFile} reads the inputs back from either committed file,
 * this side's or the one the JavaScript side authors, so that the tests recompute every value from what the file
 * says. Run with {@code -Dpasserelle.writeKnownAnswers=true} to rewrite the Java file (see {@link KnownAnswerTest}).
 */
final class KnownAnswers {
  static final Path JAVA_FILE = Path.of("src", "test", "resources", "e2e", "known-answers-v1.json");
  static final Path JAVASCRIPT_FILE = Path.of("src", "test", "resources", "e2e", "known-answers-js-v1.json");
  private static final HexFormat HEX = HexFormat.of();

  /** One step of the script: who does what to which message. */
  record Step(String action, int n) {}

  /** A message of the run and its content's JSON text. */
  record Message(int n, String from, String content) {}

  record Note(String recipientWorkerId, byte[] recipientPrivate, byte[] ephemeralPrivate, String content) {}

  record Referral(String associationId, int formVersion, String referralId, byte[] recipientPrivate,
      byte[] ephemeralPrivate, String content) {}

  record Inputs(String orgId, String conversationId, long now, byte[] rootSeed, byte[] workerIdentityDhPrivate,
      byte[] workerIdentitySigningSeed, byte[] certificate, byte[] visitorEphemeralPrivate, List<byte[]> workerKeys,
      List<byte[]> visitorKeys, List<Step> script, List<Message> messages, Note note, Referral referral) {}

  private KnownAnswers() {}

  /** The inputs as the protocol states them; the key lists are longer than the run draws. */
  static Inputs authored() {
    byte[] rootSeed = filled(0x01);
    byte[] dhPrivate = filled(0x02);
    byte[] signingSeed = filled(0x03);
    Instant notBefore = Instant.ofEpochSecond(1_798_761_600L);
    byte[] certificate = new WorkerCertificate("org-demo", "w-1", "Camille", X25519.publicKey(dhPrivate),
        Ed25519.publicKey(signingSeed), notBefore, notBefore.plus(Duration.ofDays(30))).sign(rootSeed);
    List<Step> script = new ArrayList<>();
    for (String step : ("W send 1, W send 2, W send 3, V recv 1, V recv 3, V recv 2, V send 4, V send 5, W recv 5, "
        + "W recv 4, W send 6, W send 7, V recv 6, V send 8, W recv 8, W send 9, V recv 9, V recv 7, V send 10, "
        + "W recv 10").split(", ")) {
      String[] parts = step.split(" ");
      script.add(new Step(parts[1], Integer.parseInt(parts[2])));
    }
    List<Message> messages = List.of(
        new Message(1, "worker", "{\"type\":\"hello\"}"),
        text(2, "worker", "Bonjour, je m'appelle Camille. Vous pouvez écrire dans votre langue."),
        text(3, "worker", "Bună ziua! Puteți scrie în română."),
        text(4, "visitor", "Bună ziua. Am nevoie de un loc unde să dorm în seara asta."),
        text(5, "visitor", "Sunt la Paris, lângă Gare du Nord."),
        text(6, "worker", "D'accord. Êtes-vous en sécurité en ce moment ?"),
        text(7, "worker", "Nous pouvons appeler le 115 ensemble, si vous voulez."),
        text(8, "visitor", "Da, sunt în siguranță. Mulțumesc."),
        text(9, "worker", "Très bien. Je cherche une place pour ce soir."),
        text(10, "visitor", "Merci beaucoup 🙏"));
    Note note = new Note("w-2", filled(0x40), filled(0x41), new String(Content.transferNote(
        "Visiteuse roumanophone, cherche un hébergement ce soir près de Gare du Nord ; 115 proposé.",
        Instant.parse("2027-01-02T10:00:00Z")), StandardCharsets.UTF_8));
    Referral referral = new Referral("assoc-demo", 1, "r-known-answer", filled(0x30), filled(0x31),
        "{\"departement\":\"75\",\"languages\":[\"ro\",\"fr\"],\"ageBand\":\"18-25\"}");
    return new Inputs("org-demo", "c-known-answer", 1_798_800_000L, rootSeed, dhPrivate, signingSeed, certificate,
        filled(0x10), FixedKeys.sequence(0x20, 16), FixedKeys.sequence(0x11, 15), script, messages, note, referral);
  }

  /**
   * The inputs a committed file states: its inputs, script, contents, note and referral parameters. The certificate
   * is signed again from its own fields and the root seed, so that its signature is recomputed too.
   */
  static Inputs fromFile(JsonObject file) {
    JsonObject in = file.getJsonObject("inputs");
    byte[] rootSeed = hex(in, "rootSeed");
    List<Step> script = new ArrayList<>();
    for (Object step : file.getJsonArray("script")) {
      JsonArray pair = (JsonArray) step;
      script.add(new Step(pair.getString(0), pair.getInteger(1)));
    }
    List<Message> messages = new ArrayList<>();
    for (Object message : file.getJsonArray("messages")) {
      JsonObject m = (JsonObject) message;
      messages.add(new Message(m.getInteger("n"), m.getString("from"), m.getString("content")));
    }
    JsonObject n = file.getJsonObject("transferNote");
    JsonObject r = file.getJsonObject("referral");
    return new Inputs(in.getString("orgId"), in.getString("conversationId"), in.getLong("now"), rootSeed,
        hex(in, "workerIdentityDhPrivate"), hex(in, "workerIdentitySigningSeed"),
        WorkerCertificate.parse(hex(in, "certificate")).sign(rootSeed), hex(in, "visitorEphemeralPrivate"),
        hexList(in.getJsonArray("workerKeys")), hexList(in.getJsonArray("visitorKeys")), script, messages,
        new Note(n.getString("recipientWorkerId"), hex(n, "recipientPrivate"), hex(n, "ephemeralPrivate"),
            n.getString("content")),
        new Referral(r.getString("associationId"), r.getInteger("formVersion"), r.getString("referralId"),
            hex(r, "recipientPrivate"), hex(r, "ephemeralPrivate"), r.getString("content")));
  }

  /** A committed file, parsed. */
  static JsonObject readFile(Path file) throws IOException {
    return new JsonObject(Files.readString(file));
  }

  /**
   * Runs the script on {@code inputs} and returns the whole file as a JSON model. Every message is decrypted by its
   * receiver at its step and must give its content back. With {@code delivered} (a committed file's messages),
   * receivers decrypt those bytes instead of the ones just sent, and each send must reproduce them.
   */
  static Map<String, Object> generate(Inputs inputs, Map<Integer, EncryptedMessage> delivered) {
    Run run = new Run(inputs, delivered);
    for (Step step : inputs.script()) {
      run.perform(step);
    }
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("version", 1);
    file.put("inputs", inputsMember(inputs, run));
    file.put("handshake", run.handshakeMember());
    file.put("script", inputs.script().stream().map(s -> List.of(s.action(), s.n())).toList());
    file.put("messages", run.messagesMember());
    file.put("transferNote", noteMember(inputs));
    file.put("referral", referralMember(inputs));
    return file;
  }

  /** The messages of a committed file, by number. */
  static Map<Integer, EncryptedMessage> messagesOf(JsonObject file) {
    Map<Integer, EncryptedMessage> messages = new HashMap<>();
    for (Object message : file.getJsonArray("messages")) {
      JsonObject m = (JsonObject) message;
      messages.put(m.getInteger("n"), new EncryptedMessage(hex(m, "header"), hex(m, "body")));
    }
    return messages;
  }

  /**
   * Writes the Java file from {@link #authored()}:
   * {@code mvn -o -B -q test -Dtest=KnownAnswerTest -Dpasserelle.writeKnownAnswers=true}.
   */
  static void write() throws IOException {
    Files.writeString(JAVA_FILE, PrettyJson.write(generate(authored(), Map.of())));
  }

  /** The two sessions of the run, driven step by step. */
  private static final class Run {
    private final Inputs inputs;
    private final Map<Integer, EncryptedMessage> delivered;
    private final Map<Integer, EncryptedMessage> sent = new HashMap<>();
    private final FixedKeys workerSource;
    private final FixedKeys visitorSource;
    private final byte[] rootPublic;
    private final X25519.KeyPair visitorEphemeral;
    private RatchetSession worker;
    private RatchetSession visitor;

    Run(Inputs inputs, Map<Integer, EncryptedMessage> delivered) {
      this.inputs = inputs;
      this.delivered = delivered;
      this.workerSource = FixedKeys.of(inputs.workerKeys());
      this.visitorSource = FixedKeys.of(inputs.visitorKeys());
      this.rootPublic = Ed25519.publicKey(inputs.rootSeed());
      byte[] visitorPrivate = inputs.visitorEphemeralPrivate().clone();
      this.visitorEphemeral = new X25519.KeyPair(visitorPrivate, X25519.publicKey(visitorPrivate));
    }

    void perform(Step step) {
      Message message = inputs.messages().get(step.n() - 1);
      if (message.n() != step.n()) {
        throw new AssertionError("messages must be listed in number order");
      }
      byte[] content = message.content().getBytes(StandardCharsets.UTF_8);
      boolean fromWorker = message.from().equals("worker");
      switch (step.action()) {
        case "send" -> send(step.n(), fromWorker, content);
        case "recv" -> receive(step.n(), fromWorker, content);
        default -> throw new AssertionError("unknown action " + step.action());
      }
    }

    private void send(int n, boolean fromWorker, byte[] content) {
      EncryptedMessage message;
      if (n == 1) {
        Handshake.Initiated initiated = Handshake.initiate(workerKeys(inputs), inputs.certificate(), inputs.orgId(),
            rootPublic, inputs.conversationId(), visitorEphemeral.publicKey(), content, workerSource);
        worker = initiated.session();
        message = new EncryptedMessage(initiated.header(), initiated.body());
      } else {
        message = (fromWorker ? worker : visitor).encrypt(content);
      }
      EncryptedMessage expected = delivered.get(n);
      if (expected != null && (!Arrays.equals(expected.header(), message.header())
          || !Arrays.equals(expected.body(), message.body()))) {
        throw new AssertionError("message " + n + " differs from the file");
      }
      sent.put(n, message);
    }

    private void receive(int n, boolean fromWorker, byte[] content) {
      EncryptedMessage message = delivered.getOrDefault(n, sent.get(n));
      byte[] opened;
      if (n == 1) {
        Handshake.Accepted accepted = Handshake.accept(visitorEphemeral, rootPublic, inputs.orgId(),
            inputs.conversationId(), Instant.ofEpochSecond(inputs.now()), message.header(), message.body(),
            visitorSource);
        visitor = accepted.session();
        opened = accepted.content();
      } else {
        opened = (fromWorker ? visitor : worker).decrypt(message.header(), message.body());
      }
      if (!Arrays.equals(opened, content)) {
        throw new AssertionError("message " + n + " does not decrypt to its content");
      }
    }

    Map<String, Object> handshakeMember() {
      byte[] th = worker.transcriptHash();
      if (!Arrays.equals(th, visitor.transcriptHash())) {
        throw new AssertionError("the two sides computed different transcript hashes");
      }
      byte[] workerEphemeral = workerSource.drawn().get(0);
      byte[] visitorPrivate = inputs.visitorEphemeralPrivate();
      byte[] visitorPublic = X25519.publicKey(visitorPrivate);
      byte[] sharedSecret = Handshake.sharedSecret(th, X25519.agree(inputs.workerIdentityDhPrivate(), visitorPublic),
          X25519.agree(workerEphemeral, visitorPublic));
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("visitorEphemeralPublic", HEX.formatHex(visitorPublic));
      member.put("workerEphemeralPublic", HEX.formatHex(X25519.publicKey(workerEphemeral)));
      member.put("transcriptHash", HEX.formatHex(th));
      member.put("sharedSecret", HEX.formatHex(sharedSecret));
      member.put("safetyCode", visitor.safetyCode());
      return member;
    }

    List<Object> messagesMember() {
      List<Object> messages = new ArrayList<>();
      for (Message m : inputs.messages()) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("n", m.n());
        member.put("from", m.from());
        member.put("content", m.content());
        member.put("header", HEX.formatHex(sent.get(m.n()).header()));
        member.put("body", HEX.formatHex(sent.get(m.n()).body()));
        messages.add(member);
      }
      return messages;
    }
  }

  private static Map<String, Object> inputsMember(Inputs inputs, Run run) {
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("orgId", inputs.orgId());
    member.put("conversationId", inputs.conversationId());
    member.put("now", inputs.now());
    member.put("rootSeed", HEX.formatHex(inputs.rootSeed()));
    member.put("workerIdentityDhPrivate", HEX.formatHex(inputs.workerIdentityDhPrivate()));
    member.put("workerIdentitySigningSeed", HEX.formatHex(inputs.workerIdentitySigningSeed()));
    member.put("certificate", HEX.formatHex(inputs.certificate()));
    member.put("visitorEphemeralPrivate", HEX.formatHex(inputs.visitorEphemeralPrivate()));
    member.put("workerKeys", run.workerSource.drawn().stream().map(HEX::formatHex).toList());
    member.put("visitorKeys", run.visitorSource.drawn().stream().map(HEX::formatHex).toList());
    return member;
  }

  private static Map<String, Object> noteMember(Inputs inputs) {
    Note note = inputs.note();
    byte[] content = note.content().getBytes(StandardCharsets.UTF_8);
    byte[] sealed = TransferNote.seal(workerKeys(inputs), inputs.certificate(), inputs.orgId(),
        note.recipientWorkerId(), X25519.publicKey(note.recipientPrivate()), content,
        FixedKeys.of(List.of(note.ephemeralPrivate())));
    TransferNote.Opened opened = TransferNote.open(note.recipientPrivate(), inputs.orgId(), note.recipientWorkerId(),
        Ed25519.publicKey(inputs.rootSeed()), Instant.ofEpochSecond(inputs.now()), sealed);
    if (!Arrays.equals(opened.content(), content)) {
      throw new AssertionError("the transfer note does not open to its content");
    }
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("recipientWorkerId", note.recipientWorkerId());
    member.put("recipientPrivate", HEX.formatHex(note.recipientPrivate()));
    member.put("ephemeralPrivate", HEX.formatHex(note.ephemeralPrivate()));
    member.put("content", note.content());
    member.put("note", HEX.formatHex(sealed));
    return member;
  }

  private static Map<String, Object> referralMember(Inputs inputs) {
    Referral referral = inputs.referral();
    byte[] content = referral.content().getBytes(StandardCharsets.UTF_8);
    byte[] sealed = SealedReferral.seal(X25519.publicKey(referral.recipientPrivate()), referral.associationId(),
        referral.formVersion(), referral.referralId(), content, FixedKeys.of(List.of(referral.ephemeralPrivate())));
    byte[] opened = SealedReferral.open(referral.recipientPrivate(), referral.associationId(), referral.formVersion(),
        referral.referralId(), sealed);
    if (!Arrays.equals(opened, content)) {
      throw new AssertionError("the referral does not open to its content");
    }
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("associationId", referral.associationId());
    member.put("formVersion", referral.formVersion());
    member.put("referralId", referral.referralId());
    member.put("recipientPrivate", HEX.formatHex(referral.recipientPrivate()));
    member.put("ephemeralPrivate", HEX.formatHex(referral.ephemeralPrivate()));
    member.put("content", referral.content());
    member.put("sealed", HEX.formatHex(sealed));
    return member;
  }

  // Copies of the input keys: the protocol code may wipe what it is given.
  private static WorkerKeys workerKeys(Inputs inputs) {
    byte[] dhPrivate = inputs.workerIdentityDhPrivate().clone();
    byte[] signingSeed = inputs.workerIdentitySigningSeed().clone();
    return new WorkerKeys(new X25519.KeyPair(dhPrivate, X25519.publicKey(dhPrivate)),
        new Ed25519.KeyPair(signingSeed, Ed25519.publicKey(signingSeed)));
  }

  private static Message text(int n, String from, String text) {
    return new Message(n, from, new String(Content.text(text), StandardCharsets.UTF_8));
  }

  private static byte[] hex(JsonObject json, String field) {
    return HEX.parseHex(json.getString(field));
  }

  private static List<byte[]> hexList(JsonArray array) {
    return array.stream().map(v -> HEX.parseHex((String) v)).toList();
  }
}
