// The last hour of load, one point per window as the server's history keeps it; the newest point follows the live
// frames, so a chart moves every second and still holds one point per window.
const HOUR_SECONDS = 3600;
/** The node's counters (since it started); the charts show how much they grew. */
const COUNTERS = ["abandoned", "offersTimedOut"];

/** A counter that went down means the node restarted: it counts from zero again. */
function growth(before, now) {
  return now >= before ? now - before : now;
}

export class LoadSeries {
  constructor(intervalSeconds = 10) {
    this.interval = intervalSeconds;
    this.points = [];
  }

  /** Replaces everything with a history frame (sent at each connection). */
  reset(history) {
    this.interval = history.intervalSeconds || this.interval;
    this.points = [];
    for (const sample of history.samples ?? []) {
      this.add(sample);
    }
  }

  /** Adds a load frame: a new window gets a new point, the same window replaces the newest point. */
  add(load) {
    const point = { ...load, t: Date.parse(load.at) / 1000 };
    if (!Number.isFinite(point.t)) {
      return;
    }
    const last = this.points.at(-1);
    const sameWindow = last && this.window(point.t) === this.window(last.t);
    if (last && !sameWindow && point.t <= last.t) {
      return;
    }
    // Each point keeps what the counters gained since the point before, even while the newest one is replaced.
    point.gained = {};
    for (const field of COUNTERS) {
      const before = last?.[field] ?? point[field] ?? 0;
      const carried = sameWindow ? (last.gained?.[field] ?? 0) : 0;
      point.gained[field] = carried + growth(before, point[field] ?? 0);
    }
    if (sameWindow) {
      this.points[this.points.length - 1] = point;
    } else {
      this.points.push(point);
    }
    const from = point.t - HOUR_SECONDS;
    while (this.points.length > 0 && this.points[0].t <= from) {
      this.points.shift();
    }
  }

  window(t) {
    return Math.floor(t / this.interval);
  }

  latest() {
    return this.points.at(-1) ?? null;
  }

  /** The times, in seconds, for a chart's x axis. */
  times() {
    return this.points.map((p) => p.t);
  }

  values(read) {
    return this.points.map((p) => {
      const value = read(p);
      return value === undefined || Number.isNaN(value) ? null : value;
    });
  }

  /** How much a counter of the node (abandoned, offersTimedOut) grew over about the last hour. */
  increase(field) {
    return this.running(field).at(-1) ?? 0;
  }

  /** The running total of a counter's growth over the points held, one value per point. */
  running(field) {
    let total = 0;
    return this.points.map((p) => {
      total += p.gained?.[field] ?? 0;
      return total;
    });
  }
}
