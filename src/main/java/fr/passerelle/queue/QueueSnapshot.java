package fr.passerelle.queue;

import fr.passerelle.worker.WorkerPresence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The queue and the online workers as one node read them, for positions, listings and offers. */
public record QueueSnapshot(List<QueueEntry> waiting, List<WorkerPresence> workers, Duration meanHandling,
    Instant now) {}
