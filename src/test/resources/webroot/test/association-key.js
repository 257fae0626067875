/**
 * The intake page's opening of a referral (webroot/lib/key-file.js and referral.js) on files and blobs made in Java:
 * an association key file from `intake keygen`, clear or sealed with a passphrase, and a referral sealed by
 * `e2e.SealedReferral`.
 */
import { fromBase64url, openReferral } from '../lib/index.js';
import { readAssociationKeyFile, unlockAssociationKeyFile } from '../lib/key-file.js';

/**
 * The form inside `sealed`, opened with the key file's key pair.
 * @returns {Promise<{form: object, publicKey: string}>}
 */
export async function open(fileText, passphrase, sealed, associationId, referralId) {
  const pair = await unlockAssociationKeyFile(readAssociationKeyFile(fileText), passphrase);
  const { content } = await openReferral({ sealed: fromBase64url(sealed), recipient: pair, associationId, referralId });
  return content;
}

/** Why a key file does not open (`KeyFileError` reason) or a referral does not (`CryptoError` reason). */
export async function refusal(fileText, passphrase, sealed, associationId, referralId) {
  try {
    await open(fileText, passphrase, sealed, associationId, referralId);
    return 'opened';
  } catch (e) {
    return e.reason ?? String(e);
  }
}
