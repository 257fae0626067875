package fr.passerelle.staff;

import io.vertx.core.Future;

/**
 * Checks a staff access token. Fails with {@link fr.passerelle.http.ApiException} {@code TOKEN_EXPIRED},
 * {@code AUTH_FAILED} or {@code ACCOUNT_DISABLED}.
 */
@FunctionalInterface
public interface TokenVerifier {
  Future<StaffPrincipal> verify(String token);
}
