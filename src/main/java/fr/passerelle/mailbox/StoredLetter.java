package fr.passerelle.mailbox;

import fr.passerelle.conversation.Party;
import java.time.Instant;
import java.util.Optional;

/**
 * A letter as the server keeps it: the id its writer chose, who wrote it, when it was stored, the sealed bytes as
 * the writer sent them (unpadded base64url, never opened here), and for a worker's letter the writer's staff id.
 */
public record StoredLetter(String id, Party from, Instant at, String sealed, Optional<String> workerId) {}
