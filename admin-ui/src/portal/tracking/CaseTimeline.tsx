import { useLocaleState } from '../../i18n';
import { localized, type CitizenCase } from './citizenApi';

/** The public milestones and events of the case, oldest first, each with its date. */
export function CaseTimeline({ view }: { view: CitizenCase }) {
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ol className="case-timeline">
      {view.timeline.map((entry, index) => (
        <li
          key={`${entry.at}-${index}`}
          className={`case-timeline__entry case-timeline__entry--${entry.kind}`}
        >
          <time dateTime={entry.at}>{format.format(new Date(entry.at))}</time>
          <span className="case-timeline__label">{localized(entry.label, locale)}</span>
        </li>
      ))}
    </ol>
  );
}
