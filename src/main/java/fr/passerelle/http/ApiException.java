package fr.passerelle.http;

import java.time.Duration;
import java.util.Optional;

/** A domain failure a client is told about: a stable code, a detail safe to show, maybe a retry delay. */
public final class ApiException extends RuntimeException {
  private final ErrorCode code;
  private final Optional<Duration> retryAfter;

  public ApiException(ErrorCode code, String detail) {
    this(code, detail, Optional.empty());
  }

  public ApiException(ErrorCode code, String detail, Optional<Duration> retryAfter) {
    super(detail, null, false, false);
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public static ApiException of(ErrorCode code) {
    return new ApiException(code, code.title());
  }

  public ErrorCode code() {
    return code;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
