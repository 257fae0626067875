package fr.passerelle.canned;

import io.vertx.core.Future;
import java.util.List;

/** The organisation's canned replies. Each operation is atomic. */
public interface CannedReplyStore {

  /** Every reply, by language then title. */
  Future<List<CannedReply>> list();

  /** Adds a reply whose id the caller chose; fails {@code CONFLICT} if the id exists. */
  Future<CannedReply> create(CannedReply reply);

  /** Replaces the reply with the same id; fails {@code NOT_FOUND} for an unknown id. */
  Future<CannedReply> replace(CannedReply reply);

  /** Fails {@code NOT_FOUND} for an unknown id. */
  Future<Void> delete(String id);
}
