/**
 * The time FEEL's `now()` and `today()` read (Zeebe passes its engine clock to the FEEL engine
 * the same way). The engine points it at its own clock; tests move it instead of sleeping.
 */
const systemClock = (): Date => new Date();

let clock: () => Date = systemClock;

export function setFeelClock(fn: () => Date): void {
  clock = fn;
}

export function resetFeelClock(): void {
  clock = systemClock;
}

export function feelNow(): Date {
  return clock();
}
