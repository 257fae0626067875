/**
 * Opening hours, given by the server in the organisation's time zone, turned into the next week's slots and shown in
 * the visitor's own time zone and language.
 */
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The slots of the seven days from today (in the organisation's zone), as instants, in order.
 * @param {{day: string, from: string, to: string}[]} hours
 * @param {string} timeZone the organisation's
 * @param {number} now milliseconds since the epoch
 * @returns {{start: number, end: number}[]}
 */
export function upcomingSlots(hours, timeZone, now) {
  const today = partsIn(now, timeZone);
  const slots = [];
  for (let offset = -1; offset < 7; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const weekday = WEEKDAYS[date.getUTCDay()];
    for (const slot of hours) {
      if (slot.day !== weekday) {
        continue;
      }
      const from = minutes(slot.from);
      const to = minutes(slot.to);
      const y = date.getUTCFullYear();
      const m = date.getUTCMonth() + 1;
      const d = date.getUTCDate();
      const start = instantOf(y, m, d, from, timeZone);
      const end = instantOf(y, m, to > from ? d : d + 1, to, timeZone);
      if (end > now && start < now + 7 * DAY_MS) {
        slots.push({ start, end });
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}

/** Whether every day of the week is open from 00:00 to 24:00. */
export function alwaysOpen(hours) {
  return WEEKDAYS.every((day) => hours.some((s) => s.day === day && s.from === '00:00' && s.to === '24:00'));
}

/**
 * The slots as lines to show: the weekday and the two times in the visitor's zone.
 * @param {{start: number, end: number}[]} slots
 * @param {string} locale
 * @param {string} [visitorZone] the browser's own when absent
 * @returns {{day: string, from: string, to: string}[]}
 */
export function describeSlots(slots, locale, visitorZone) {
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: visitorZone });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: visitorZone });
  return slots.map((slot) => ({
    day: day.format(slot.start), from: time.format(slot.start), to: time.format(slot.end),
  }));
}

/**
 * An instant as a weekday and a time in the visitor's zone, such as "lundi 18:00".
 * @param {number} instant
 * @param {string} locale
 * @param {string} [visitorZone]
 */
export function describeInstant(instant, locale, visitorZone) {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: visitorZone,
  }).format(instant);
}

function minutes(text) {
  const [hh, mm] = text.split(':').map(Number);
  return hh * 60 + mm;
}

// The instant at which the wall clock of `timeZone` shows this date and time (minutes may reach 1440: midnight).
function instantOf(year, month, day, minutesOfDay, timeZone) {
  const wall = Date.UTC(year, month - 1, day, 0, minutesOfDay);
  let instant = wall - offsetAt(wall, timeZone);
  const corrected = wall - offsetAt(instant, timeZone);
  if (corrected !== instant) {
    instant = corrected; // the guess fell on the other side of a change of offset
  }
  return instant;
}

function offsetAt(instant, timeZone) {
  const p = partsIn(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

function partsIn(instant, timeZone) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric',
    minute: 'numeric', second: 'numeric',
  });
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute,
    second: parts.second };
}
