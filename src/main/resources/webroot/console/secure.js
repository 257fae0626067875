/**
 * The worker's side of the end-to-end encryption (docs/protocol.md 12), as the Java `SecureWorker` does it: an init
 * for every visitor key the console learns, the Double Ratchet for messages, and transfer notes sealed to a
 * colleague's verified certificate. Nothing here touches the network except the colleague's certificate.
 */
import {
  CryptoError, fromBase64url, HELLO, openTransferNote, Reason, safetyCode, sealTransferNote, startConversation,
  textMessage, toBase64url, transferNoteContent, verifyCertificate,
} from '../lib/index.js';

/** Encryption with the worker's identity keys and certificate. */
export class Secure {
  /** @param {import('./credentials.js').Credentials} credentials, ready */
  constructor(credentials, api) {
    this.credentials = credentials;
    this.api = api;
  }

  get ready() {
    return this.credentials.state === 'ready' && this.credentials.certificate !== null;
  }

  /**
   * Starts a conversation's handshake for `visitorKey` with an init that carries `hello`.
   * @returns {Promise<{session: import('../lib/index.js').Session, code: string, header: string, body: string}>}
   */
  async handshake(conversationId, visitorKey) {
    const { identity, certificate, org } = this.credentials;
    const { session, header, body } = await startConversation({
      orgId: org.orgId, rootPublicKey: org.rootPublicKey, conversationId, visitorKey: fromBase64url(visitorKey),
      certificate, identity: { dh: identity.dh, signing: identity.signing.privateKey }, json: HELLO,
    });
    return { session, code: await safetyCode(session.transcriptHash), header: toBase64url(header),
      body: toBase64url(body) };
  }

  /** A chat message for the visitor: base64url header and body. */
  async encrypt(session, text) {
    return this.encryptContent(session, textMessage(text));
  }

  /** Any message content (12.5) given as JSON text, for the visitor: base64url header and body. */
  async encryptContent(session, json) {
    const { header, body } = await session.encrypt(json);
    return { header: toBase64url(header), body: toBase64url(body) };
  }

  /**
   * The content of a visitor's envelope; a `CryptoError` if it does not open (`MALFORMED` if not base64url).
   * @returns {Promise<object>}
   */
  async decrypt(session, envelope) {
    const { content } = await session.decrypt(fromBase64url(envelope.header ?? ''), fromBase64url(envelope.body));
    return content;
  }

  /**
   * A note only the colleague can open: their certificate from the server, verified against the organisation root
   * key and checked to be theirs, then HPKE in auth mode from this worker's identity key.
   * @returns {Promise<string>} the sealed note, base64url
   */
  async sealNote(colleagueId, text) {
    const { identity, certificate, org } = this.credentials;
    const answer = await this.api.request('GET', `/api/v1/workers/${encodeURIComponent(colleagueId)}/certificate`);
    const theirs = await verifyCertificate(fromBase64url(answer.certificate), { ...org, now: Date.now() / 1000 });
    if (theirs.workerId !== colleagueId) {
      throw new CryptoError(Reason.BAD_CERTIFICATE, 'the certificate is for another worker');
    }
    const note = await sealTransferNote({
      orgId: org.orgId, recipientWorkerId: colleagueId, recipientDhKey: theirs.identityDhKey,
      senderCertificate: certificate, sender: identity.dh, json: transferNoteContent(text),
    });
    return toBase64url(note);
  }

  /**
   * Opens a note addressed to this worker; its writer's pseudonym comes from their verified certificate.
   * @returns {Promise<{text: string, writtenAt: string, from: string}>}
   */
  async openNote(note) {
    const { identity, org } = this.credentials;
    const opened = await openTransferNote({
      note: fromBase64url(note), orgId: org.orgId, rootPublicKey: org.rootPublicKey, now: Date.now() / 1000,
      recipientWorkerId: this.credentials.staffId, recipient: identity.dh,
    });
    return { text: opened.content.text, writtenAt: opened.content.writtenAt, from: opened.sender.pseudonym };
  }
}

/** Whether a refusal means "already handled" rather than "could not be read". */
export function isDuplicate(error) {
  return error instanceof CryptoError && error.reason === Reason.DUPLICATE;
}
