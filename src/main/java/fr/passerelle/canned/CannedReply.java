package fr.passerelle.canned;

/**
 * A ready-made answer a worker inserts into the composer and may edit before sending: its language (a tag such as
 * {@code fr} or {@code pt-br}), a short title to pick it by, and the text. Written by admins; not a secret, and never
 * a message (what the worker sends is encrypted in the console like anything typed).
 */
public record CannedReply(String id, String language, String title, String text) {}
