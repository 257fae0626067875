package fr.passerelle.http;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Turns a client address into an opaque rate-limit key: HMAC-SHA256 under a random salt that lives only in
 * memory and is replaced every UTC day. The address itself is never stored or logged.
 */
public final class ClientKeys {
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private LocalDate day;
  private byte[] salt;

  public ClientKeys(Clock clock) {
    this.clock = clock;
  }

  public synchronized String keyFor(String address) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (!today.equals(day)) {
      day = today;
      salt = new byte[32];
      random.nextBytes(salt);
    }
    HMac mac = new HMac(new SHA256Digest());
    mac.init(new KeyParameter(salt));
    byte[] input = address.getBytes(StandardCharsets.UTF_8);
    mac.update(input, 0, input.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return HexFormat.of().formatHex(out, 0, 16);
  }
}
