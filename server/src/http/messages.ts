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
  'problem.idempotency_mismatch': 'Idempotency-Key bereits verwendet',
  'problem.idempotency_mismatch.detail':
    'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet. Bitte senden Sie neue Daten mit einem neuen Schlüssel.',
  'problem.service_unavailable_for_tenant.detail':
    'Diese Dienstleistung wird von dieser Gemeinde nicht angeboten.',
  'problem.code_invalid': 'Code ungültig',
  'problem.code_invalid.detail':
    'Der Code ist falsch oder abgelaufen. Bitte fordern Sie einen neuen Code an.',
  'problem.citizen_sign_in_required.detail':
    'Bitte öffnen Sie den Link aus Ihrer E-Mail oder melden Sie sich mit einem Code an.',
  'problem.incident_not_open.detail':
    'Dieser Vorfall ist bereits gelöst oder existiert nicht mehr.',
  'problem.instance_not_active.detail': 'Diese Prozessinstanz läuft nicht mehr.',
  'problem.engine_unavailable.detail':
    'Die Prozess-Engine antwortet nicht. Bitte versuchen Sie es später erneut.',
  'problem.monitoring_unavailable.detail':
    'Für diese Prozess-Engine ist keine Überwachung eingerichtet.',
  'problem.deployment_rejected': 'Modell abgelehnt',
  'problem.deployment_rejected.detail':
    'Die Prozess-Engine hat die Bereitstellung abgelehnt. Die Fehler stehen bei den Elementen, die sie nennen.',
  'problem.draft_conflict.detail':
    'Der Entwurf wurde inzwischen anderswo gespeichert (z. B. in einem anderen Fenster). Bitte laden Sie ihn neu.',
  'problem.process_version_outdated.detail':
    'Seit Beginn dieses Entwurfs wurde eine neuere Version bereitgestellt. Prüfen Sie die Änderungen und bestätigen Sie das Überschreiben.',
  'field.required': 'Pflichtfeld',
  'field.unknown': 'Dieses Feld gibt es im Formular nicht.',
  'field.type_object': 'Muss ein Objekt sein.',
  'field.type_text': 'Muss ein Text sein.',
  'field.type_number': 'Muss eine Zahl sein.',
  'field.type_boolean': 'Muss ja oder nein sein.',
  'field.type_list': 'Muss eine Liste sein.',
  'field.option': 'Bitte wählen Sie einen der angebotenen Werte.',
  'field.pattern': 'Entspricht nicht dem verlangten Format.',
  'field.min_length': 'Mindestens {n} Zeichen.',
  'field.max_length': 'Höchstens {n} Zeichen.',
  'field.min': 'Mindestens {n}.',
  'field.max': 'Höchstens {n}.',
  'field.integer': 'Muss eine ganze Zahl sein.',
  'field.decimals': 'Höchstens {n} Nachkommastellen.',
  'field.increment': 'Muss ein Vielfaches von {n} sein.',
  'field.email': 'Muss eine gültige E-Mail-Adresse sein.',
  'field.phone': 'Muss eine internationale Telefonnummer sein (z. B. +41411234567).',
  'field.date': 'Muss ein Datum sein (JJJJ-MM-TT).',
  'field.time': 'Muss eine Uhrzeit sein (HH:MM).',
  'field.datetime': 'Muss Datum und Uhrzeit sein.',
  'field.past_date': 'Das Datum darf nicht in der Vergangenheit liegen.',
  'problem.task_not_open.detail':
    'Diese Aufgabe ist nicht mehr offen: Sie wurde erledigt, vom Prozess beendet oder wird gerade abgeschlossen.',
  'problem.task_not_assigned_to_you.detail':
    'Diese Aufgabe ist Ihnen nicht zugewiesen. Übernehmen Sie sie zuerst (oder sie gehört bereits jemand anderem).',
  'problem.task_form_unavailable.detail':
    'Das Formular dieser Aufgabe ist dem Server nicht bekannt. Bitte wenden Sie sich an die Administration.',
  'problem.task_completion_pending.detail':
    'Die Prozess-Engine hat noch nicht geantwortet. Die Aufgabe wird abgeschlossen, sobald sie antwortet.',
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
  'problem.idempotency_mismatch': 'Idempotency-Key already used',
  'problem.idempotency_mismatch.detail':
    'This Idempotency-Key was already used for a different request. Send new data with a new key.',
  'problem.service_unavailable_for_tenant.detail': 'This municipality does not offer this service.',
  'problem.code_invalid': 'Invalid code',
  'problem.code_invalid.detail': 'The code is wrong or has expired. Please request a new one.',
  'problem.citizen_sign_in_required.detail':
    'Please open the link from your e-mail or sign in with a code.',
  'problem.incident_not_open.detail': 'This incident is already resolved or no longer exists.',
  'problem.instance_not_active.detail': 'This process instance is no longer running.',
  'problem.engine_unavailable.detail':
    'The process engine does not answer. Please try again later.',
  'problem.monitoring_unavailable.detail': 'Monitoring is not configured for this process engine.',
  'problem.deployment_rejected': 'Model rejected',
  'problem.deployment_rejected.detail':
    'The process engine rejected the deployment. The errors are listed at the elements they name.',
  'problem.draft_conflict.detail':
    'The draft was saved elsewhere in the meantime (e.g. in another window). Please reload it.',
  'problem.process_version_outdated.detail':
    'A newer version was deployed since this draft was started. Review the changes and confirm to overwrite it.',
  'field.required': 'Required',
  'field.unknown': 'The form has no such field.',
  'field.type_object': 'Must be an object.',
  'field.type_text': 'Must be text.',
  'field.type_number': 'Must be a number.',
  'field.type_boolean': 'Must be yes or no.',
  'field.type_list': 'Must be a list.',
  'field.option': 'Please choose one of the offered values.',
  'field.pattern': 'Does not have the required format.',
  'field.min_length': 'At least {n} characters.',
  'field.max_length': 'At most {n} characters.',
  'field.min': 'At least {n}.',
  'field.max': 'At most {n}.',
  'field.integer': 'Must be a whole number.',
  'field.decimals': 'At most {n} decimal places.',
  'field.increment': 'Must be a multiple of {n}.',
  'field.email': 'Must be a valid e-mail address.',
  'field.phone': 'Must be an international phone number (e.g. +41411234567).',
  'field.date': 'Must be a date (YYYY-MM-DD).',
  'field.time': 'Must be a time (HH:MM).',
  'field.datetime': 'Must be a date and time.',
  'field.past_date': 'The date must not be in the past.',
  'problem.task_not_open.detail':
    'This task is no longer open: it was completed, ended by its process, or is being completed right now.',
  'problem.task_not_assigned_to_you.detail':
    'This task is not assigned to you. Claim it first (or it already belongs to someone else).',
  'problem.task_form_unavailable.detail':
    'The server does not know the form of this task. Please contact an administrator.',
  'problem.task_completion_pending.detail':
    'The process engine has not answered yet. The task will be completed as soon as it does.',
  'problem.internal': 'Internal error',
  'problem.internal.detail': 'An unexpected error occurred. Please try again later.',
};

export const messages: Record<Locale, Record<MessageKey, string>> = { 'de-CH': de, en };

export function translate(locale: Locale, key: MessageKey): string {
  return messages[locale][key];
}
