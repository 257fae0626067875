package fr.passerelle.bench;

import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.Content;
import fr.passerelle.e2e.EncryptedMessage;
import fr.passerelle.e2e.Handshake;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.RatchetSession;
import fr.passerelle.e2e.WorkerKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH microbenchmarks of the Double Ratchet, run by {@link RatchetBenchmark}. One operation is one message: one
 * session encrypts a content of {@code size} bytes and its peer decrypts it. {@link #sameDirection} keeps the worker
 * sending, so each message only steps the symmetric chains; {@link #alternating} swaps sender and receiver at every
 * message, so each one also costs a DH ratchet step (a fresh key pair and two X25519 agreements on each side).
 */
@State(Scope.Thread)
public class RatchetMessages {
  @Param({"256", "4096"})
  public int size;

  private RatchetSession worker;
  private RatchetSession visitor;
  private byte[] content;
  private boolean workerSends;

  /** A fresh handshake per iteration, so that counters and chains start alike in each. */
  @Setup(Level.Iteration)
  public void handshake() {
    SecureRandom random = new SecureRandom();
    KeySource keys = KeySource.random(random);
    Ed25519.KeyPair root = Ed25519.generate(random);
    WorkerKeys workerKeys = WorkerKeys.generate(random);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    byte[] certificate = new WorkerCertificate("org-bench", "w-bench", "Bench", workerKeys.identityDh().publicKey(),
        workerKeys.identitySigning().publicKey(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))
        .sign(root.privateKey());
    X25519.KeyPair visitorKey = X25519.generate(random);
    Handshake.Initiated init = Handshake.initiate(workerKeys, certificate, "org-bench", root.publicKey(), "c-bench",
        visitorKey.publicKey(), Content.hello(), keys);
    worker = init.session();
    visitor = Handshake.accept(visitorKey, root.publicKey(), "org-bench", "c-bench", now, init.header(), init.body(),
        keys).session();
    content = new byte[size];
    random.nextBytes(content);
    workerSends = true;
  }

  @TearDown(Level.Iteration)
  public void wipe() {
    worker.wipe();
    visitor.wipe();
  }

  @Benchmark
  public byte[] sameDirection() {
    EncryptedMessage message = worker.encrypt(content);
    return visitor.decrypt(message.header(), message.body());
  }

  @Benchmark
  public byte[] alternating() {
    RatchetSession from = workerSends ? worker : visitor;
    RatchetSession to = workerSends ? visitor : worker;
    workerSends = !workerSends;
    EncryptedMessage message = from.encrypt(content);
    return to.decrypt(message.header(), message.body());
  }
}
