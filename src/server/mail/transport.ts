import nodemailer from "nodemailer";
import type { Config } from "../config.ts";

// E-mail goes out over real SMTP (nodemailer), to the server named by SMTP_URL
// ("smtp://user:pass@host:587", "smtps://…"). Without it, mail waits in the outbox and
// in-app notices still reach users.

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<{ messageId: string | null }>;
  close(): void;
}

export function createMailTransport(config: Pick<Config, "smtpUrl">): MailTransport | null {
  if (!config.smtpUrl) return null;
  const transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(message) {
      const info = await transporter.sendMail(message);
      return { messageId: info.messageId ?? null };
    },
    close() {
      transporter.close();
    },
  };
}
