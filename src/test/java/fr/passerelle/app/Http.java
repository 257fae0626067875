package fr.passerelle.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Test client: GETs from the test thread over the JDK client, with a deadline. */
final class Http {
  record Response(int status, String body) {}

  private final HttpClient client = HttpClient.newHttpClient();

  Response get(int port, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
