/**
 * The inputs of the letters' known-answer file this side authors, `letters-js-v1.json` (docs/protocol.md 12.12):
 * the same shape as the Java side's `letters-v1.json`, with another organisation, code, workers, keys and contents.
 * `authoredText` writes the whole file from them.
 */
import {
  fromHex, importEd25519, importX25519, letterContent, signCertificate, toHex,
} from '../lib/index.js';
import { fileText, rebuild } from './letters.js';

const ORG_ID = 'org-rhône';
const CODE_AS_TYPED = 'k7qm-2xh4 rz9t\nbwd3-fnpv'; // normalised: K7QM2XH4RZ9TBWD3FNPV
const NOT_BEFORE = 1830297600; // 2028-01-01T00:00:00Z
const NOT_AFTER = 1838073600; // 90 days later
const WORKERS = [['w-7', 'Zoë', 0x06], ['w-8', 'Илья', 0x08]];

function filled(value) {
  return value.toString(16).padStart(2, '0').repeat(32);
}

/** The authored inputs, with placeholders where the file holds computed values. */
export async function authored() {
  const root = await importEd25519(fromHex(filled(0x05)));
  const certificates = {};
  // Signed here once; rebuild signs them again from their fields and the seeds.
  for (const [workerId, pseudonym, seed] of WORKERS) {
    const dh = await importX25519(fromHex(filled(seed)));
    const signing = await importEd25519(fromHex(filled(seed + 1)));
    const certificate = await signCertificate({
      orgId: ORG_ID, workerId, pseudonym, identityDhKey: dh.publicKey, identitySigningKey: signing.publicKey,
      notBefore: NOT_BEFORE, notAfter: NOT_AFTER,
    }, root.privateKey);
    certificates[workerId] = {
      identityDhPrivate: filled(seed), identitySigningSeed: filled(seed + 1), certificate: toHex(certificate),
    };
  }
  // The visitor's letters name the reply key the code derives: rebuild computes it, the content needs it first.
  const draft = await rebuild({
    version: 1, orgId: ORG_ID, rootSeed: filled(0x05), rootPublicKey: '', certificates, codeAsTyped: CODE_AS_TYPED,
    code: '', displayedCode: '', token: '', replyKey: '', replyPub: '', mailboxId: '', letters: [],
  });
  const replyPub = fromHex(draft.replyPub);
  return rebuild({
    ...draft,
    letters: [
      {
        letterId: 'l-js-1', kind: 1, at: 1830503700,
        content: letterContent({
          text: 'Добрий вечір. Мені потрібна допомога з документами 📄 — «карта резидента».\nЧи можна завтра?',
          replyPub, language: 'uk',
        }),
        contentKey: filled(0x80), ephemerals: [filled(0x81), filled(0x82)], recipients: ['w-7', 'w-8'], letter: '',
      },
      {
        letterId: 'l-js-2', kind: 2, at: 1830590100,
        content: letterContent({ text: 'Bonjour, c\'est Ilya. Oui : demain 10 h, 12 rue "des Lilas" \\ bât. B 🗺️' }),
        contentKey: filled(0x83), ephemerals: [filled(0x84), filled(0x85), filled(0x86)],
        recipients: ['visitor', 'w-8', 'w-7'], sender: 'w-8', letter: '',
      },
      {
        letterId: 'l-js-3', kind: 1, at: 1830600000,
        content: letterContent({ text: 'Дякую 🙏🏽 𝄞', replyPub }),
        contentKey: filled(0x87), ephemerals: [filled(0x88), filled(0x89)], recipients: ['w-8', 'w-7'], letter: '',
      },
    ],
  });
}

/** The file `letters-js-v1.json`, as its text. */
export async function authoredText() {
  return fileText(await authored());
}
