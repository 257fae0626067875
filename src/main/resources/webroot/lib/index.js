/**
 * The public API of the browser side of the end-to-end encryption protocol (docs/protocol.md section 12).
 * WebCrypto only; import from here rather than from the files behind it.
 */
export { CryptoError, Reason } from './errors.js';
export {
  concat, equal, fromBase64url, fromHex, label0, lp16, lp8, toBase64url, toHex, uint, utf8,
} from './bytes.js';
export { checkX25519PublicKey, generateX25519, importX25519, x25519 } from './x25519.js';
export { ed25519Sign, ed25519Verify, generateEd25519, importEd25519, isValidEd25519PublicKey } from './ed25519.js';
export { aesGcmOpen, aesGcmSeal, hkdf, hkdfExpand, hkdfExtract, hmacSha256, sha256 } from './symmetric.js';
export { fixedKeys, randomKeys } from './keys.js';
export { Aead, Mode, open, openAuth, seal, sealAuth } from './hpke.js';
export { parseCertificate, signCertificate, verifyCertificate } from './certificate.js';
export { HELLO, MAX_TEXT_LENGTH, textMessage } from './content.js';
export { acceptInit, startConversation, transcriptHash } from './handshake.js';
export { pad, unpad } from './padding.js';
export { Session } from './session.js';
export { MAX_SKIP } from './ratchet.js';
export { safetyCode } from './safety-code.js';
export { associationKeyFingerprint } from './association-key.js';
export { openTransferNote, sealTransferNote, transferNoteContent } from './transfer-note.js';
export { openReferral, sealReferral } from './referral.js';
export {
  CODE_ALPHABET, CODE_LENGTH, deriveMailbox, formatMessageCode, isMessageCode, mailboxIdOf, newMessageCode,
  normaliseMessageCode,
} from './message-code.js';
export {
  LetterKind, MAX_RECIPIENTS, VISITOR_RECIPIENT, letterContent, newLetterId, openLetter, parseLetter, replyKeyOf,
  sealLetter,
} from './letters.js';
