/**
 * The one way out to the mail server (issue 33): nodemailer's SMTP transport on the configured
 * SMTP_URL, from MAIL_FROM. Timeouts are short because the guest waits on the answer (the mail
 * is sent inline, mail-receipt.ts): a silent server is a clear failure in seconds, not a minute.
 */
import nodemailer from "nodemailer";
import type { Config } from "../config.js";

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface Mailer {
  /** Hands the mail to the SMTP server; resolves with its Message-ID once the server accepted it, rejects otherwise. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** A mailer on `mail` (config.mail); null when receipts are not mailed. */
export function createMailer(mail: Config["mail"]): Mailer | null {
  if (!mail) return null;
  const transport = nodemailer.createTransport({
    url: mail.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send({ to, subject, html, text }) {
      const info = await transport.sendMail({ from: mail.from, to, subject, html, text });
      return { messageId: String(info.messageId ?? "") };
    },
    close() {
      transport.close();
    },
  };
}
