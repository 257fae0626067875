package fr.passerelle.config;

/** Abuse limits: frame and body sizes, envelope rates, queue length, session creation and login rates. */
public record LimitsConfig(
    int maxFrameBytes,
    int maxBodyBytes,
    int envelopesPerSecond,
    int envelopeBurst,
    int maxQueueLength,
    int sessionsPerMinute,
    int loginsPerMinute,
    int errorsBeforeClose) {

  public static LimitsConfig defaults() {
    return new LimitsConfig(65_536, 16_384, 5, 20, 500, 10, 10, 20);
  }
}
