/**
 * Conversations in the page: handshake and Double Ratchet round trips, out-of-order delivery, and every refusal
 * of docs/protocol.md 12.3 and 12.4. Each function returns named outcomes for the Java side to compare.
 */
import {
  acceptInit, concat, ed25519Sign, fromHex, generateEd25519, generateX25519, HELLO, importEd25519, importX25519,
  MAX_SKIP, safetyCode, signCertificate, startConversation, textMessage,
} from '../lib/index.js';
import { flipped, reasonOf, tally } from './outcome.js';

const ORG = 'org-demo';
const NOW = 1798800000;
const NOT_BEFORE = 1798761600;
const NOT_AFTER = 1801353600;
// Init header offsets: version, kind, lp16(certificate) of 166 bytes, then E_w, E_v, the signature.
const WORKER_KEY_AT = 2 + 2 + 166;
const RATCHET_KEY_AT = 2;

/** The known-answer organisation and worker, with a certificate signed for `orgId`. */
async function organisation(orgId = ORG) {
  const root = await importEd25519(fromHex('01'.repeat(32)));
  const dh = await importX25519(fromHex('02'.repeat(32)));
  const signing = await importEd25519(fromHex('03'.repeat(32)));
  const certificate = await signCertificate({
    orgId, workerId: 'w-1', pseudonym: 'Camille', identityDhKey: dh.publicKey,
    identitySigningKey: signing.publicKey, notBefore: NOT_BEFORE, notAfter: NOT_AFTER,
  }, root.privateKey);
  return { root, identity: { dh, signing: signing.privateKey }, certificate };
}

function workerStart(org, visitorPublicKey, { conversationId = 'c-1', json = HELLO, identity = org.identity } = {}) {
  return startConversation({
    orgId: ORG, rootPublicKey: org.root.publicKey, conversationId, visitorKey: visitorPublicKey,
    certificate: org.certificate, identity, json,
  });
}

function visitorAccept(org, visitorKey, init, { conversationId = 'c-1', now = NOW, orgId = ORG, root } = {}) {
  return acceptInit({
    orgId, rootPublicKey: root ?? org.root.publicKey, now, conversationId, visitorKey, header: init.header,
    body: init.body,
  });
}

/** A worker and a visitor after the handshake, and the init that started them. */
async function conversation(org, options = {}) {
  const visitorKey = await generateX25519();
  const init = await workerStart(org, visitorKey.publicKey, options);
  const accepted = await visitorAccept(org, visitorKey, init, options);
  return { worker: init.session, visitor: accepted.session, init, accepted, visitorKey };
}

async function read(session, message) {
  return (await session.decrypt(message.header, message.body)).content.text;
}

/** Turns in both directions: what each side read, and what both show as identity and safety code. */
export async function roundTrip() {
  const org = await organisation();
  const { worker, visitor, init, accepted } = await conversation(org, { json: textMessage('Bonjour') });
  const received = [];
  for (let turn = 1; turn <= 3; turn++) {
    const fromWorker = [await worker.encrypt(textMessage(`w${turn}a`)), await worker.encrypt(textMessage(`w${turn}b`))];
    for (const m of fromWorker) {
      received.push(await read(visitor, m));
    }
    const fromVisitor = [await visitor.encrypt(textMessage(`v${turn}a`)), await visitor.encrypt(textMessage(`v${turn}b`))];
    for (const m of fromVisitor) {
      received.push(await read(worker, m));
    }
  }
  const last = await visitor.encrypt(textMessage('fin'));
  return {
    first: accepted.content.text, pseudonym: accepted.certificate.pseudonym, received,
    workerCode: await safetyCode(worker.transcriptHash), visitorCode: await safetyCode(visitor.transcriptHash),
    initBodyLength: init.body.length, messageHeaderLength: last.header.length, messageBodyLength: last.body.length,
  };
}

/** Messages read in another order than sent, within a chain and across a DH ratchet step, both ways. */
export async function outOfOrder() {
  const org = await organisation();
  const { worker, visitor } = await conversation(org);
  const received = [];
  const w = [await worker.encrypt(textMessage('w1')), await worker.encrypt(textMessage('w2')),
    await worker.encrypt(textMessage('w3'))];
  for (const i of [2, 0]) {
    received.push(await read(visitor, w[i]));
  }
  const v = [await visitor.encrypt(textMessage('v1')), await visitor.encrypt(textMessage('v2'))];
  received.push(await read(worker, v[1]));
  const x = [await worker.encrypt(textMessage('x1')), await worker.encrypt(textMessage('x2'))];
  received.push(await read(visitor, x[1]));
  received.push(await read(worker, v[0]));
  received.push(await read(visitor, w[1]));
  received.push(await read(visitor, x[0]));
  return { received };
}

