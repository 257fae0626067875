/**
 * The visitor widget: finds its own script tag, reads the organisation's pinned identity from it, and draws the chat
 * in a shadow root just after the tag. Plain ES modules, no third-party code; the import map of the embed snippet
 * pins every file it loads.
 */
import sheet from './widget.css' with { type: 'css' };
import { Controller } from './controller.js';
import { chooseLanguage, loadCatalogues } from './i18n.js';
import { listenForShortcut, quickExit } from './quick-exit.js';
import { findScript, readSettings } from './settings.js';
import { View } from './view.js';

let host = null;
boot().catch((e) => {
  host?.remove(); // nothing half drawn: a file refused for its integrity, or a snippet without its attributes
  console.error('passerelle widget:', e?.message ?? 'failed to start');
});

async function boot() {
  const script = findScript(import.meta.url);
  if (!script) {
    throw new Error('the widget script tag was not found');
  }
  const settings = readSettings(script, import.meta.url);
  if (settings.neutralTitle) {
    document.title = settings.neutralTitle;
  }
  let view = null;
  const controller = new Controller(settings, (what) => view?.changed(what));
  const exit = () => quickExit({
    controller, clipboardUsed: () => Boolean(view?.clipboardUsed), exitUrl: settings.exitUrl,
    neutralTitle: settings.neutralTitle,
  });
  listenForShortcut(exit);

  host = document.createElement('div');
  host.className = 'passerelle-widget';
  script.after(host);
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheet];
  const catalogues = await loadCatalogues();
  view = new View(shadow, controller, settings, catalogues, chooseLanguage(navigator.languages), exit);
  await controller.loadService();
}
