/**
 * The JavaScript side of the letters' known answers (docs/protocol.md 12.12): rebuilds a known-answer file from its
 * inputs (the code's derived values and every letter, byte for byte), opens every stanza of every letter, and
 * checks the refusals of the letter layout and of message codes.
 */
import {
  concat, deriveMailbox, fixedKeys, formatMessageCode, fromHex, importEd25519, importX25519, normaliseMessageCode,
  openLetter, parseCertificate, parseLetter, sealLetter, signCertificate, toBase64url, toHex, uint, VISITOR_RECIPIENT,
} from '../lib/index.js';
import { flipped, reasonOf } from './outcome.js';

/** The file's workers: id → {certificate bytes, fields, identity DH key pair}. */
async function workersOf(file) {
  const workers = new Map();
  for (const [workerId, entry] of Object.entries(file.certificates)) {
    const certificate = fromHex(entry.certificate);
    workers.set(workerId, {
      certificate, fields: parseCertificate(certificate),
      keyPair: await importX25519(fromHex(entry.identityDhPrivate)),
    });
  }
  return workers;
}

async function seal(file, letter, workers, mailbox) {
  return sealLetter({
    orgId: file.orgId, mailboxId: mailbox.mailboxId, letterId: letter.letterId, kind: letter.kind,
    json: letter.content,
    recipients: letter.recipients.map((id) => ({
      id, publicKey: id === VISITOR_RECIPIENT ? mailbox.reply.publicKey : workers.get(id).fields.identityDhKey,
    })),
    sender: letter.kind === 2
      ? { certificate: workers.get(letter.sender).certificate, keyPair: workers.get(letter.sender).keyPair }
      : undefined,
    contentKey: fromHex(letter.contentKey), keys: fixedKeys(letter.ephemerals.map(fromHex)),
  });
}

/**
 * The whole document rebuilt from the file's inputs: the root public key from its seed, each certificate signed
 * again from its fields and its worker's key seeds, the code's forms and derived values, and every letter.
 */
export async function rebuild(file) {
  const root = await importEd25519(fromHex(file.rootSeed));
  const certificates = {};
  for (const [workerId, entry] of Object.entries(file.certificates)) {
    const fields = parseCertificate(fromHex(entry.certificate));
    const dh = await importX25519(fromHex(entry.identityDhPrivate));
    const signing = await importEd25519(fromHex(entry.identitySigningSeed));
    const certificate = await signCertificate({
      ...fields, identityDhKey: dh.publicKey, identitySigningKey: signing.publicKey,
    }, root.privateKey);
    certificates[workerId] = { ...entry, certificate: toHex(certificate) };
  }
  const rebuilt = { ...file, rootPublicKey: toHex(root.publicKey), certificates };
  const mailbox = await deriveMailbox(file.codeAsTyped, file.orgId);
  const workers = await workersOf(rebuilt);
  const letters = [];
  for (const letter of file.letters) {
    letters.push({ ...letter, letter: toHex(await seal(file, letter, workers, mailbox)) });
  }
  return {
    ...rebuilt, code: mailbox.code, displayedCode: formatMessageCode(mailbox.code),
    token: toHex(mailbox.token), replyKey: toHex(mailbox.replyKey), replyPub: toHex(mailbox.reply.publicKey),
    mailboxId: mailbox.mailboxId, letters,
  };
}

