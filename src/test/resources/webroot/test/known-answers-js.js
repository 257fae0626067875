/**
 * The inputs of the known-answer file this side authors, `known-answers-js-v1.json` (docs/protocol.md 12.11): the
 * same script as the Java side's file, with other keys, names, times and contents, so that each implementation
 * also checks itself against values it did not choose. `authoredText` writes the whole file from them.
 */
import {
  fromHex, importEd25519, importX25519, signCertificate, textMessage, toHex, transferNoteContent,
} from '../lib/index.js';
import { fileText, rebuild } from './known-answers.js';

const SCRIPT = 'W send 1, W send 2, W send 3, V recv 1, V recv 3, V recv 2, V send 4, V send 5, W recv 5, W recv 4, '
  + 'W send 6, W send 7, V recv 6, V send 8, W recv 8, W send 9, V recv 9, V recv 7, V send 10, W recv 10';
const ORG_ID = 'org-rhône';
const NOT_BEFORE = 1830297600; // 2028-01-01T00:00:00Z
const NOT_AFTER = 1838073600; // 90 days later
const NOW = 1830503700; // 2028-01-03T09:15:00Z
const TEXTS = [
  ['worker', 'Bonjour, je suis Zoë 👋 Vous pouvez écrire dans votre langue.'],
  ['worker', 'مرحبا، يمكنك الكتابة بالعربية.'],
  ['worker', 'Привіт! Можна писати українською.'],
  ['visitor', 'Дякую. Мені потрібен лікар для дитини 👶🏽'],
  ['visitor', 'Ми біля метро «Stalingrad».'],
  ['worker', 'D\'accord. Un médecin reçoit sans rendez-vous demain à 9 h.\nAdresse : 12 rue "des Lilas" \\ bât. B'],
  ['worker', 'Voulez-vous le plan ? 🗺️'],
  ['visitor', 'Так, будь ласка 🙏'],
  ['worker', 'Ligne 2, sortie 3 — 5 minutes à pied. 𝄞 𠀋'],
  ['visitor', 'Дякую! До завтра 👨‍👩‍👧'],
];

/** `count` hex private keys of 32 equal bytes: `first`, `first + 1`, … */
function sequence(first, count) {
  return Array.from({ length: count }, (_, i) => filled(first + i));
}

function filled(value) {
  return value.toString(16).padStart(2, '0').repeat(32);
}

/** The authored inputs, in the shape of the file without its computed values; the key lists are longer than drawn. */
export async function authored() {
  const root = await importEd25519(fromHex(filled(0x05)));
  const dh = await importX25519(fromHex(filled(0x06)));
  const signing = await importEd25519(fromHex(filled(0x07)));
  const certificate = await signCertificate({
    orgId: ORG_ID, workerId: 'w-7', pseudonym: 'Zoë', identityDhKey: dh.publicKey,
    identitySigningKey: signing.publicKey, notBefore: NOT_BEFORE, notAfter: NOT_AFTER,
  }, root.privateKey);
  return {
    version: 1,
    inputs: {
      orgId: ORG_ID, conversationId: 'c-js-known-answer', now: NOW, rootSeed: filled(0x05),
      workerIdentityDhPrivate: filled(0x06), workerIdentitySigningSeed: filled(0x07), certificate: toHex(certificate),
      visitorEphemeralPrivate: filled(0x50), workerKeys: sequence(0x60, 16), visitorKeys: sequence(0x51, 15),
    },
    script: SCRIPT.split(', ').map((step) => {
      const [, action, n] = step.split(' ');
      return [action, Number(n)];
    }),
    messages: TEXTS.map(([from, text], i) => ({ n: i + 1, from, content: textMessage(text) })),
    transferNote: {
      recipientWorkerId: 'w-8', recipientPrivate: filled(0x70), ephemeralPrivate: filled(0x71),
      content: transferNoteContent('Visiteur ukrainophone avec un enfant 👶🏽 ; médecin demain 9 h, rue des Lilas.',
        new Date('2028-01-03T09:40:00Z')),
    },
    referral: {
      associationId: 'assoc-île-de-france', formVersion: 1, referralId: 'r-js-known-answer',
      recipientPrivate: filled(0x72), ephemeralPrivate: filled(0x73),
      content: JSON.stringify({ departement: '93', languages: ['uk', 'ru'], ageBand: '26-35', children: 1 }),
    },
  };
}

/** The file `known-answers-js-v1.json`, as its text. */
export async function authoredText() {
  return fileText(await rebuild(await authored()));
}