/** Changed bodies and headers do not open and change nothing: the genuine message opens afterwards. */
export async function tampering() {
  const org = await organisation();
  const { worker, visitor } = await conversation(org);
  const m = await worker.encrypt(textMessage('genuine'));
  const header = m.header;
  const attempt = (h, b) => reasonOf(() => visitor.decrypt(h, b));
  return {
    'body bit flipped': await attempt(header, flipped(m.body, 0)),
    'tag bit flipped': await attempt(header, flipped(m.body, -1)),
    'body truncated': await attempt(header, m.body.subarray(0, m.body.length - 1)),
    'body empty': await attempt(header, new Uint8Array(0)),
    'previous chain length changed': await attempt(flipped(header, 2 + 32 + 3), m.body),
    'ratchet key changed': await attempt(flipped(header, RATCHET_KEY_AT + 5), m.body),
    'version 2': await attempt(concat(new Uint8Array([2]), header.subarray(1)), m.body),
    'kind 3': await attempt(concat(new Uint8Array([1, 3]), header.subarray(2)), m.body),
    'header with a trailing byte': await attempt(concat(header, new Uint8Array(1)), m.body),
    'header lengths 0 to 41': tally(await Promise.all(
      Array.from({ length: 42 }, (_, n) => attempt(header.subarray(0, n), m.body)))),
    'genuine afterwards': await read(visitor, m),
  };
}

/** The transcript is the associated data: another conversation's messages and init do not open. */
export async function wrongAssociatedData() {
  const org = await organisation();
  const one = await conversation(org, { conversationId: 'c-1' });
  const two = await conversation(org, { conversationId: 'c-2' });
  const fromOne = await one.worker.encrypt(textMessage('for c-1'));
  const otherVisitorKey = await generateX25519();
  const init = await workerStart(org, otherVisitorKey.publicKey, { conversationId: 'c-1' });
  return {
    'message of c-1 in c-2': await reasonOf(() => two.visitor.decrypt(fromOne.header, fromOne.body)),
    'init of c-1 accepted as c-2': await reasonOf(() => visitorAccept(org, otherVisitorKey, init,
      { conversationId: 'c-2' })),
    'message of c-1 in c-1': await read(one.visitor, fromOne),
  };
}

/** Replays and duplicate inits, and an old turn's message after its keys are gone. */
export async function replays() {
  const org = await organisation();
  const { worker, visitor, init, visitorKey } = await conversation(org);
  const w1 = await worker.encrypt(textMessage('w1'));
  await read(visitor, w1);
  const once = { 'message delivered twice': await reasonOf(() => visitor.decrypt(w1.header, w1.body)) };
  const secondInit = await workerStart(org, visitorKey.publicKey);
  const newKey = await generateX25519();
  Object.assign(once, {
    'init delivered again': await reasonOf(() => visitor.decrypt(init.header, init.body)),
    'another init for the same key': await reasonOf(() => visitor.decrypt(secondInit.header, secondInit.body)),
    'init for a replaced key': await reasonOf(() => visitorAccept(org, newKey, init)),
    'init at the worker': await reasonOf(() => worker.decrypt(init.header, init.body)),
  });
  await read(worker, await visitor.encrypt(textMessage('v1')));
  await read(visitor, await worker.encrypt(textMessage('w2')));
  once['message of an earlier turn'] = await reasonOf(() => visitor.decrypt(w1.header, w1.body));
  once['next message afterwards'] = await read(visitor, await worker.encrypt(textMessage('w3')));
  return once;
}

/** MAX_SKIP within a chain and across a DH step, and the skipped store dropping its oldest key. */
export async function skipping() {
  const org = await organisation();
  const { worker, visitor } = await conversation(org);
  const sent = [null];
  for (let n = 1; n <= MAX_SKIP + 2; n++) {
    sent.push(await worker.encrypt(textMessage(`m${n}`)));
  }
  const outcome = { maxSkip: MAX_SKIP };
  outcome['skipping 1001 keys'] = await reasonOf(() => visitor.decrypt(sent[1002].header, sent[1002].body));
  await read(worker, await visitor.encrypt(textMessage('v1')));
  const next = await worker.encrypt(textMessage('next turn'));
  outcome['skipping 1002 keys of the chain a DH step closes'] = await reasonOf(() =>
    visitor.decrypt(next.header, next.body));
  outcome['skipping 1000 keys'] = await read(visitor, sent[1001]);
  // The store is full (m1 to m1000); the DH step stores m1002 and drops m1, the oldest.
  outcome['DH step that stores one more key'] = await read(visitor, next);
  outcome['oldest key, dropped'] = await reasonOf(() => visitor.decrypt(sent[1].header, sent[1].body));
  outcome['next oldest key'] = await read(visitor, sent[2]);
  outcome['newest skipped key'] = await read(visitor, sent[1002]);
  return outcome;
}

