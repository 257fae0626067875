package fr.passerelle.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Listening addresses of the public and management ports, how long a shutdown may take, the other sites that may
 * embed the visitor widget ({@code allowedOrigins}, comma-separated origins) and the address visitors reach this
 * server at ({@code publicUrl}), which the embed snippet names.
 */
public record HttpConfig(String host, int port, String managementHost, int managementPort, Duration shutdownGrace,
    Optional<String> allowedOrigins, Optional<String> publicUrl) {

  public static HttpConfig defaults() {
    return new HttpConfig("0.0.0.0", 8080, "127.0.0.1", 9090, Duration.ofSeconds(10), Optional.empty(),
        Optional.empty());
  }

  /** The origins of {@code allowedOrigins}, as written; validated at load time. */
  public List<String> allowedOriginList() {
    return allowedOrigins.map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .toList()).orElse(List.of());
  }

  /** {@code publicUrl} without a trailing slash. */
  public Optional<String> publicBase() {
    return publicUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }
}
