/** Worker certificates in the page: the known answer of docs/protocol.md and every refusal, by name. */
import {
  concat, ed25519Sign, fromHex, importEd25519, importX25519, label0, parseCertificate, signCertificate, toHex,
  uint, utf8, verifyCertificate,
} from '../lib/index.js';
import { flipped, reasonOf } from './outcome.js';

const NOT_BEFORE = 1798761600n;
const NOT_AFTER = 1801353600n;
const NOW = 1798800000;
const LATEST = 253402300799n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

async function keys() {
  return {
    root: await importEd25519(fromHex('01'.repeat(32))),
    otherRoot: await importEd25519(fromHex('09'.repeat(32))),
    dh: await importX25519(fromHex('02'.repeat(32))),
    signing: await importEd25519(fromHex('03'.repeat(32))),
  };
}

function int64(value) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, value, false);
  return out;
}

// A body from raw parts, with no check at all, so that tests can build what signCertificate refuses.
function rawBody(k, parts = {}) {
  const p = {
    version: 1, orgId: utf8('org-demo'), workerId: utf8('w-1'), pseudonym: utf8('Camille'), dh: k.dh.publicKey,
    signing: k.signing.publicKey, notBefore: NOT_BEFORE, notAfter: NOT_AFTER, ...parts,
  };
  return concat(uint(p.version, 1), uint(p.orgId.length, 1), p.orgId, uint(p.workerId.length, 1), p.workerId,
    uint(p.pseudonym.length, 1), p.pseudonym, p.dh, p.signing, int64(p.notBefore), int64(p.notAfter));
}

async function signed(body, rootKey) {
  return concat(body, await ed25519Sign(rootKey.privateKey, concat(label0('passerelle/v1/worker-certificate'), body)));
}

/** The known answer: keys, body and signature as hex, and what verification returns. */
export async function knownAnswer() {
  const k = await keys();
  const certificate = await signCertificate({
    orgId: 'org-demo', workerId: 'w-1', pseudonym: 'Camille', identityDhKey: k.dh.publicKey,
    identitySigningKey: k.signing.publicKey, notBefore: NOT_BEFORE, notAfter: NOT_AFTER,
  }, k.root.privateKey);
  const verified = await verifyCertificate(certificate, { rootPublicKey: k.root.publicKey, orgId: 'org-demo', now: NOW });
  return {
    rootPublicKey: toHex(k.root.publicKey), identityDhKey: toHex(k.dh.publicKey),
    identitySigningKey: toHex(k.signing.publicKey), body: toHex(certificate.subarray(0, 102)),
    signature: toHex(certificate.subarray(102)), length: certificate.length,
    verified: {
      orgId: verified.orgId, workerId: verified.workerId, pseudonym: verified.pseudonym,
      identityDhKey: toHex(verified.identityDhKey), identitySigningKey: toHex(verified.identitySigningKey),
      notBefore: String(verified.notBefore), notAfter: String(verified.notAfter),
    },
  };
}