/** A document as its file's text: JSON with two-space indents and a final line break. */
export function fileText(document) {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** {@link rebuild} as the file's text. */
export async function rebuildText(text) {
  return fileText(await rebuild(JSON.parse(text)));
}

function recipientKey(id, workers, mailbox) {
  return id === VISITOR_RECIPIENT ? mailbox.reply : workers.get(id).keyPair;
}

/**
 * Every stanza of every letter of the file, opened by its recipient: for each letter, recipient id → what it read
 * (the content's JSON text and, for a worker's letter, the verified sender).
 */
export async function openAll(text) {
  const file = JSON.parse(text);
  const mailbox = await deriveMailbox(file.codeAsTyped, file.orgId);
  const workers = await workersOf(file);
  const opened = {};
  for (const letter of file.letters) {
    const byRecipient = {};
    for (const id of letter.recipients) {
      const result = await openLetter({
        letter: fromHex(letter.letter), orgId: file.orgId, mailboxId: file.mailboxId, letterId: letter.letterId,
        recipientId: id, recipient: recipientKey(id, workers, mailbox), rootPublicKey: fromHex(file.rootPublicKey),
        at: letter.at,
      });
      byRecipient[id] = { json: result.json, sender: result.sender?.workerId ?? null };
    }
    opened[letter.letterId] = byRecipient;
  }
  return opened;
}

/** A letter's bytes with its stanza list rewritten by `change` (a function of the parsed stanzas). */
function withStanzas(bytes, change) {
  const parsed = parseLetter(bytes);
  const header = parsed.kind === 2
    ? concat(new Uint8Array([1, 2]), uint(parsed.senderCertificate.length, 2), parsed.senderCertificate)
    : new Uint8Array([1, 1]);
  const stanzas = change(parsed.stanzas).map((s) => {
    const id = new TextEncoder().encode(s.recipientId);
    return concat(new Uint8Array([id.length]), id, s.enc, s.ciphertext);
  });
  return concat(header, uint(stanzas.length, 2), ...stanzas, parsed.body);
}

/**
 * Each way the file's first visitor letter and first worker reply are refused, by name → reason; and the reasons
 * message codes are refused for, by input → reason or the normalised code.
 */
export async function refusals(text) {
  const file = JSON.parse(text);
  const mailbox = await deriveMailbox(file.code, file.orgId);
  const workers = await workersOf(file);
  const visitorLetter = file.letters.find((l) => l.kind === 1);
  const reply = file.letters.find((l) => l.kind === 2);
  const worker = visitorLetter.recipients[0];
  const open = (letter, changes = {}) => reasonOf(() => openLetter({
    letter: fromHex(letter.letter), orgId: file.orgId, mailboxId: file.mailboxId, letterId: letter.letterId,
    recipientId: worker, recipient: workers.get(worker).keyPair, rootPublicKey: fromHex(file.rootPublicKey),
    at: letter.at, ...changes,
  }));
  const visitorBytes = fromHex(visitorLetter.letter);
  const replyBytes = fromHex(reply.letter);
  const firstStanzaCiphertext = 2 + 2 + 1 + worker.length + 32;
  const sealedReply = await seal(file, reply, workers, mailbox);
  return {
    letters: {
      'as sealed': await open(visitorLetter),
      'body bit flipped': await open(visitorLetter, { letter: flipped(visitorBytes, -1) }),
      'stanza bit flipped': await open(visitorLetter, { letter: flipped(visitorBytes, firstStanzaCiphertext) }),
      'another mailbox id': await open(visitorLetter, { mailboxId: toBase64url(new Uint8Array(32)) }),
      'another letter id': await open(visitorLetter, { letterId: 'another-letter' }),
      'another organisation': await open(visitorLetter, { orgId: `${file.orgId}-other` }),
      'not a recipient': await open(visitorLetter, { recipientId: 'w-nobody' }),
      'another recipient key': await open(visitorLetter, { recipient: await importX25519(new Uint8Array(32).fill(9)) }),
      'version 2': await open(visitorLetter, { letter: concat(new Uint8Array([2]), visitorBytes.subarray(1)) }),
      'kind 3': await open(visitorLetter, { letter: concat(new Uint8Array([1, 3]), visitorBytes.subarray(2)) }),
      'kind 1 read as kind 2': await open(visitorLetter, {
        letter: concat(new Uint8Array([1, 2]), visitorBytes.subarray(2)) }),
      'no stanza': await open(visitorLetter, { letter: withStanzas(visitorBytes, () => []) }),
      'a stanza twice': await open(visitorLetter, { letter: withStanzas(visitorBytes, (s) => [...s, s[0]]) }),
      'truncated in a stanza': await open(visitorLetter, { letter: visitorBytes.subarray(0, firstStanzaCiphertext) }),
      'body swapped with the reply\'s': await open(visitorLetter, {
        letter: concat(visitorBytes.subarray(0, visitorBytes.length - parseLetter(visitorBytes).body.length),
          parseLetter(replyBytes).body) }),
      'reply as sealed': await open(reply),
      'reply dated on its sender\'s certificate last second': await open(reply, {
        at: Number(workers.get(reply.sender).fields.notAfter) - 1 }),
      'reply dated when its sender\'s certificate had expired': await open(reply, {
        at: Number(workers.get(reply.sender).fields.notAfter) }),
      'reply dated before its sender\'s certificate': await open(reply, {
        at: Number(workers.get(reply.sender).fields.notBefore) - 1 }),
      'reply sender certificate bit flipped': await open(reply, { letter: flipped(replyBytes, 10) }),
      'reply sealed again is the same': toHex(sealedReply) === reply.letter ? 'ok' : 'differs',
    },
    codes: Object.fromEntries(await Promise.all([
      file.code.toLowerCase(), ` ${file.code.match(/.{4}/g).join('-')}\n`, 'OIL0-0000-0000-0000-0000',
      '', 'ABCD', `${file.code}0`, file.code.replace(/.$/, 'U'), file.code.replace(/.$/, '*'),
      file.code.replace(/.$/, 'é'), 'resume-code-words',
    ].map(async (input) => [input, await reasonOf(async () => normaliseMessageCode(input))
      .then((reason) => (reason === 'ok' ? normaliseMessageCode(input) : reason))]))),
  };
}
