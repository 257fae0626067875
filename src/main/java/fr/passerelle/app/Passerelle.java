package fr.passerelle.app;

import fr.passerelle.association.AssociationRoutes;
import fr.passerelle.association.DemoAssociations;
import fr.passerelle.audit.AuditRoutes;
import fr.passerelle.audit.Auditor;
import fr.passerelle.canned.CannedReplyRoutes;
import fr.passerelle.canned.DemoReplies;
import fr.passerelle.config.PasserelleConfig;
import fr.passerelle.conversation.ConversationService;
import fr.passerelle.http.WebJars;
import fr.passerelle.protocol.SocketRegistry;
import fr.passerelle.mailbox.MailboxMetrics;
import fr.passerelle.mailbox.MailboxRoutes;
import fr.passerelle.queue.HandlingTimes;
import fr.passerelle.queue.OfferDeclines;
import fr.passerelle.queue.QueueService;
import fr.passerelle.queue.QueueWatcher;
import fr.passerelle.reference.ApiReference;
import fr.passerelle.referral.ReferralRoutes;
import fr.passerelle.service.OpeningHours;
import fr.passerelle.service.ServiceHours;
import fr.passerelle.service.ServiceRoutes;
import fr.passerelle.staff.StaffAuth;
import fr.passerelle.statistics.StatisticsRoutes;
import fr.passerelle.statistics.Tally;
import fr.passerelle.store.Stores;
import fr.passerelle.store.memory.MemoryStaffStore;
import fr.passerelle.store.memory.MemoryStores;
import fr.passerelle.supervision.LoadSampler;
import fr.passerelle.supervision.SupervisorSocket;
import fr.passerelle.widget.WidgetFiles;
import fr.passerelle.widget.WidgetRoutes;
import fr.passerelle.worker.CertificateRequestRoutes;
import fr.passerelle.worker.CertificateRoutes;
import fr.passerelle.worker.OrganisationRoot;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One running node: stores, staff authentication, queue routing, the public and management servers. Built by
 * {@link Main} and by the tests, which start it on port 0.
 */
public final class Passerelle {
  private final Services services;
  private final StaffAuth staff;
  private final ManagementServer management;
  private final RetentionPurge purge;
  private final OrganisationRoot root;
  private final MailboxMetrics mailboxMetrics;
  private LoadSampler sampler;
  private HttpServer publicServer;
  private Router publicRouter;

  private Passerelle(Services services, StaffAuth staff, ManagementServer management, RetentionPurge purge,
      OrganisationRoot root, MailboxMetrics mailboxMetrics) {
    this.services = services;
    this.mailboxMetrics = mailboxMetrics;
    this.root = root;
    this.staff = staff;
    this.management = management;
    this.purge = purge;
  }

  /** Starts a node on the embedded in-memory store. */
  public static Future<Passerelle> start(Vertx vertx, PasserelleConfig config, PrometheusMeterRegistry registry,
      Clock clock) {
    Stores stores = MemoryStores.create(vertx, new MemoryStaffStore(), clock);
    return start(vertx, config, stores, registry, clock);
  }

  public static Future<Passerelle> start(Vertx vertx, PasserelleConfig config, Stores stores,
      PrometheusMeterRegistry registry, Clock clock) {
    Auditor audit = new Auditor(stores.audit(), clock);
    StaffAuth staff = new StaffAuth(vertx, config.auth(), config.limits(), stores.staff(),
        id -> stores.associations().find(id).map(Optional::isPresent), registry, clock, audit);
    var routing = config.routing();
    HandlingTimes handlingTimes = new HandlingTimes(routing.defaultHandlingTime());
    OfferDeclines declines = new OfferDeclines(routing.declineCooldown(), clock);
    Tally tally = new Tally(stores, config.organisation().zone(), clock);
    QueueService queue = new QueueService(stores, routing, config.limits(), registry, clock, declines, tally);
    QueueWatcher watcher = new QueueWatcher(vertx, stores, routing, registry, clock, declines, handlingTimes);
    ConversationService conversations = new ConversationService(stores, config.limits(), registry, clock,
        handlingTimes, queue, tally);
    Services services = new Services(vertx, config, stores, queue, watcher,
        conversations, tally, new SocketRegistry(registry),
        staff.tokens(), registry, clock, audit);
    ManagementServer management = new ManagementServer(vertx, config.http(), registry,
        List.of(new ReadinessCheck("store", () -> stores.queue().waiting())));
    MailboxMetrics mailboxMetrics = new MailboxMetrics(stores.mailboxes(), registry);
    Passerelle node = new Passerelle(services, staff, management,
        new RetentionPurge(vertx, stores, config.retention(), clock, mailboxMetrics::refresh,
            config.organisation().zone(), session -> queue.abandoned(session, "timeout")),
        organisationRoot(config), mailboxMetrics);
    return node.listen();
  }

