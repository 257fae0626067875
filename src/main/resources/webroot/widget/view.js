/**
 * The widget on screen, inside its shadow root: the bar with the organisation, the language menu and the quick exit,
 * the main area of the current phase, and the emergency numbers, always there.
 */
import { ChatLog, Composer } from './chat-log.js';
import { h } from './dom.js';
import { LANGUAGES, routingTag, Translator } from './i18n.js';
import * as letterPhases from './letter-phases.js';
import * as phases from './phases.js';

/** The numbers shown when the service description cannot be fetched: the same as the server's. */
const EMERGENCY = Object.freeze([
  { number: '17', kind: 'police' }, { number: '112', kind: 'emergency' }, { number: '114', kind: 'sms' },
  { number: '119', kind: 'children' }, { number: '3919', kind: 'violence-women' },
]);
const PANELS = {
  intro: phases.intro, starting: phases.starting, waiting: phases.waiting, assigned: phases.arriving,
  transferring: phases.arriving, chatting: phases.chatting, ended: phases.ended, refused: phases.refused,
  expired: phases.stopped, superseded: phases.stopped, failed: phases.stopped,
  letter: letterPhases.letter, 'letter-code': letterPhases.letterCode, mailbox: letterPhases.mailbox,
  'mailbox-deleted': letterPhases.deleted,
};

export class View {
  /**
   * @param {ShadowRoot} shadow
   * @param {import('./controller.js').Controller} controller
   * @param {object} settings
   * @param {Map<string, Record<string, string>>} catalogues
   * @param {string} language
   * @param {() => void} onExit the quick exit
   */
  constructor(shadow, controller, settings, catalogues, language, onExit) {
    this.shadow = shadow;
    this.controller = controller;
    this.settings = settings;
    this.catalogues = catalogues;
    this.onExit = onExit;
    this.ui = {
      safetyCode: null, copied: false, resumeOpen: false, clipboardUsed: false, codeCopied: false,
      confirmDelete: false,
    };
    this.log = new ChatLog((id, given) => controller.answerReferral(id, given));
    this.composer = new Composer((text) => controller.sendText(text,
      { languages: this.routingLanguages(), language: this.tr.language }));
    this.setLanguage(language);
  }

  setLanguage(language) {
    this.tr = new Translator(language, this.catalogues.get(language));
    this.log.build(this.tr);
    this.render();
  }

  /** The controller changed `what`: the smallest part of the screen that shows it is written again. */
  changed(what) {
    if (what === 'messages') {
      this.log.update(this.controller.state.messages);
    } else if (what === 'queue' && this.queueStatus && phases.isLongWait(this.controller.state) === this.longWait) {
      this.queueStatus.replaceChildren(...phases.queueLines(this.context()).filter(Boolean));
    } else if (what === 'connection') {
      this.banner.replaceChildren(...this.bannerText());
    } else {
      if (what === 'phase' && this.controller.state.phase !== 'chatting') {
        this.ui.safetyCode = null;
      }
      if (what === 'phase') {
        this.ui.confirmDelete = false;
      }
      this.render();
    }
  }

  render() {
    const { tr } = this;
    const focused = this.shadow.activeElement;
    const state = this.controller.state;
    this.banner = h('div', { class: 'banner', role: 'status' }, ...this.bannerText());
    const panel = PANELS[state.phase](this.context());
    this.queueStatus = panel.querySelector('.queue');
    // The button to leave a message sits outside the live region: it comes and goes with a full render only.
    this.longWait = phases.isLongWait(state);
    this.log.update(state.messages);
    const root = h('div', { class: 'widget', lang: tr.language === 'zh' ? 'zh-Hans' : tr.language, dir: 'ltr',
      role: 'region', 'aria-label': tr.t('widget.label', { org: this.settings.orgName }), 'data-phase': state.phase },
    this.exit(),
    this.bar(),
    this.emergency(),
    this.banner,
    h('div', { class: 'main' }, panel));
    this.shadow.replaceChildren(root);
    this.log.element.scrollTop = this.log.element.scrollHeight; // moved into the new tree, it lost its scroll
    // Keep the visitor where they were: the composer and the log are the same elements in the new tree.
    if (focused && root.contains(focused)) {
      focused.focus();
    }
  }

  context() {
    return {
      tr: this.tr, controller: this.controller, state: this.controller.state, orgName: this.settings.orgName,
      log: this.log.element, composer: () => this.composer.build(this.tr), ui: this.ui, shadow: this.shadow,
      set: (change) => {
        Object.assign(this.ui, change);
        this.render();
      },
      languages: () => this.routingLanguages(),
    };
  }

  /** The language chosen first, then the browser's other languages; at most three, as bare tags. */
  routingLanguages() {
    const tags = [this.tr.language, ...(navigator.languages ?? [])].map(routingTag).filter(Boolean);
    return [...new Set(tags)].slice(0, 3);
  }

  bar() {
    const { tr } = this;
    const select = h('select', { id: 'pw-language', onchange: (event) => this.setLanguage(event.target.value) },
      LANGUAGES.map((language) => h('option', {
        value: language, lang: language === 'zh' ? 'zh-Hans' : language, selected: language === tr.language,
      }, this.catalogues.get(language)['language.name'])));
    return h('div', { class: 'bar' },
      h('p', { class: 'org' }, this.settings.orgName),
      h('div', { class: 'language' }, h('label', { for: 'pw-language' }, tr.t('language.label')), select));
  }

  /** Fixed to a corner of the screen, so that it stays in reach wherever the page is scrolled. */
  exit() {
    const { tr } = this;
    return h('div', { class: 'exit' },
      h('button', { type: 'button', class: 'exit-button', 'aria-describedby': 'pw-exit-hint',
        onclick: () => this.onExit() }, tr.t('exit.button')),
      h('p', { id: 'pw-exit-hint', class: 'exit-hint' }, tr.t('exit.hint')));
  }

  bannerText() {
    return this.controller.state.connection === 'reconnecting' ? [h('p', {}, this.tr.t('connection.lost'))] : [];
  }

  emergency() {
    const { tr } = this;
    const numbers = this.controller.state.service?.emergency ?? EMERGENCY;
    return h('section', { class: 'emergency', 'aria-labelledby': 'pw-emergency' },
      h('h2', { id: 'pw-emergency' }, tr.t('emergency.title')),
      h('ul', {}, numbers.map(({ number, kind }) => {
        const sms = kind === 'sms';
        const label = tr.t(`emergency.${kind}`);
        return h('li', {}, h('a', {
          href: `${sms ? 'sms' : 'tel'}:${number}`,
          'aria-label': tr.t(sms ? 'emergency.smsLabel' : 'emergency.callLabel', { number, kind: label }),
        }, h('span', { class: 'number' }, number), h('span', { class: 'kind' }, label)));
      })));
  }

  /** Whether the visitor copied the resume code: the quick exit then overwrites the clipboard. */
  get clipboardUsed() {
    return this.ui.clipboardUsed;
  }
}
