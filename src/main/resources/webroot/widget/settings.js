/**
 * What the embed snippet tells the widget, read from its own script tag: the organisation it speaks for (id, name,
 * pinned root public key), where the quick exit goes, and the host page's neutral title. The relay is the origin the
 * widget was loaded from.
 */
import { fromBase64url } from '../lib/index.js';

/** Where the quick exit goes when the snippet does not say: a common site that looks like nothing in particular. */
export const DEFAULT_EXIT_URL = 'https://meteofrance.com/';
const ORG_ID = /^[A-Za-z0-9._-]{1,64}$/;
const CAMPAIGN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The script element that loaded `moduleUrl`.
 * @param {string} moduleUrl `import.meta.url` of the widget
 * @returns {HTMLScriptElement | null}
 */
export function findScript(moduleUrl) {
  return [...document.querySelectorAll('script[type="module"][src]')].find((s) => s.src === moduleUrl) ?? null;
}

/**
 * The settings of the widget, or an Error naming what is missing from the snippet.
 * @param {HTMLScriptElement} script
 * @param {string} moduleUrl
 */
export function readSettings(script, moduleUrl) {
  const data = script.dataset;
  if (!ORG_ID.test(data.orgId ?? '')) {
    throw new Error('data-org-id is missing or invalid');
  }
  if (!data.orgName?.trim()) {
    throw new Error('data-org-name is missing');
  }
  let rootPublicKey;
  try {
    rootPublicKey = fromBase64url(data.rootKey ?? '');
  } catch {
    throw new Error('data-root-key is not base64url');
  }
  if (rootPublicKey.length !== 32) {
    throw new Error('data-root-key is not a 32-byte key');
  }
  return Object.freeze({
    orgId: data.orgId,
    orgName: data.orgName.trim(),
    rootPublicKey,
    relay: new URL(moduleUrl).origin,
    exitUrl: exitUrl(data.exitUrl),
    neutralTitle: data.neutralTitle?.trim() || null,
    campaign: campaign(data.campaignParam || 'campaign'),
  });
}

function exitUrl(text) {
  if (text) {
    try {
      const url = new URL(text, document.baseURI);
      if (url.protocol === 'https:' || url.protocol === 'http:') {
        return url.href;
      }
    } catch {
      // an address that does not parse: the default is safer than nothing
    }
  }
  return DEFAULT_EXIT_URL;
}

// An outreach link's campaign code, from the host page's address: counted by the server, never tied to a person.
function campaign(parameter) {
  const value = new URL(location.href).searchParams.get(parameter);
  return value && CAMPAIGN.test(value) ? value : null;
}
