package fr.passerelle.config;

import java.time.Duration;

/** Listening addresses of the public and management ports, and how long a shutdown may take. */
public record HttpConfig(String host, int port, String managementHost, int managementPort, Duration shutdownGrace) {

  public static HttpConfig defaults() {
    return new HttpConfig("0.0.0.0", 8080, "127.0.0.1", 9090, Duration.ofSeconds(10));
  }
}
