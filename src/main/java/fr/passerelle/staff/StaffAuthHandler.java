package fr.passerelle.staff;

import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;

/** Lets a request through only with a valid {@code Bearer} access token of one of the given roles. */
public final class StaffAuthHandler implements Handler<RoutingContext> {
  private static final String PRINCIPAL = "passerelle.staff.principal";
  private static final String BEARER = "bearer ";

  private final TokenVerifier verifier;
  private final Set<Role> roles;

  private StaffAuthHandler(TokenVerifier verifier, Set<Role> roles) {
    this.verifier = verifier;
    this.roles = roles;
  }

  /** A handler admitting the given roles, or every role when none is given. */
  public static StaffAuthHandler requiring(TokenVerifier verifier, Role... roles) {
    return new StaffAuthHandler(verifier, roles.length == 0 ? EnumSet.allOf(Role.class) : EnumSet.of(roles[0], roles));
  }

  /** The principal a preceding {@code StaffAuthHandler} admitted; a programming error if there was none. */
  public static StaffPrincipal principal(RoutingContext ctx) {
    StaffPrincipal principal = ctx.get(PRINCIPAL);
    if (principal == null) {
      throw new IllegalStateException("Route is not behind a StaffAuthHandler");
    }
    return principal;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      ctx.fail(ApiException.of(ErrorCode.NOT_AUTHENTICATED));
      return;
    }
    verifier.verify(header.substring(BEARER.length()).trim()).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause() instanceof ApiException ? result.cause() : ApiException.of(ErrorCode.AUTH_FAILED));
      } else if (!roles.contains(result.result().role())) {
        ctx.fail(ApiException.of(ErrorCode.FORBIDDEN));
      } else {
        ctx.put(PRINCIPAL, result.result());
        ctx.next();
      }
    });
  }
}
