// Failed logins per client address in a sliding window, in memory: it slows down a
// guessing client on this process; accounts are additionally locked in the database
// after MAX_FAILED_LOGINS, which holds across processes and restarts.

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const WINDOW_MS = 10 * 60_000;
const MAX_FAILURES_PER_ADDRESS = 20;
const failures = new Map<string, number[]>();

function recent(address: string, now: number): number[] {
  const list = (failures.get(address) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(address, list);
  else failures.delete(address);
  return list;
}

export function addressBlocked(address: string, now = Date.now()): boolean {
  return recent(address, now).length >= MAX_FAILURES_PER_ADDRESS;
}

export function noteFailure(address: string, now = Date.now()): void {
  const list = recent(address, now);
  list.push(now);
  failures.set(address, list);
  if (failures.size > 50_000) failures.delete(failures.keys().next().value!); // bound memory under attack
}

export function clearFailures(address: string): void {
  failures.delete(address);
}
