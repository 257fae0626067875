package fr.passerelle.conversation;

import java.time.Instant;

/**
 * One stored message: opaque to the server. {@code id} is chosen by the sender (duplicates are stored once),
 * {@code seq} is assigned by the server per conversation. {@code header} and {@code body} are base64 text
 * the server does not interpret.
 */
public record Envelope(long seq, String id, Party from, String header, String body, Instant storedAt) {

  public int size() {
    return header.length() + body.length();
  }
}
