/**
 * The little of IndexedDB the console needs, as promises: open a database with its object stores, wait for a
 * request, and wait for a transaction to be written.
 */

/**
 * Opens `name` at version 1, making `stores` (out-of-line keys) the first time.
 * @param {string} name
 * @param {string[]} stores
 * @returns {Promise<IDBDatabase>}
 */
export function openDatabase(name, stores) {
  const opening = indexedDB.open(name, 1);
  opening.onupgradeneeded = () => stores.forEach((store) => opening.result.createObjectStore(store));
  return request(opening);
}

/**
 * The result of a request.
 * @param {IDBRequest} r
 */
export function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/**
 * Settles when the transaction is committed (then what it wrote is on disk, for a `strict` one) or aborted.
 * @param {IDBTransaction} transaction
 * @returns {Promise<void>}
 */
export function committed(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new DOMException('aborted', 'AbortError'));
  });
}
