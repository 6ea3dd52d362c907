/**
 * Server-side texts that reach people: problem titles and details. German (de-CH) is the
 * default; English is chosen by Accept-Language. Keys are shared with the admin UI's naming
 * (`problem.<code>`).
 */
export const LOCALES = ['de-CH', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de-CH';

const de = {
  'problem.not_found': 'Nicht gefunden',
  'problem.not_found.detail': 'Unter dieser Adresse gibt es nichts.',
  'problem.malformed_json': 'Ungültiges JSON',
  'problem.malformed_json.detail': 'Der Inhalt der Anfrage ist kein gültiges JSON.',
  'problem.payload_too_large': 'Anfrage zu gross',
  'problem.payload_too_large.detail': 'Der Inhalt der Anfrage überschreitet die erlaubte Grösse.',
  'problem.unsupported_media_type': 'Nicht unterstütztes Format',
  'problem.validation_failed': 'Ungültige Eingabe',
  'problem.unauthorized': 'Anmeldung erforderlich',
  'problem.forbidden': 'Keine Berechtigung',
  'problem.conflict': 'Konflikt',
  'problem.too_many_requests': 'Zu viele Anfragen',
  'problem.not_ready': 'Dienst nicht bereit',
  'problem.malformed_upload': 'Ungültiger Upload',
  'problem.malformed_upload.detail': 'Der hochgeladene Inhalt konnte nicht gelesen werden.',
  'problem.unsupported_file_type': 'Dateityp nicht erlaubt',
  'problem.unsupported_file_type.detail': 'Erlaubt sind PDF-, PNG- und JPEG-Dateien.',
  'problem.quota_exceeded': 'Kontingent erschöpft',
  'problem.quota_exceeded.detail':
    'Zu diesem Fall sind bereits so viele Dokumente oder Daten gespeichert wie erlaubt.',
  'problem.invoice_data_invalid': 'Rechnungsdaten ungültig',
  'problem.sign_in_required.detail':
    'Bitte melden Sie sich an. Eine Sitzung endet nach einer Pause oder spätestens nach einem Arbeitstag.',
  'problem.login_failed': 'Anmeldung fehlgeschlagen',
  'problem.login_failed.detail': 'Benutzername oder Passwort ist falsch.',
  'problem.login_throttled.detail':
    'Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie und versuchen Sie es später erneut.',
  'problem.csrf_failed': 'Anfrage abgelehnt',
  'problem.csrf_failed.detail':
    'Das Sicherheitstoken der Anfrage fehlt oder ist ungültig. Bitte laden Sie die Seite neu.',
  'problem.last_admin.detail':
    'Jeder Mandant braucht mindestens eine aktive Person mit der Rolle Administration.',
  'problem.staff_exists.detail': 'Benutzername oder E-Mail-Adresse ist bereits vergeben.',
  'problem.group_exists.detail': 'Diese Gruppe gibt es im Mandanten bereits.',
  'problem.internal': 'Interner Fehler',
  'problem.internal.detail':
    'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
} as const;

export type MessageKey = keyof typeof de;

const en: Record<MessageKey, string> = {
  'problem.not_found': 'Not found',
  'problem.not_found.detail': 'There is nothing at this address.',
  'problem.malformed_json': 'Malformed JSON',
  'problem.malformed_json.detail': 'The request body is not valid JSON.',
  'problem.payload_too_large': 'Request too large',
  'problem.payload_too_large.detail': 'The request body exceeds the allowed size.',
  'problem.unsupported_media_type': 'Unsupported media type',
  'problem.validation_failed': 'Invalid input',
  'problem.unauthorized': 'Sign-in required',
  'problem.forbidden': 'Not allowed',
  'problem.conflict': 'Conflict',
  'problem.too_many_requests': 'Too many requests',
  'problem.not_ready': 'Service not ready',
  'problem.malformed_upload': 'Malformed upload',
  'problem.malformed_upload.detail': 'The uploaded content could not be read.',
  'problem.unsupported_file_type': 'File type not allowed',
  'problem.unsupported_file_type.detail': 'PDF, PNG and JPEG files are allowed.',
  'problem.quota_exceeded': 'Quota exceeded',
  'problem.quota_exceeded.detail':
    'This case already holds as many documents or as much data as allowed.',
  'problem.invoice_data_invalid': 'Invalid invoice data',
  'problem.sign_in_required.detail':
    'Please sign in. A session ends after a break or at the latest after a working day.',
  'problem.login_failed': 'Sign-in failed',
  'problem.login_failed.detail': 'The user name or password is wrong.',
  'problem.login_throttled.detail': 'Too many failed sign-ins. Please wait and try again later.',
  'problem.csrf_failed': 'Request refused',
  'problem.csrf_failed.detail':
    "The request's security token is missing or invalid. Please reload the page.",
  'problem.last_admin.detail': 'Every tenant needs at least one active administrator.',
  'problem.staff_exists.detail': 'The user name or e-mail address is already taken.',
  'problem.group_exists.detail': 'This group already exists in the tenant.',
  'problem.internal': 'Internal error',
  'problem.internal.detail': 'An unexpected error occurred. Please try again later.',
};

export const messages: Record<Locale, Record<MessageKey, string>> = { 'de-CH': de, en };

export function translate(locale: Locale, key: MessageKey): string {
  return messages[locale][key];
}
