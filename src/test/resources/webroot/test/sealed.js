/**
 * Transfer notes and referrals in the page (docs/protocol.md 12.7 and 12.8), and the encodings under them:
 * padding, contents and base64url. Each function returns named outcomes for the Java side to compare.
 */
import {
  concat, fromBase64url, fromHex, lp8, generateX25519, importEd25519, importX25519, openReferral, openTransferNote, pad,
  sealReferral, sealTransferNote, signCertificate, textMessage, toBase64url, toHex, transferNoteContent, unpad, utf8,
} from '../lib/index.js';
import { decodeContent } from '../lib/content.js';
import { flipped, reasonOf, tally } from './outcome.js';

const ORG = 'org-demo';
const NOW = 1798800000;
const NOT_AFTER = 1801353600;

async function worker(root, workerId, seed) {
  const dh = await importX25519(fromHex(seed.repeat(32)));
  const signing = await importEd25519(fromHex(seed.repeat(32)));
  const certificate = await signCertificate({
    orgId: ORG, workerId, pseudonym: workerId, identityDhKey: dh.publicKey, identitySigningKey: signing.publicKey,
    notBefore: 1798761600, notAfter: NOT_AFTER,
  }, root.privateKey);
  return { workerId, dh, certificate };
}

// A caller's mistake, such as a text too long, is a RangeError rather than a refusal of received data.
function refusedByCaller(operation) {
  try {
    operation();
    return 'ok';
  } catch (e) {
    return e.name;
  }
}

/** A note from w-1 to w-2, opened by w-2, and each way it is refused. */
export async function transferNotes() {
  const root = await importEd25519(fromHex('01'.repeat(32)));
  const [from, to, other] = [await worker(root, 'w-1', '02'), await worker(root, 'w-2', '04'),
    await worker(root, 'w-3', '05')];
  const json = transferNoteContent('Elle préfère le roumain.', new Date(Date.UTC(2027, 0, 2, 10, 0, 0, 250)));
  const seal = (changes = {}) => sealTransferNote({
    orgId: ORG, recipientWorkerId: to.workerId, recipientDhKey: to.dh.publicKey, senderCertificate: from.certificate,
    sender: from.dh, json, ...changes,
  });
  const note = await seal();
  const open = (changes = {}) => openTransferNote({
    note, orgId: ORG, rootPublicKey: root.publicKey, now: NOW, recipientWorkerId: to.workerId, recipient: to.dh,
    ...changes,
  });
  const opened = await open();
  const certificateEnd = 3 + from.certificate.length;
  return {
    json,
    text: opened.content.text,
    sender: opened.sender.workerId,
    'another recipient id': await reasonOf(() => open({ recipientWorkerId: 'w-3' })),
    'another recipient key': await reasonOf(() => open({ recipient: other.dh })),
    'sender certificate swapped for a colleague\'s': await reasonOf(() => open({
      note: concat(note.subarray(0, 1), new Uint8Array([0, other.certificate.length]), other.certificate,
        note.subarray(certificateEnd)),
    })),
    'sender certificate expired': await reasonOf(() => open({ now: NOT_AFTER })),
    'another organisation expected': await reasonOf(() => open({ orgId: 'org-other' })),
    'ciphertext bit flipped': await reasonOf(() => open({ note: flipped(note, -1) })),
    'version 2': await reasonOf(() => open({ note: concat(new Uint8Array([2]), note.subarray(1)) })),
    'truncated before the ciphertext': tally(await Promise.all(Array.from({ length: certificateEnd + 32 },
      (_, n) => reasonOf(() => open({ note: note.subarray(0, n) }))))),
    'a message content sealed as a note': await reasonOf(async () => open({
      note: await seal({ json: '{"type":"text","text":"x"}' }),
    })),
    'a note of 4001 characters': refusedByCaller(() => transferNoteContent('x'.repeat(4001))),
  };
}

