package fr.passerelle.queue;

import fr.passerelle.worker.WorkerPresence;
import java.time.Duration;
import java.time.Instant;

/**
 * Who may take whom: a worker needs every skill the visitor's flags require, and must share a language with
 * the visitor, unless the visitor has waited longer than the language fallback delay.
 */
public record Eligibility(Duration languageFallback) {

  public static boolean languageMatch(QueueEntry entry, WorkerPresence worker) {
    return entry.languages().stream().anyMatch(worker.languages()::contains);
  }

  public static boolean skilled(QueueEntry entry, WorkerPresence worker) {
    return entry.flags().stream().allMatch(f -> worker.skills().contains(f.skill()));
  }

  public boolean eligible(QueueEntry entry, WorkerPresence worker, Instant now) {
    return skilled(entry, worker)
        && (languageMatch(entry, worker) || !entry.enqueuedAt().plus(languageFallback).isAfter(now));
  }
}
