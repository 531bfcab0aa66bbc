import nodemailer, { type Transporter } from 'nodemailer';

/**
 * E-mail for notices, only where SMTP is configured (PALERMO_SMTP_URL, e.g. smtps://user:pass@mail.example:465,
 * and PALERMO_MAIL_FROM). Without it, notices go to the in-app inbox only (and no e-mail is queued).
 */
let transport: Transporter | null | undefined;

export function mailer(): Transporter | null {
  if (transport === undefined) transport = process.env.PALERMO_SMTP_URL ? nodemailer.createTransport(process.env.PALERMO_SMTP_URL) : null;
  return transport;
}

/** Tests and operators can swap the transport (e.g. nodemailer's JSON transport). */
export function setMailer(t: Transporter | null): void {
  transport = t;
}

export const mailFrom = () => process.env.PALERMO_MAIL_FROM ?? 'Palermo <no-reply@localhost>';
