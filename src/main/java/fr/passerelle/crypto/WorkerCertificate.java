package fr.passerelle.crypto;

import fr.passerelle.crypto.CryptoException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A worker certificate (v1): the organisation root key vouches for a worker's pseudonym and identity keys for a
 * validity window. The layout is in {@code docs/protocol.md}, section "Worker certificate (v1)".
 *
 * <p>Every value is checked when the record is built, so a record always encodes to a body that {@link #parse} reads
 * back: strings of 1 to 64 UTF-8 bytes, a canonical X25519 key that is not of low order, an Ed25519 key that
 * {@link Ed25519#verify} accepts, whole seconds from {@link #EARLIEST} to {@link #LATEST} with notAfter after
 * notBefore. The record keeps its own copies of the key arrays, returns copies, and compares them by content.
 */
public record WorkerCertificate(String orgId, String workerId, String pseudonym, byte[] identityDhKey,
    byte[] identitySigningKey, Instant notBefore, Instant notAfter) {

  /** The only version this class reads and writes. */
  public static final int VERSION = 1;
  /** The longest orgId, workerId or pseudonym, in UTF-8 bytes. */
  public static final int MAX_STRING_LENGTH = 64;
  /** The earliest validity bound: 1970-01-01T00:00:00Z. */
  public static final Instant EARLIEST = Instant.EPOCH;
  /** The latest validity bound: 9999-12-31T23:59:59Z, Unix second 253402300799. */
  public static final Instant LATEST = Instant.ofEpochSecond(253_402_300_799L);

  private static final byte[] LABEL = "passerelle/v1/worker-certificate".getBytes(StandardCharsets.US_ASCII);
  private static final int FIXED_LENGTH = 1 + 3 + 2 * X25519.KEY_LENGTH + 2 * Long.BYTES;

  /** Checks every field; refuses with {@link Reason#BAD_CERTIFICATE}. */
  public WorkerCertificate {
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    encode(orgId, "orgId");
    encode(workerId, "workerId");
    encode(pseudonym, "pseudonym");
    identityDhKey = identityDhKey.clone();
    identitySigningKey = identitySigningKey.clone();
    if (identityDhKey.length != X25519.KEY_LENGTH) {
      throw malformed("identity DH key must be " + X25519.KEY_LENGTH + " bytes");
    }
    try {
      X25519.requireCanonical(identityDhKey);
    } catch (CryptoException e) {
      throw malformed("identity DH key is not a canonical X25519 public key");
    }
    if (X25519.hasLowOrder(identityDhKey)) {
      throw malformed("identity DH key has low order");
    }
    if (!Ed25519.isValidPublicKey(identitySigningKey)) {
      throw malformed("identity signing key is not a valid Ed25519 public key");
    }
    if (notBefore.getNano() != 0 || notAfter.getNano() != 0) {
      throw malformed("validity bounds must be whole seconds");
    }
    requireInRange(notBefore.getEpochSecond());
    requireInRange(notAfter.getEpochSecond());
    if (!notAfter.isAfter(notBefore)) {
      throw malformed("notAfter must be after notBefore");
    }
  }

  @Override
  public byte[] identityDhKey() {
    return identityDhKey.clone();
  }

  @Override
  public byte[] identitySigningKey() {
    return identitySigningKey.clone();
  }

  /** The to-be-signed body. */
  public byte[] body() {
    byte[] org = encode(orgId, "orgId");
    byte[] worker = encode(workerId, "workerId");
    byte[] name = encode(pseudonym, "pseudonym");
    return ByteBuffer.allocate(FIXED_LENGTH + org.length + worker.length + name.length)
        .put((byte) VERSION)
        .put((byte) org.length).put(org)
        .put((byte) worker.length).put(worker)
        .put((byte) name.length).put(name)
        .put(identityDhKey).put(identitySigningKey)
        .putLong(notBefore.getEpochSecond()).putLong(notAfter.getEpochSecond())
        .array();
  }

  /** The full certificate: the body followed by its signature by the organisation root key. */
  public byte[] sign(byte[] rootPrivateKey) {
    byte[] body = body();
    return Bytes.concat(body, Ed25519.sign(rootPrivateKey, signatureInput(body)));
  }

  /** The certificate's fields, checked for structure only: no signature, organisation or time check. */
  public static WorkerCertificate parse(byte[] certificate) {
    ByteBuffer in = ByteBuffer.wrap(certificate);
    if (readByte(in) != VERSION) {
      throw malformed("unknown version");
    }
    String orgId = readString(in, "orgId");
    String workerId = readString(in, "workerId");
    String pseudonym = readString(in, "pseudonym");
    byte[] dhKey = readBytes(in, X25519.KEY_LENGTH);
    byte[] signingKey = readBytes(in, Ed25519.KEY_LENGTH);
    Instant notBefore = readInstant(in);
    Instant notAfter = readInstant(in);
    readBytes(in, Ed25519.SIGNATURE_LENGTH);
    if (in.hasRemaining()) {
      throw malformed("trailing bytes after the signature");
    }
    return new WorkerCertificate(orgId, workerId, pseudonym, dhKey, signingKey, notBefore, notAfter);
  }

  /**
   * The certificate, if it is well formed, signed by {@code rootPublicKey}, for {@code expectedOrgId} and valid at
   * {@code now}; checked in that order.
   */
  public static WorkerCertificate verify(byte[] certificate, byte[] rootPublicKey, String expectedOrgId,
      Instant now) {
    Objects.requireNonNull(expectedOrgId, "expectedOrgId");
    Objects.requireNonNull(now, "now");
    Bytes.requireLength(rootPublicKey, Ed25519.KEY_LENGTH, Reason.BAD_KEY_LENGTH, "root public key");
    WorkerCertificate parsed = parse(certificate);
    int bodyLength = certificate.length - Ed25519.SIGNATURE_LENGTH;
    byte[] body = Arrays.copyOfRange(certificate, 0, bodyLength);
    byte[] signature = Arrays.copyOfRange(certificate, bodyLength, certificate.length);
    if (!Ed25519.verify(rootPublicKey, signatureInput(body), signature)) {
      throw new CryptoException(Reason.BAD_SIGNATURE, "worker certificate is not signed by the organisation root key");
    }
    if (!parsed.orgId.equals(expectedOrgId)) {
      throw new CryptoException(Reason.WRONG_ORGANISATION, "worker certificate is for another organisation");
    }
    if (now.isBefore(parsed.notBefore)) {
      throw new CryptoException(Reason.NOT_YET_VALID, "worker certificate is not valid yet");
    }
    if (!now.isBefore(parsed.notAfter)) {
      throw new CryptoException(Reason.EXPIRED, "worker certificate has expired");
    }
    return parsed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WorkerCertificate that
        && orgId.equals(that.orgId) && workerId.equals(that.workerId) && pseudonym.equals(that.pseudonym)
        && Arrays.equals(identityDhKey, that.identityDhKey)
        && Arrays.equals(identitySigningKey, that.identitySigningKey)
        && notBefore.equals(that.notBefore) && notAfter.equals(that.notAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(orgId, workerId, pseudonym, Arrays.hashCode(identityDhKey),
        Arrays.hashCode(identitySigningKey), notBefore, notAfter);
  }

  @Override
  public String toString() {
    return "WorkerCertificate[orgId=" + orgId + ", workerId=" + workerId + ", pseudonym=" + pseudonym
        + ", notBefore=" + notBefore + ", notAfter=" + notAfter + "]";
  }

  private static byte[] signatureInput(byte[] body) {
    return Bytes.concat(LABEL, new byte[] {0}, body);
  }

  // Strict both ways: a lone surrogate is refused rather than written as '?', invalid UTF-8 rather than read as U+FFFD.
  private static byte[] encode(String value, String what) {
    Objects.requireNonNull(value, what);
    ByteBuffer encoded;
    try {
      encoded = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(value));
    } catch (CharacterCodingException e) {
      throw malformed(what + " is not valid Unicode");
    }
    byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
    if (bytes.length < 1 || bytes.length > MAX_STRING_LENGTH) {
      throw malformed(what + " must be 1 to " + MAX_STRING_LENGTH + " UTF-8 bytes, not " + bytes.length);
    }
    return bytes;
  }

  private static String readString(ByteBuffer in, String what) {
    int length = readByte(in);
    if (length < 1 || length > MAX_STRING_LENGTH) {
      throw malformed(what + " length must be 1 to " + MAX_STRING_LENGTH + ", not " + length);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(readBytes(in, length))).toString();
    } catch (CharacterCodingException e) {
      throw malformed(what + " is not valid UTF-8");
    }
  }

  private static Instant readInstant(ByteBuffer in) {
    long seconds = ByteBuffer.wrap(readBytes(in, Long.BYTES)).getLong();
    requireInRange(seconds);
    return Instant.ofEpochSecond(seconds);
  }

  private static void requireInRange(long seconds) {
    if (seconds < EARLIEST.getEpochSecond() || seconds > LATEST.getEpochSecond()) {
      throw malformed("validity bounds must lie from " + EARLIEST + " to " + LATEST);
    }
  }

  private static int readByte(ByteBuffer in) {
    return readBytes(in, 1)[0] & 0xff;
  }

  private static byte[] readBytes(ByteBuffer in, int length) {
    if (in.remaining() < length) {
      throw malformed("truncated");
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  private static CryptoException malformed(String message) {
    return new CryptoException(Reason.BAD_CERTIFICATE, "worker certificate: " + message);
  }
}
