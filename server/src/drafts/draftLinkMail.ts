/** The mail with the link to a saved draft, in the citizen's language (text and HTML). */
import type { LocalizedText } from '../services/serviceManifest';

export function draftLinkMail(
  language: 'de' | 'en',
  url: string,
  title: LocalizedText,
  expiresAt: Date,
): { subject: string; text: string; html: string } {
  const en = language === 'en';
  const until = expiresAt.toLocaleDateString(en ? 'en-GB' : 'de-CH', { timeZone: 'Europe/Zurich' });
  const t = en
    ? {
        subject: `Continue your application: ${title.en}`,
        greeting: 'Good day',
        saved: `You saved your application "${title.en}" to finish later.`,
        resume: `Continue it until ${until} with this link:`,
        files: 'Files you chose are not saved; please choose them again.',
        secret: 'Keep this link to yourself: whoever has it can see what you entered.',
        signature: 'Serviceportal of the Canton of Lucerne',
      }
    : {
        subject: `Gesuch fortsetzen: ${title.de}`,
        greeting: 'Guten Tag',
        saved: `Sie haben Ihr Gesuch «${title.de}» gespeichert, um es später fertigzustellen.`,
        resume: `Setzen Sie es bis am ${until} mit diesem Link fort:`,
        files: 'Gewählte Dateien werden nicht gespeichert; bitte wählen Sie sie erneut.',
        secret: 'Bitte geben Sie diesen Link nicht weiter: Wer ihn hat, sieht Ihre Angaben.',
        signature: 'Serviceportal des Kantons Luzern',
      };
  const text = [t.greeting, '', t.saved, t.resume, '', url, '', t.files, t.secret, '', t.signature];
  const escape = (value: string) =>
    value.replace(
      /[&<>"]/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
    );
  const html = [
    `<!doctype html><html lang="${en ? 'en' : 'de'}"><body>`,
    `<p>${escape(t.greeting)}</p>`,
    `<p>${escape(t.saved)}<br>${escape(t.resume)}</p>`,
    `<p><a href="${escape(url)}">${escape(url)}</a></p>`,
    `<p>${escape(t.files)}<br>${escape(t.secret)}</p>`,
    `<p>${escape(t.signature)}</p>`,
    '</body></html>',
  ];
  return { subject: t.subject, text: text.join('\n'), html: html.join('\n') };
}
