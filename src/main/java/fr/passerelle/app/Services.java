package fr.passerelle.app;

import fr.passerelle.audit.Auditor;
import fr.passerelle.config.PasserelleConfig;
import fr.passerelle.conversation.ConversationService;
import fr.passerelle.protocol.SocketRegistry;
import fr.passerelle.queue.QueueService;
import fr.passerelle.queue.QueueWatcher;
import fr.passerelle.staff.TokenVerifier;
import fr.passerelle.statistics.Tally;
import fr.passerelle.store.Stores;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;

/** What the socket and route handlers of one node share. */
public record Services(
    Vertx vertx,
    PasserelleConfig config,
    Stores stores,
    QueueService queue,
    QueueWatcher watcher,
    ConversationService conversations,
    Tally tally,
    SocketRegistry sockets,
    TokenVerifier tokens,
    MeterRegistry registry,
    Clock clock,
    Auditor audit) {}
