/**
 * The JavaScript side of docs/protocol.md 12.11: replays the known-answer script from a file's inputs with fixed
 * keys, to rebuild the whole file, and opens every message, note and referral the file holds.
 */
import {
  acceptInit, concat, fixedKeys, fromHex, hkdf, importEd25519, importX25519, openReferral, openTransferNote,
  parseCertificate, safetyCode, sealReferral, sealTransferNote, signCertificate, startConversation, toHex, utf8,
  x25519,
} from '../lib/index.js';

/** Fixed keys from a list of hex private keys, which remembers the ones drawn: those the file lists. */
function recordedKeys(privateKeys) {
  const source = fixedKeys(privateKeys.map(fromHex));
  const drawn = [];
  return {
    drawn,
    async x25519() {
      const pair = await source.x25519();
      drawn.push(privateKeys[drawn.length]);
      return pair;
    },
  };
}

/**
 * Plays the script: each side sends with its own keys, and each receiver opens either what was just sent or, with
 * `fromFile`, the header and body the file holds. Returns the sent messages, what each receiver read, and both
 * sessions.
 */
async function play(file, fromFile) {
  const inputs = file.inputs;
  const root = await importEd25519(fromHex(inputs.rootSeed));
  const context = { orgId: inputs.orgId, rootPublicKey: root.publicKey, conversationId: inputs.conversationId };
  const identity = {
    dh: await importX25519(fromHex(inputs.workerIdentityDhPrivate)),
    signing: (await importEd25519(fromHex(inputs.workerIdentitySigningSeed))).privateKey,
  };
  const visitorEphemeral = await importX25519(fromHex(inputs.visitorEphemeralPrivate));
  const sides = {
    worker: { keys: recordedKeys(inputs.workerKeys), session: null },
    visitor: { keys: recordedKeys(inputs.visitorKeys), session: null },
  };
  const sent = new Map();
  const read = new Map();
  for (const [action, n] of file.script) {
    const message = file.messages[n - 1];
    const sender = sides[message.from];
    const receiver = sides[message.from === 'worker' ? 'visitor' : 'worker'];
    if (action === 'send' && sender.session === null) {
      const init = await startConversation({
        ...context, visitorKey: visitorEphemeral.publicKey, certificate: fromHex(inputs.certificate), identity,
        json: message.content, keys: sender.keys,
      });
      sender.session = init.session;
      sent.set(n, init);
    } else if (action === 'send') {
      sent.set(n, await sender.session.encrypt(message.content));
    } else {
      const { header, body } = fromFile ? { header: fromHex(message.header), body: fromHex(message.body) } : sent.get(n);
      if (receiver.session === null) {
        const accepted = await acceptInit({
          ...context, now: inputs.now, visitorKey: visitorEphemeral, header, body, keys: receiver.keys,
        });
        receiver.session = accepted.session;
        read.set(n, accepted.json);
      } else {
        read.set(n, (await receiver.session.decrypt(header, body)).json);
      }
    }
  }
  return { sent, read, sides, identity, root, visitorEphemeral };
}

/**
 * The whole known-answer document rebuilt from the file's inputs, members in the order of 12.11: the certificate
 * signed again from its own fields and the root seed, and only the keys the run drew.
 */
export async function rebuild(file) {
  const inputs = file.inputs;
  const { sent, sides, identity, root, visitorEphemeral } = await play(file, false);
  const certificate = fromHex(inputs.certificate);
  const workerEphemeral = await importX25519(fromHex(inputs.workerKeys[0]));
  const th = sides.worker.session.transcriptHash;
  // SK by the formula of 12.3, from the fixed keys: the sessions never let it out.
  const sk = await hkdf(th, concat(await x25519(identity.dh.privateKey, visitorEphemeral.publicKey),
    await x25519(workerEphemeral.privateKey, visitorEphemeral.publicKey)), utf8('passerelle/v1/handshake'), 32);
  const note = file.transferNote;
  const referral = file.referral;
  return {
    version: 1,
    inputs: {
      ...inputs, certificate: toHex(await signCertificate(parseCertificate(certificate), root.privateKey)),
      workerKeys: sides.worker.keys.drawn, visitorKeys: sides.visitor.keys.drawn,
    },
    handshake: {
      visitorEphemeralPublic: toHex(visitorEphemeral.publicKey),
      workerEphemeralPublic: toHex(workerEphemeral.publicKey),
      transcriptHash: toHex(th),
      sharedSecret: toHex(sk),
      safetyCode: await safetyCode(sides.visitor.session.transcriptHash),
    },
    script: file.script,
    messages: file.messages.map((m) => ({
      n: m.n, from: m.from, content: m.content, header: toHex(sent.get(m.n).header), body: toHex(sent.get(m.n).body),
    })),
    transferNote: {
      recipientWorkerId: note.recipientWorkerId, recipientPrivate: note.recipientPrivate,
      ephemeralPrivate: note.ephemeralPrivate, content: note.content,
      note: toHex(await sealTransferNote({
        orgId: inputs.orgId, recipientWorkerId: note.recipientWorkerId,
        recipientDhKey: (await importX25519(fromHex(note.recipientPrivate))).publicKey, senderCertificate: certificate,
        sender: identity.dh, json: note.content, keys: fixedKeys([fromHex(note.ephemeralPrivate)]),
      })),
    },
    referral: {
      associationId: referral.associationId, formVersion: referral.formVersion, referralId: referral.referralId,
      recipientPrivate: referral.recipientPrivate, ephemeralPrivate: referral.ephemeralPrivate,
      content: referral.content,
      sealed: toHex(await sealReferral({
        associationKey: (await importX25519(fromHex(referral.recipientPrivate))).publicKey,
        associationId: referral.associationId, formVersion: referral.formVersion, referralId: referral.referralId,
        json: referral.content, keys: fixedKeys([fromHex(referral.ephemeralPrivate)]),
      })),
    },
  };
}

/** What the receivers read from the file's own messages, note and referral: JSON texts, by message number. */
export async function openAll(file) {
  const inputs = file.inputs;
  const { read, root } = await play(file, true);
  const note = await openTransferNote({
    note: fromHex(file.transferNote.note), orgId: inputs.orgId, rootPublicKey: root.publicKey, now: inputs.now,
    recipientWorkerId: file.transferNote.recipientWorkerId,
    recipient: await importX25519(fromHex(file.transferNote.recipientPrivate)),
  });
  const referral = await openReferral({
    sealed: fromHex(file.referral.sealed), recipient: await importX25519(fromHex(file.referral.recipientPrivate)),
    associationId: file.referral.associationId, formVersion: file.referral.formVersion,
    referralId: file.referral.referralId,
  });
  return { messages: Object.fromEntries(read), transferNote: note.json, referral: referral.json };
}

/** A known-answer document as its file's text: JSON with two-space indents, one value per line, a final line break. */
export function fileText(document) {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** {@link rebuild} as the file's text. */
export async function rebuildText(text) {
  return fileText(await rebuild(JSON.parse(text)));
}
