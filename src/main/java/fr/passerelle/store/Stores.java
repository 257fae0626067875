package fr.passerelle.store;

import fr.passerelle.association.AssociationStore;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.canned.CannedReplyStore;
import fr.passerelle.conversation.ConversationStore;
import fr.passerelle.mailbox.MailboxStore;
import fr.passerelle.queue.QueueStore;
import fr.passerelle.referral.ReferralStore;
import fr.passerelle.service.HoursStore;
import fr.passerelle.statistics.CampaignStore;
import fr.passerelle.statistics.StatisticsStore;
import fr.passerelle.staff.StaffStore;
import fr.passerelle.visitor.SessionStore;
import fr.passerelle.worker.PresenceStore;

/** Every store the application uses, from one backend (in memory, or Redis), and the wake-up channel. */
public record Stores(
    SessionStore sessions,
    QueueStore queue,
    ConversationStore conversations,
    PresenceStore presence,
    StaffStore staff,
    WakeUps wakeUps,
    CannedReplyStore cannedReplies,
    HoursStore hours,
    MailboxStore mailboxes,
    CampaignStore campaigns,
    StatisticsStore statistics,
    AssociationStore associations,
    AuditLog audit,
    ReferralStore referrals) {}
