package fr.passerelle.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The intake officer's HTTP session with a Passerelle server: a staff login, then the referral API with the access
 * token (docs/api.md, "Referrals"). HTTP/1.1 only; a refusal becomes a {@link CliException} naming the problem's
 * code and detail, never the token or the password.
 */
final class IntakeServer {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();
  private final URI base;
  private String token;

  private IntakeServer(URI base) {
    this.base = base;
  }

  /** Logs in at {@code server} (an http or https URL) as {@code username} with the password in {@code file}. */
  static IntakeServer login(String server, String username, Path passwordFile) {
    IntakeServer session = new IntakeServer(base(server));
    byte[] password = Passphrase.read(passwordFile);
    JsonObject body = new JsonObject().put("username", username)
        .put("password", new String(password, StandardCharsets.UTF_8));
    java.util.Arrays.fill(password, (byte) 0);
    JsonObject tokens = session.call("POST", "/api/v1/auth/login", body.encode(), "log in");
    session.token = tokens.getString("accessToken");
    return session;
  }

  private static URI base(String server) {
    try {
      URI uri = new URI(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw CliException.usage("--server must be an http or https URL such as https://passerelle.example.org");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw CliException.usage("--server is not a URL");
    }
  }

  JsonObject get(String path, String what) {
    return call("GET", path, null, what);
  }

  JsonObject post(String path, String what) {
    return call("POST", path, "{}", what);
  }

  private JsonObject call(String method, String path, String body, String what) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw CliException.failure("cannot reach the server to " + what + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failure("interrupted");
    }
    JsonObject json;
    try {
      json = new JsonObject(response.body());
    } catch (DecodeException | ClassCastException e) {
      throw CliException.failure("the server's answer to " + what + " is not JSON (HTTP " + response.statusCode()
          + ")");
    }
    if (response.statusCode() / 100 != 2) {
      throw CliException.failure("the server refused to " + what + ": HTTP " + response.statusCode() + " "
          + json.getString("code", "") + (json.containsKey("detail") ? " (" + json.getString("detail") + ")" : ""));
    }
    return json;
  }
}
