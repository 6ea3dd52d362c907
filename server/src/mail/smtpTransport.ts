/**
 * The SMTP connection from SMTP_URL (nodemailer), with timeouts short enough that a hanging
 * mail server fails a job instead of blocking a worker for minutes, and the secrets the URL
 * carries, so error texts can be scrubbed of them before they are stored.
 */
import nodemailer from 'nodemailer';
import type { MailTransport } from './mail.service';

export interface SmtpTransport extends MailTransport {
  close(): void;
}

export function createSmtpTransport(smtpUrl: string): SmtpTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    secrets: secretsOf(smtpUrl),
    async sendMail(message) {
      const info = (await transporter.sendMail(message)) as { messageId?: string };
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/** User name and password of the URL, plain, URL-encoded and as SMTP AUTH sends them. */
export function secretsOf(smtpUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return [];
  }
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const base64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
  const secrets = [url.username, url.password, user, password];
  if (password) secrets.push(base64(password), base64(`\u0000${user}\u0000${password}`));
  if (user) secrets.push(base64(user));
  return [...new Set(secrets.filter((secret) => secret.length >= 3))];
}
