// When the dashboard calls the load a warning or an overload (README, "Supervisor dashboard"). Colour always comes
// with words: every level has a label and every crossed threshold a sentence in the alert list.
export const THRESHOLDS = Object.freeze({
  /** Longest current wait, in seconds: above 5 min a warning, above 10 min an overload. */
  longestWaitSeconds: Object.freeze({ warning: 5 * 60, overload: 10 * 60 }),
  /** Conversations in progress over the slots of available workers: above 60 % a warning, above 80 % an overload. */
  capacityInUse: Object.freeze({ warning: 0.6, overload: 0.8 }),
});

export const OK = "ok";
export const WARNING = "warning";
export const OVERLOAD = "overload";
const RANK = { [OK]: 0, [WARNING]: 1, [OVERLOAD]: 2 };

function level(value, limits) {
  if (value > limits.overload) {
    return OVERLOAD;
  }
  return value > limits.warning ? WARNING : OK;
}

/** Share of the available slots in use, or null when no worker is available (nothing to divide by). */
export function capacityInUse(load) {
  return load.capacityTotal > 0 ? load.capacityUsed / load.capacityTotal : null;
}

function worst(...levels) {
  return levels.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), OK);
}

/**
 * The levels of one load frame: per tile, overall, and the alerts to list (each an i18n key and its parameters).
 */
export function assess(load) {
  const alerts = [];
  const wait = level(load.longestWaitSeconds, THRESHOLDS.longestWaitSeconds);
  if (wait !== OK) {
    const key = wait === OVERLOAD ? "alert.longestWait.overload" : "alert.longestWait.warning";
    alerts.push({ level: wait, key, params: { seconds: load.longestWaitSeconds,
      limit: THRESHOLDS.longestWaitSeconds[wait] } });
  }
  const share = capacityInUse(load);
  let capacity = share === null ? OK : level(share, THRESHOLDS.capacityInUse);
  if (capacity !== OK) {
    const key = capacity === OVERLOAD ? "alert.capacity.overload" : "alert.capacity.warning";
    alerts.push({ level: capacity, key, params: { share,
      limit: THRESHOLDS.capacityInUse[capacity] } });
  }
  let waiting = OK;
  if (load.waiting > 0 && load.workersAvailable === 0) {
    waiting = OVERLOAD;
    capacity = OVERLOAD;
    alerts.push({ level: OVERLOAD, key: "alert.noWorker", params: { count: load.waiting } });
  }
  const danger = load.waitingByPriority?.["2"] ?? 0;
  if (danger > 0) {
    waiting = worst(waiting, WARNING);
    alerts.push({ level: WARNING, key: "alert.danger", params: { count: danger } });
  }
  alerts.sort((a, b) => RANK[b.level] - RANK[a.level]);
  return { wait, capacity, waiting, overall: worst(wait, capacity, waiting), alerts };
}