/** A referral opened by its association, and each binding that makes it refuse. */
export async function referrals() {
  const association = await importX25519(fromHex('30'.repeat(32)));
  const json = '{"departement":"75","languages":["ro","fr"]}';
  const binding = { associationId: 'assoc-demo', formVersion: 1, referralId: 'r-1' };
  const sealed = await sealReferral({ associationKey: association.publicKey, ...binding, json });
  const open = (changes = {}) => openReferral({ sealed, recipient: association, ...binding, ...changes });
  return {
    opened: (await open()).json,
    'another association': await reasonOf(() => open({ associationId: 'assoc-other' })),
    'another form version': await reasonOf(() => open({ formVersion: 2 })),
    'another referral id': await reasonOf(() => open({ referralId: 'r-2' })),
    'another association key': await reasonOf(async () => open({ recipient: await generateX25519() })),
    'enc bit flipped': await reasonOf(() => open({ sealed: flipped(sealed, 1) })),
    'version 2': await reasonOf(() => open({ sealed: concat(new Uint8Array([2]), sealed.subarray(1)) })),
    'truncated before the ciphertext': tally(await Promise.all(Array.from({ length: 33 },
      (_, n) => reasonOf(() => open({ sealed: sealed.subarray(0, n) }))))),
    'enc of low order': await reasonOf(() => open({
      sealed: concat(sealed.subarray(0, 1), new Uint8Array(32), sealed.subarray(33)),
    })),
    'not a JSON object': await reasonOf(() => sealReferral({
      associationKey: association.publicKey, ...binding, json: '["a"]',
    })),
  };
}

/** Padding lengths and refusals, contents, and strict base64url. */
export async function encodings() {
  const padded = (n) => pad(new Uint8Array(n).fill(0x61));
  const refusedPadding = ['', '00', '80ff', '6180ff00', '61', '0000'].map((hex) => [hex, fromHex(hex)]);
  const content = (text) => reasonOf(async () => decodeContent(utf8(text)));
  const base64 = ['', 'AA', 'AAA', 'AAAA', 'AA==', 'AB', 'AAB', '+/8', 'A A', 'A', '_-8', '-_8'];
  const roundTrips = Array.from({ length: 66 }, (_, n) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) % 256))
    .every((bytes) => toHex(fromBase64url(toBase64url(bytes))) === toHex(bytes));
  return {
    paddedLengths: [0, 1, 254, 255, 256, 511, 512].map((n) => padded(n).length),
    unpadded: [0, 1, 255, 256].map((n) => unpad(padded(n)).length),
    padding: Object.fromEntries(await Promise.all(refusedPadding.map(async ([hex, bytes]) =>
      [hex, await reasonOf(async () => unpad(bytes))]))),
    contents: {
      'text of 4000 characters': await content(JSON.stringify({ type: 'text', text: '🙂'.repeat(4000) })),
      'text of 4001 characters': await content(JSON.stringify({ type: 'text', text: 'x'.repeat(4001) })),
      'empty text': await content('{"type":"text","text":""}'),
      'unknown type and member': await content('{"type":"consent","v":2}'),
      'no type': await content('{"text":"x"}'),
      'an array': await content('[]'),
      'not JSON': await content('{"type":'),
      'not UTF-8': await reasonOf(async () => decodeContent(fromHex('7b22ff227d'))),
    },
    base64url: Object.fromEntries(await Promise.all(base64.map(async (text) =>
      [text, await reasonOf(async () => fromBase64url(text))]))),
    encoded: toBase64url(fromHex('fbff00')),
    roundTrips,
    strings: {
      'a lone surrogate': await reasonOf(async () => utf8('c-\ud800')),
      '255 bytes in lp8': await reasonOf(async () => lp8(new Uint8Array(255))),
      '256 bytes in lp8': await reasonOf(async () => lp8(new Uint8Array(256))),
      'a lone surrogate in a text message': (() => {
        try {
          textMessage('bonjour \udc00');
          return 'ok';
        } catch (e) {
          return e.name; // the caller's mistake, as Java's IllegalArgumentException
        }
      })(),
    },
  };
}
