/**
 * The quick exit (docs/protocol.md 7.6 and the design brief): the page goes blank at once, the session is erased on
 * the server, the widget forgets everything, and the page is replaced by a neutral site with `location.replace`, so
 * that Back does not come back. Reached by the button that is always on screen, or by pressing Escape twice.
 */

/** Two presses of Escape within this many milliseconds leave. */
export const DOUBLE_PRESS_MS = 1000;
let leaving = false;

/**
 * Listens for Escape pressed twice, anywhere on the page.
 * @param {() => void} exit
 */
export function listenForShortcut(exit) {
  let last = -Infinity;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.repeat) {
      return;
    }
    const now = performance.now();
    if (now - last <= DOUBLE_PRESS_MS) {
      event.preventDefault();
      exit();
    }
    last = now;
  }, true);
}

/**
 * Leaves now. Safe to call twice: the second call does nothing.
 * @param {{controller: import('./controller.js').Controller, clipboardUsed: () => boolean, exitUrl: string,
 *   neutralTitle: string | null}} widget
 */
export async function quickExit({ controller, clipboardUsed, exitUrl, neutralTitle }) {
  if (leaving) {
    return;
  }
  leaving = true;
  blank(neutralTitle);
  if (clipboardUsed()) {
    navigator.clipboard.writeText(' ').catch(() => {}); // the resume code must not stay there
  }
  await controller.erase();
  location.replace(exitUrl);
}

// Nothing of the page or the widget stays on screen while the erasure is on its way.
function blank(neutralTitle) {
  const root = document.documentElement;
  root.replaceChildren(document.createElement('head'), document.createElement('body'));
  document.title = neutralTitle ?? '';
}
