import { FeelDate, FeelDateTime, parseDate, toFeel } from 'feelin';
import { feelNow } from '../clock';
import { builtin, illegalArguments, type Builtin } from './define';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `now()` and `today()` read the injectable clock (feelin's read the system clock) in UTC, the
 * zone Zeebe's broker runs in; `last day of month` is missing in feelin.
 */
export const temporalBuiltins: Builtin[] = [
  builtin('now', [], () => toFeel(feelNow())),

  builtin('today', [], () => parseDate(feelNow().toISOString().slice(0, 10))),

  builtin('last day of month', ['date'], (date) => {
    if (!(date instanceof FeelDate) && !(date instanceof FeelDateTime)) {
      return illegalArguments('last day of month', [date]);
    }
    const lastDay = new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
    return parseDate(`${pad(date.year, 4)}-${pad(date.month)}-${pad(lastDay)}`);
  }),
];
