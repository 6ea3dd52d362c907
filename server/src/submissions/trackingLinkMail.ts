/**
 * The mail that carries a new case's tracking link, in the applicant's language, as plain
 * text and as HTML (both hold the link: mail clients show one or the other).
 */
import type { CaseRecord } from '../cases/case.model';
import type { LocalizedText } from '../services/serviceManifest';

export interface TrackingLinkMail {
  subject: string;
  text: string;
  html: string;
}

export function trackingLinkMail(
  record: Pick<CaseRecord, 'reference' | 'applicant'>,
  url: string,
  title: LocalizedText,
): TrackingLinkMail {
  const en = record.applicant.language === 'en';
  const t = en
    ? {
        subject: `Your application ${record.reference}: ${title.en}`,
        greeting: 'Good day',
        received: `We have received your application "${title.en}" (reference ${record.reference}).`,
        follow: 'You can follow it, answer requests and download the decision here:',
        secret: 'Keep this link to yourself: whoever has it can see your case.',
        signature: 'Serviceportal of the Canton of Lucerne',
      }
    : {
        subject: `Ihr Gesuch ${record.reference}: ${title.de}`,
        greeting: 'Guten Tag',
        received: `Wir haben Ihr Gesuch «${title.de}» erhalten (Referenz ${record.reference}).`,
        follow:
          'Hier verfolgen Sie den Stand, beantworten Rückfragen und laden den Entscheid herunter:',
        secret: 'Bitte geben Sie diesen Link nicht weiter: Wer ihn hat, sieht Ihr Gesuch.',
        signature: 'Serviceportal des Kantons Luzern',
      };
  const text = [t.greeting, '', t.received, t.follow, '', url, '', t.secret, '', t.signature];
  const html = [
    `<!doctype html><html lang="${en ? 'en' : 'de'}"><body>`,
    `<p>${escapeHtml(t.greeting)}</p>`,
    `<p>${escapeHtml(t.received)}<br>${escapeHtml(t.follow)}</p>`,
    `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    `<p>${escapeHtml(t.secret)}</p>`,
    `<p>${escapeHtml(t.signature)}</p>`,
    '</body></html>',
  ];
  return { subject: t.subject, text: text.join('\n'), html: html.join('\n') };
}

/**
 * The five characters HTML gives meaning to, as entities. Written here rather than taken from
 * a package: the server declares no HTML-escaping dependency, and these five are the whole rule
 * for text and double-quoted attribute values.
 */
function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
