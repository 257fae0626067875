package fr.passerelle.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Temporary: replaced by the staff branch's JsonBody. */
public final class JsonBody {
  private JsonBody() {}

  public static JsonObject object(RoutingContext ctx) {
    try {
      JsonObject json = ctx.body().asJsonObject();
      if (json == null) {
        throw ApiException.of(ErrorCode.BAD_JSON);
      }
      return json;
    } catch (RuntimeException e) {
      throw e instanceof ApiException ? e : ApiException.of(ErrorCode.BAD_JSON);
    }
  }
}