  /**
   * The configured root public key; else, in demo mode, a fresh in-memory key pair. The validator has already refused
   * a configuration with neither.
   */
  private static OrganisationRoot organisationRoot(PasserelleConfig config) {
    String orgId = config.organisation().id();
    return config.organisation().rootPublicKeyBytes()
        .map(key -> OrganisationRoot.configured(orgId, key))
        .orElseGet(() -> {
          if (!config.demo().enabled()) {
            throw new IllegalStateException("organisation.rootPublicKey is required outside demo mode");
          }
          return OrganisationRoot.demo(orgId);
        });
  }

  /** The hours an admin set, shared through the store; the configured ones until then. */
  private static ServiceHours serviceHours(PasserelleConfig config, Stores stores) {
    var organisation = config.organisation();
    return new ServiceHours(stores.hours(), OpeningHours.parse(organisation.openingHours(), organisation.zone()));
  }

  private Future<Passerelle> listen() {
    sampler = new LoadSampler(services.stores().queue(), services.stores().presence(), services.registry(),
        services.clock());
    SupervisorSocket supervisors = new SupervisorSocket(services.vertx(), sampler, services.tokens(),
        services.config().limits(), services.sockets(), services.stores().staff(),
        services.config().auth().accountRecheck(), services.clock());
    PublicServer server = new PublicServer(services, root);
    Optional<DemoAssociations> demoAssociations = services.config().demo().enabled()
        ? Optional.of(new DemoAssociations()) : Optional.empty();
    var router = server.router(r -> {
      staff.mount(r);
      supervisors.mount(r);
      new CertificateRoutes(services, root).mount(r);
      WebJars.mount(r);
      new ServiceRoutes(services, root, serviceHours(services.config(), services.stores())).mount(r);
      new WidgetRoutes(services, root, WidgetFiles.load()).mount(r);
      new CertificateRequestRoutes(services, root).mount(r);
      new CannedReplyRoutes(services.stores().cannedReplies(), services.tokens(), services.audit()).mount(r);
      new AssociationRoutes(services.stores().associations(), services.stores().staff(), services.tokens(),
          services.clock(), services.audit(), demoAssociations).mount(r);
      new AuditRoutes(services.stores().audit(), services.tokens()).mount(r);
      MailboxRoutes.mount(r, services, root, mailboxMetrics);
      new StatisticsRoutes(services).mount(r);
      new ReferralRoutes(services).mount(r);
      ApiReference.load().mount(r);
    });
    Future<Void> demoReplies = services.config().demo().enabled()
        ? DemoReplies.seed(services.stores().cannedReplies())
            .compose(v -> demoAssociations.orElseThrow().seed(services.stores().associations(), services.clock()))
        : Future.succeededFuture();
    publicRouter = router;
    return demoReplies.compose(v -> services.watcher().start())
        .compose(v -> server.listen(router))
        .compose(s -> {
          publicServer = s;
          return management.start();
        })
        .map(m -> {
          purge.start();
          sampler.start(services.vertx(), Duration.ofSeconds(1));
          return this;
        });
  }

  public int port() {
    return publicServer.actualPort();
  }

  public int managementPort() {
    return management.actualPort();
  }

  /** The public port's routes, which the OpenAPI document must describe (the API reference test checks). */
  public Router publicRouter() {
    return publicRouter;
  }

  public Services services() {
    return services;
  }

  public StaffAuth staff() {
    return staff;
  }

  /** The organisation root key this node verifies worker certificates with (public half only, outside demo). */
  public OrganisationRoot organisationRoot() {
    return root;
  }

  public RetentionPurge purge() {
    return purge;
  }

  /**
   * Graceful stop: readiness fails first so a load balancer drains the node, then every client is told to
   * reconnect and the servers close. The in-memory store has nothing to flush.
   */
  public Future<Void> stop() {
    management.markShuttingDown();
    purge.stop();
    sampler.stop(services.vertx());
    return services.sockets().closeAll(2)
        .eventually(() -> services.watcher().stop())
        .eventually(() -> publicServer == null ? Future.succeededFuture() : publicServer.close())
        .eventually(management::stop);
  }
}
