/**
 * The page's half of the live interoperability tests: the Java side plays the other half. Key pairs and sessions
 * stay in the page between calls, under names the Java side chooses (a conversation id, a worker id, an
 * association id); keys are random, and binary values travel as unpadded base64url.
 */
import {
  acceptInit, CryptoError, fromBase64url, generateEd25519, generateX25519, openReferral, openTransferNote,
  safetyCode as safetyCodeOf, sealReferral, sealTransferNote, startConversation, textMessage, toBase64url,
  transferNoteContent,
} from '../lib/index.js';

const visitorKeys = new Map();
const workers = new Map();
const associations = new Map();
const sessions = new Map();

function held(map, name) {
  if (!map.has(name)) {
    throw new Error(`nothing held under ${name}`);
  }
  return map.get(name);
}

/** A fresh visitor ephemeral key for `conversationId`: its public half. */
export async function newVisitorKey(conversationId) {
  const key = await generateX25519();
  visitorKeys.set(conversationId, key);
  return toBase64url(key.publicKey);
}

/** Accepts a worker's init with the conversation's visitor key: the first text, the pseudonym, the safety code. */
export async function accept(conversationId, { orgId, rootPublicKey, now, header, body }) {
  const accepted = await acceptInit({
    orgId, rootPublicKey: fromBase64url(rootPublicKey), now, conversationId,
    visitorKey: held(visitorKeys, conversationId), header: fromBase64url(header), body: fromBase64url(body),
  });
  sessions.set(conversationId, accepted.session);
  return {
    text: accepted.content.text, pseudonym: accepted.certificate.pseudonym,
    safetyCode: await safetyCodeOf(accepted.session.transcriptHash),
  };
}

/** Fresh identity keys for a worker of the page: the public halves, for the Java side to certify. */
export async function newWorker(workerId) {
  const identity = { dh: await generateX25519(), signing: await generateEd25519() };
  workers.set(workerId, identity);
  return {
    identityDhKey: toBase64url(identity.dh.publicKey), identitySigningKey: toBase64url(identity.signing.publicKey),
  };
}

/** The page's worker starts a conversation with a visitor key from the Java side: the init's header and body. */
export async function start(conversationId, workerId, { orgId, rootPublicKey, certificate, visitorKey, text }) {
  const identity = held(workers, workerId);
  const init = await startConversation({
    orgId, rootPublicKey: fromBase64url(rootPublicKey), conversationId, visitorKey: fromBase64url(visitorKey),
    certificate: fromBase64url(certificate), identity: { dh: identity.dh, signing: identity.signing.privateKey },
    json: textMessage(text),
  });
  sessions.set(conversationId, init.session);
  return { header: toBase64url(init.header), body: toBase64url(init.body) };
}

/** The next message of the page's side of a conversation. */
export async function send(conversationId, text) {
  const { header, body } = await held(sessions, conversationId).encrypt(textMessage(text));
  return { header: toBase64url(header), body: toBase64url(body) };
}

/** The text of the other side's message, or the reason it was refused. */
export async function receive(conversationId, header, body) {
  try {
    const { content } = await held(sessions, conversationId).decrypt(fromBase64url(header), fromBase64url(body));
    return content.text;
  } catch (e) {
    if (e instanceof CryptoError) {
      return e.reason;
    }
    throw e;
  }
}

/** The safety code the page's side of a conversation shows. */
export function safetyCode(conversationId) {
  return safetyCodeOf(held(sessions, conversationId).transcriptHash);
}

/** A transfer note from the page's worker to a Java worker. */
export async function sealNote(workerId, { orgId, certificate, recipientWorkerId, recipientDhKey, text, writtenAt }) {
  return toBase64url(await sealTransferNote({
    orgId, recipientWorkerId, recipientDhKey: fromBase64url(recipientDhKey),
    senderCertificate: fromBase64url(certificate), sender: held(workers, workerId).dh,
    json: transferNoteContent(text, new Date(writtenAt)),
  }));
}

/** Opens a transfer note addressed to the page's worker: its content and who wrote it. */
export async function openNote(workerId, { note, orgId, rootPublicKey, now }) {
  const opened = await openTransferNote({
    note: fromBase64url(note), orgId, rootPublicKey: fromBase64url(rootPublicKey), now, recipientWorkerId: workerId,
    recipient: held(workers, workerId).dh,
  });
  return { content: opened.json, senderWorkerId: opened.sender.workerId, senderPseudonym: opened.sender.pseudonym };
}

/** A fresh key for an association of the page: its public half. */
export async function newAssociation(associationId) {
  const key = await generateX25519();
  associations.set(associationId, key);
  return toBase64url(key.publicKey);
}

/** A referral form sealed in the page to an association's key. */
export async function sealForm({ associationKey, associationId, referralId, json }) {
  return toBase64url(await sealReferral({
    associationKey: fromBase64url(associationKey), associationId, referralId, json,
  }));
}

/** Opens a referral sealed to the page's association: the form's JSON text. */
export async function openForm(associationId, { sealed, referralId }) {
  const opened = await openReferral({
    sealed: fromBase64url(sealed), recipient: held(associations, associationId), associationId, referralId,
  });
  return opened.json;
}
