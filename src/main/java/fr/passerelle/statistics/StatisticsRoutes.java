package fr.passerelle.statistics;

import fr.passerelle.app.Services;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffAuthHandler;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/statistics} (JSON) and {@code GET /api/v1/statistics.csv}: the anonymous aggregates, small
 * cells suppressed, for supervisors and admins; and the campaign registry ({@link CampaignRoutes}).
 */
public final class StatisticsRoutes {
  static final String PATH = "/api/v1/statistics";
  static final String CSV_PATH = "/api/v1/statistics.csv";

  private final Services services;

  public StatisticsRoutes(Services services) {
    this.services = services;
  }

  public void mount(Router router) {
    StaffAuthHandler readers = StaffAuthHandler.requiring(services.tokens(), Role.SUPERVISOR, Role.ADMIN);
    router.get(PATH).handler(readers).handler(ctx -> report(ctx).onSuccess(r -> ctx.response()
        .putHeader("Content-Type", "application/json").end(r.json().encode())).onFailure(ctx::fail));
    router.get(CSV_PATH).handler(readers).handler(ctx -> report(ctx).onSuccess(r -> ctx.response()
        .putHeader("Content-Type", "text/csv; charset=utf-8; header=present")
        .putHeader("Content-Disposition", "attachment; filename=\"statistics.csv\"")
        .end(r.csv())).onFailure(ctx::fail));
    new CampaignRoutes(services.stores().campaigns(), services.tokens(), services.audit()).mount(router);
  }

  private Future<StatisticsReport> report(RoutingContext ctx) {
    StatisticsQuery query;
    try {
      query = StatisticsQuery.parse(ctx.queryParams());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    var stores = services.stores();
    return Future.all(stores.statistics().cells(query.from(), query.to()), stores.campaigns().list())
        .map(all -> new StatisticsReport(query, all.resultAt(0), all.resultAt(1)));
  }
}
