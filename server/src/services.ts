/**
 * The server's long-lived services, built once at start from the database and configuration
 * and handed to the route modules and workers that need them.
 */
import type { Knex } from 'knex';
import { AuditService } from './audit/audit.service';
import type { Config } from './config';
import { MailService } from './mail/mail.service';
import { createSmtpTransport } from './mail/smtpTransport';

export interface AppServices {
  audit: AuditService;
  mail: MailService;
}

export function createServices(
  knex: Knex,
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
): AppServices {
  return {
    audit: new AuditService(knex),
    mail: new MailService(knex, {
      from: config.mailFrom,
      ...(config.smtpUrl ? { transport: createSmtpTransport(config.smtpUrl) } : {}),
    }),
  };
}
