package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.conversation.Consent;
import fr.passerelle.conversation.Conversation;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.referral.Referral;
import fr.passerelle.referral.ReferralStatus;
import fr.passerelle.referral.ReferralStore;
import fr.passerelle.statistics.Origin;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Referrals and the consent records they need: a consent lives with its conversation and a later answer replaces
 * it; a referral keeps its ciphertext until acknowledged, takes a decision only after, expires unacknowledged and is
 * forgotten after its last change.
 */
interface ReferralContract extends StoreFixture {

  private ReferralStore referrals() {
    return stores().referrals();
  }

  private static Referral referral(String id, String association, String worker) {
    return new Referral(id, association, worker, "key-1", Optional.of("c2VhbGVk"), ReferralStatus.SENT, NOW,
        NOW.plus(Duration.ofDays(30)), NOW, new Origin(Optional.of("ads-93"), "ro"), "digest-" + id);
  }

  @Test
  default void aConsentIsKeptWithItsConversationReplacedByALaterAnswerAndGoneWithIt() throws Exception {
    online("w1", 2);
    Conversation c = talking("s1", "w1");
    assertThat(await(stores().conversations().consent(c.id(), "req-1"))).isEmpty();

    await(stores().conversations().recordConsent(c.id(), new Consent("req-1", true, NOW)));
    await(stores().conversations().recordConsent(c.id(), new Consent("req-1", false, NOW.plusSeconds(5))));

    assertThat(await(stores().conversations().consent(c.id(), "req-1")))
        .contains(new Consent("req-1", false, NOW.plusSeconds(5)));
    failure(stores().conversations().recordConsent("c-nope", new Consent("req-1", true, NOW)),
        ErrorCode.UNKNOWN_CONVERSATION);
    await(stores().conversations().end(c.id(), NOW));
    failure(stores().conversations().recordConsent(c.id(), new Consent("req-2", true, NOW)),
        ErrorCode.CONVERSATION_ENDED);
    await(stores().conversations().purge(NOW.plusSeconds(60), NOW, NOW.plusSeconds(60)));
    assertThat(await(stores().conversations().consent(c.id(), "req-1"))).isEmpty();
  }

  @Test
  default void aReferralIsStoredOnceAndAResendOfTheSameBodyIsADuplicate() throws Exception {
    Referral r = referral("r1", "a1", "w1");
    assertThat(await(referrals().create(r))).isEqualTo(new ReferralStore.Stored(r, false));
    assertThat(await(referrals().create(r))).isEqualTo(new ReferralStore.Stored(r, true));
    failure(referrals().create(referral("r1", "a1", "w2")), ErrorCode.CONFLICT);
    Referral otherBody = new Referral("r1", "a1", "w1", "key-1", Optional.of("b3RoZXI"), ReferralStatus.SENT, NOW,
        NOW.plus(Duration.ofDays(30)), NOW, r.origin(), "another digest");
    failure(referrals().create(otherBody), ErrorCode.CONFLICT);

    await(referrals().create(referral("r2", "a2", "w1")));
    assertThat(await(referrals().find("r1"))).contains(r);
    assertThat(await(referrals().ofWorker("w1"))).extracting(Referral::id).containsExactlyInAnyOrder("r1", "r2");
    assertThat(await(referrals().ofWorker("w2"))).isEmpty();
    assertThat(await(referrals().ofAssociation("a1"))).containsExactly(r);
  }

  @Test
  default void acknowledgingDeletesTheCiphertextOnceAndDecisionsComeAfter() throws Exception {
    await(referrals().create(referral("r1", "a1", "w1")));
    failure(referrals().decide("r1", ReferralStatus.ACCEPTED, NOW), ErrorCode.CONFLICT);
    failure(referrals().acknowledge("nope", NOW), ErrorCode.NOT_FOUND);

    ReferralStore.Changed acknowledged = await(referrals().acknowledge("r1", NOW.plusSeconds(1)));

    assertThat(acknowledged.changed()).isTrue();
    assertThat(acknowledged.referral().sealed()).isEmpty();
    assertThat(acknowledged.referral().status()).isEqualTo(ReferralStatus.RECEIVED);
    assertThat(acknowledged.referral().updated()).isEqualTo(NOW.plusSeconds(1));
    assertThat(await(referrals().find("r1")).orElseThrow().sealed()).isEmpty();
    assertThat(await(referrals().acknowledge("r1", NOW.plusSeconds(2))).changed()).isFalse();

    assertThat(await(referrals().decide("r1", ReferralStatus.DECLINED, NOW.plusSeconds(3))).changed()).isTrue();
    assertThat(await(referrals().decide("r1", ReferralStatus.DECLINED, NOW.plusSeconds(4))).changed()).isFalse();
    failure(referrals().decide("r1", ReferralStatus.ACCEPTED, NOW), ErrorCode.CONFLICT);
    assertThat(await(referrals().find("r1")).orElseThrow().status()).isEqualTo(ReferralStatus.DECLINED);
  }

  @Test
  default void thePurgeExpiresUnacknowledgedReferralsThenForgetsRecordsAfterTheirLastChange() throws Exception {
    await(referrals().create(referral("r1", "a1", "w1")));
    await(referrals().create(referral("r2", "a1", "w1")));
    await(referrals().acknowledge("r2", NOW));
    assertThat(await(referrals().expiringBefore(NOW.plus(Duration.ofDays(30))))).isEmpty();
    assertThat(await(referrals().expiringBefore(NOW.plus(Duration.ofDays(31))))).extracting(Referral::id)
        .containsExactly("r1");

    Duration keep = Duration.ofDays(30);
    java.time.Instant later = NOW.plus(keep);
    assertThat(await(referrals().purge(later, later.minus(keep)))).isEqualTo(1);

    Referral expired = await(referrals().find("r1")).orElseThrow();
    assertThat(expired.status()).isEqualTo(ReferralStatus.EXPIRED);
    assertThat(expired.sealed()).isEmpty();
    assertThat(await(referrals().expiringBefore(later.plus(keep)))).isEmpty();
    failure(referrals().acknowledge("r1", later), ErrorCode.GONE);
    assertThat(await(referrals().find("r2"))).as("changed exactly 30 days ago").isPresent();

    java.time.Instant end = later.plus(keep).plusSeconds(1);
    assertThat(await(referrals().purge(end, end.minus(keep)))).isEqualTo(2);
    assertThat(await(referrals().ofAssociation("a1"))).isEmpty();
  }
}