/** Each case's outcome: "ok" or the reason of the refusal. */
export async function outcomes() {
  const k = await keys();
  const good = await signed(rawBody(k), k.root);
  const verify = (certificate, { now = NOW, orgId = 'org-demo', root = k.root.publicKey } = {}) =>
    reasonOf(() => verifyCertificate(certificate, { rootPublicKey: root, orgId, now }));
  const withParts = async (parts, root = k.root) => verify(await signed(rawBody(k, parts), root));
  const malleated = concat(good.subarray(0, 134),
    fromHex((BigInt(`0x${toHex(good.slice(134).reverse())}`) + L).toString(16).padStart(64, '0')).reverse());
  const cases = {
    'valid': verify(good),
    'valid from notBefore': verify(good, { now: Number(NOT_BEFORE) }),
    'valid until notAfter - 1': verify(good, { now: Number(NOT_AFTER) - 1 }),
    'now before notBefore': verify(good, { now: Number(NOT_BEFORE) - 1 }),
    'now at notAfter': verify(good, { now: Number(NOT_AFTER) }),
    'another organisation': withParts({ orgId: utf8('org-other') }),
    'organisation differs in case only': withParts({ orgId: utf8('Org-demo') }),
    'signed by another root': withParts({}, k.otherRoot),
    'signature bit flipped': verify(flipped(good, -1)),
    'pseudonym bit flipped': verify(flipped(good, 16)),
    'S + L': verify(malleated),
    'root public key of 31 bytes': verify(good, { root: k.root.publicKey.subarray(1) }),
    'version 2': withParts({ version: 2 }),
    'trailing byte': verify(concat(good, new Uint8Array(1))),
    'empty orgId': withParts({ orgId: new Uint8Array(0) }),
    'pseudonym of 64 bytes': withParts({ pseudonym: utf8('p'.repeat(64)) }),
    'pseudonym of 65 bytes': withParts({ pseudonym: utf8('p'.repeat(65)) }),
    'overlong UTF-8': withParts({ pseudonym: fromHex('c0af') }),
    'encoded surrogate': withParts({ pseudonym: fromHex('eda080') }),
    'code point above U+10FFFF': withParts({ pseudonym: fromHex('f4908080') }),
    'cut-short UTF-8': withParts({ pseudonym: fromHex('41e282') }),
    'DH key all zeros': withParts({ dh: new Uint8Array(32) }),
    'DH key of order 8': withParts({ dh: fromHex('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800') }),
    'DH key u = p - 1': withParts({ dh: fromHex(`ec${'ff'.repeat(30)}7f`) }),
    'DH key u = p': withParts({ dh: fromHex(`ed${'ff'.repeat(30)}7f`) }),
    'DH key with the top bit set': withParts({ dh: k.dh.publicKey.map((b, i) => (i === 31 ? b | 0x80 : b)) }),
    'signing key of small order': withParts({ signing: fromHex(`01${'00'.repeat(31)}`) }),
    'signing key not canonical': withParts({ signing: fromHex(`ee${'ff'.repeat(30)}7f`) }),
    'signing key not on the curve': withParts({ signing: fromHex(`02${'00'.repeat(31)}`) }),
    'notAfter equal to notBefore': withParts({ notAfter: NOT_BEFORE }),
    'notAfter before notBefore': withParts({ notAfter: NOT_BEFORE - 1n }),
    'widest window, 0 to 9999-12-31T23:59:59Z': withParts({ notBefore: 0n, notAfter: LATEST }),
    'notBefore -1': withParts({ notBefore: -1n }),
    'notAfter one second after 9999': withParts({ notAfter: LATEST + 1n }),
    'widest int64 window': withParts({ notBefore: -(2n ** 63n), notAfter: 2n ** 63n - 1n }),
    'malformed and badly signed': withParts({ version: 2 }, k.otherRoot),
    'foreign and badly signed': withParts({ orgId: utf8('org-other') }, k.otherRoot),
    'foreign and expired': verify(await signed(rawBody(k, { orgId: utf8('org-other') }), k.root), { now: Number(NOT_AFTER) }),
  };
  const names = Object.keys(cases);
  const results = await Promise.all(Object.values(cases));
  return Object.fromEntries(names.map((name, i) => [name, results[i]]));
}

/** Every truncation of a good certificate, and the refusals of signCertificate for fields it cannot encode. */
export async function truncationsAndEncoding() {
  const k = await keys();
  const good = await signed(rawBody(k), k.root);
  const truncations = [];
  for (let length = 0; length < good.length; length++) {
    truncations.push(await reasonOf(() => verifyCertificate(good.subarray(0, length),
      { rootPublicKey: k.root.publicKey, orgId: 'org-demo', now: NOW })));
  }
  const fields = {
    orgId: 'org-demo', workerId: 'w-1', pseudonym: 'Camille', identityDhKey: k.dh.publicKey,
    identitySigningKey: k.signing.publicKey, notBefore: NOT_BEFORE, notAfter: NOT_AFTER,
  };
  const sign = (changes) => reasonOf(() => signCertificate({ ...fields, ...changes }, k.root.privateKey));
  const bom = await signed(rawBody(k, { pseudonym: fromHex('efbbbf41') }), k.root);
  return {
    truncations: [...new Set(truncations)], truncationCount: truncations.length,
    loneSurrogate: await sign({ pseudonym: 'Ca\ud800' }), tooLong: await sign({ pseudonym: 'é'.repeat(33) }),
    lowOrderKey: await sign({ identityDhKey: new Uint8Array(32) }), emptyWindow: await sign({ notAfter: NOT_BEFORE }),
    validityBounds: {
      widest: await sign({ notBefore: 0, notAfter: LATEST }), beforeEpoch: await sign({ notBefore: -1 }),
      after9999: await sign({ notAfter: LATEST + 1n }), beyondInt64: await sign({ notAfter: 2n ** 64n }),
    },
    bomKept: parseCertificate(bom).pseudonym === '\ufeffA',
  };
}
