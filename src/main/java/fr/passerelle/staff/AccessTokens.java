package fr.passerelle.staff;

import fr.passerelle.config.AuthConfig;
import fr.passerelle.config.ConfigException;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Issues and checks short-lived ES256 access tokens; a token is only good while its account is enabled. */
public final class AccessTokens implements TokenVerifier {
  private static final String ALGORITHM = "ES256";

  /** A signed access token and when it stops working. */
  public record Issued(String token, Instant expiresAt) {}

  private final JWTAuth jwt;
  private final AuthConfig config;
  private final StaffStore store;
  private final Clock clock;

  public AccessTokens(Vertx vertx, AuthConfig config, StaffStore store, Clock clock) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    String[] pems = keyPems(config);
    // Vert.x checks signature and issuer; expiry is checked below against the same clock that issued the token.
    JWTOptions verifyOptions = new JWTOptions().setIssuer(config.issuer()).setIgnoreExpiration(true);
    try {
      this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
          .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(pems[0]))
          .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(pems[1]))
          .setJWTOptions(verifyOptions));
    } catch (RuntimeException e) {
      throw new ConfigException("auth.jwtPrivateKeyPem (PASSERELLE_AUTH_JWT_PRIVATE_KEY_PEM) and "
          + "auth.jwtPublicKeyPem (PASSERELLE_AUTH_JWT_PUBLIC_KEY_PEM) must be a P-256 key pair in PEM "
          + "(PKCS#8 private key, SubjectPublicKeyInfo public key)");
    }
  }

  public Issued issue(StaffAccount account) {
    return issueAt(account, clock.instant());
  }

  /** Issues as if at {@code issuedAt}: lets tests hold an expired token without waiting. */
  Issued issueAt(StaffAccount account, Instant issuedAt) {
    Instant expiresAt = issuedAt.plus(config.accessTokenTtl());
    JsonObject claims = new JsonObject()
        .put("sub", account.id())
        .put("role", account.role().wire())
        .put("username", account.username())
        .put("iss", config.issuer())
        .put("iat", issuedAt.getEpochSecond())
        .put("exp", expiresAt.getEpochSecond())
        .put("jti", UUID.randomUUID().toString());
    String token = jwt.generateToken(claims, new JWTOptions().setAlgorithm(ALGORITHM).setNoTimestamp(true));
    return new Issued(token, expiresAt);
  }

  @Override
  public Future<StaffPrincipal> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(ApiException.of(ErrorCode.AUTH_FAILED)))
        .compose(this::checkExpiry)
        .compose(staffId -> store.find(staffId))
        .map(found -> {
          StaffAccount account = found.orElseThrow(() -> ApiException.of(ErrorCode.AUTH_FAILED));
          if (!account.enabled()) {
            throw ApiException.of(ErrorCode.ACCOUNT_DISABLED);
          }
          // The stored role wins over the token's, so a role change applies at once.
          return new StaffPrincipal(account.id(), account.username(), account.role());
        });
  }

  private Future<String> checkExpiry(User user) {
    // Vert.x keeps the verified payload, with its time claims, under the "accessToken" attribute.
    JsonObject claims = user.attributes().getJsonObject("accessToken", new JsonObject());
    Object exp = claims.getValue("exp");
    Object sub = claims.getValue("sub");
    if (!(exp instanceof Number expiry) || !(sub instanceof String staffId)) {
      return Future.failedFuture(ApiException.of(ErrorCode.AUTH_FAILED));
    }
    if (clock.instant().getEpochSecond() >= expiry.longValue()) {
      return Future.failedFuture(ApiException.of(ErrorCode.TOKEN_EXPIRED));
    }
    return Future.succeededFuture(staffId);
  }

  /** The configured PEM pair, or a fresh P-256 pair: tokens then do not survive a restart. */
  private static String[] keyPems(AuthConfig config) {
    if (config.jwtPrivateKeyPem().isPresent()) {
      return new String[] {config.jwtPrivateKeyPem().get(), config.jwtPublicKeyPem().get()};
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      return new String[] {pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
          pem("PUBLIC KEY", pair.getPublic().getEncoded())};
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot generate a P-256 key pair", e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
