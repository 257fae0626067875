package fr.passerelle.store;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The behaviour every store backend must show. A backend runs the whole suite by subclassing this and providing
 * fresh, empty stores per test; the rules live in the contract interfaces, one per store.
 */
@ExtendWith(VertxExtension.class)
public abstract class StoreContractTest implements SessionContract, QueueContract, ClaimContract,
    ConversationContract, EnvelopeContract, PresenceContract, PurgeContract, WakeUpContract, HoursContract,
    MailboxContract, CampaignContract, StatisticsContract, AssociationContract, AuditContract,
    ReferralContract {

  private Stores stores;

  /** Fresh stores with no data in them. */
  protected abstract Stores createStores(Vertx vertx) throws Exception;

  /** Releases what {@link #createStores} set up (a Redis backend flushes and closes here). */
  protected void cleanup(Stores stores) throws Exception {}

  @Override
  public Stores stores() {
    return stores;
  }

  @BeforeEach
  void createFreshStores(Vertx vertx) throws Exception {
    stores = createStores(vertx);
  }

  @AfterEach
  void cleanupStores() throws Exception {
    cleanup(stores);
  }
}
