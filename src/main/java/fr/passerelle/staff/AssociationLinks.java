package fr.passerelle.staff;

import io.vertx.core.Future;

/**
 * Whether an association id names an association of the directory: an intake account may be linked only to one
 * that exists. The staff feature asks; the association feature answers (wired in {@code fr.passerelle.app}).
 */
@FunctionalInterface
public interface AssociationLinks {
  /** Accepts every id: for a staff API without a directory (tests of the staff feature alone). */
  AssociationLinks ANY = id -> Future.succeededFuture(true);

  Future<Boolean> exists(String associationId);
}