/** Low-order, all-zero, non-canonical and short keys, wherever a public key comes in. */
export async function badKeys() {
  const org = await organisation();
  const start = (key) => reasonOf(() => workerStart(org, key));
  const visitorKey = await generateX25519();
  const init = await workerStart(org, visitorKey.publicKey);
  const withWorkerKey = (key) => reasonOf(() => visitorAccept(org, visitorKey, {
    header: concat(init.header.subarray(0, WORKER_KEY_AT), key, init.header.subarray(WORKER_KEY_AT + 32)),
    body: init.body,
  }));
  const { worker, visitor } = await conversation(org);
  const m = await worker.encrypt(textMessage('after'));
  const withRatchetKey = (key) => reasonOf(() => visitor.decrypt(
    concat(m.header.subarray(0, RATCHET_KEY_AT), key, m.header.subarray(RATCHET_KEY_AT + 32)), m.body));
  const zero = new Uint8Array(32);
  const order8 = fromHex('5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157');
  return {
    'visitor key all zeros': await start(zero),
    'visitor key of order 8': await start(order8),
    'visitor key u = p - 1': await start(fromHex(`ec${'ff'.repeat(30)}7f`)),
    'visitor key u = p': await start(fromHex(`ed${'ff'.repeat(30)}7f`)),
    'visitor key with the top bit set': await start(visitorKey.publicKey.map((b, i) => (i === 31 ? b | 0x80 : b))),
    'visitor key of 31 bytes': await start(visitorKey.publicKey.subarray(1)),
    'worker ephemeral key all zeros': await withWorkerKey(zero),
    'worker ephemeral key u = p': await withWorkerKey(fromHex(`ed${'ff'.repeat(30)}7f`)),
    'ratchet key all zeros': await withRatchetKey(zero),
    'ratchet key of order 8': await withRatchetKey(order8),
    'ratchet key with the top bit set': await withRatchetKey(fromHex(`09${'00'.repeat(30)}80`)),
    'genuine afterwards': await read(visitor, m),
  };
}

/** An init is refused for its certificate, its signature or its layout, before anything is read. */
export async function initRefusals() {
  const org = await organisation();
  const visitorKey = await generateX25519();
  const init = await workerStart(org, visitorKey.publicKey);
  const accept = (changes) => reasonOf(() => visitorAccept(org, visitorKey, { ...init, ...changes.init },
    changes.options));
  const foreign = await organisation('org-other');
  const foreignInit = await workerStart(foreign, visitorKey.publicKey);
  const impostor = await generateEd25519();
  const impostorInit = await workerStart(org, visitorKey.publicKey,
    { identity: { ...org.identity, signing: impostor.privateKey } });
  const otherRoot = await importEd25519(fromHex('09'.repeat(32)));
  const signatureAt = WORKER_KEY_AT + 64;
  return {
    'accepted': await accept({}),
    'certificate expired': await accept({ options: { now: NOT_AFTER } }),
    'certificate not yet valid': await accept({ options: { now: NOT_BEFORE - 1 } }),
    'certificate of another organisation': await accept({ init: foreignInit }),
    'another pinned root': await accept({ options: { root: otherRoot.publicKey } }),
    'certificate forged': await accept({ init: { header: flipped(init.header, 4 + 20) } }),
    'init signed by another key': await accept({ init: impostorInit }),
    'init signature bit flipped': await accept({ init: { header: flipped(init.header, signatureAt) } }),
    'a message header where an init belongs': await accept({
      init: { header: concat(new Uint8Array([1, 2]), init.header.subarray(init.header.length - 40)) },
    }),
    'init body changed': await accept({ init: { body: flipped(init.body, 3) } }),
    'init truncated at every length': tally(await Promise.all(Array.from({ length: init.header.length },
      (_, n) => accept({ init: { header: init.header.subarray(0, n) } })))),
    'init of version 2': await accept({ init: { header: concat(new Uint8Array([2]), init.header.subarray(1)) } }),
    'init signature by the right key over another transcript': await accept({
      init: { header: concat(init.header.subarray(0, signatureAt),
        await ed25519Sign(org.identity.signing, new Uint8Array(32)), init.header.subarray(signatureAt + 64)) },
    }),
  };
}
