package fr.passerelle.app;

import io.vertx.core.Future;
import java.util.function.Supplier;

/** One thing the node needs before it takes traffic (the store, the public server): ready while the probe succeeds. */
public record ReadinessCheck(String name, Supplier<Future<?>> probe) {}
