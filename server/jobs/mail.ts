import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Executor, Trx } from '../db/index.js';
import { newId } from '../lib/ids.js';
import { enqueueJob } from './queue.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The link the mail is about (invite, reset): logged in local mode so it can be followed. */
  actionUrl?: string;
}

export const MAIL_JOB = 'mail.send';

/** Mail always leaves through the job queue, in the transaction that decided to send it. */
export const queueMail = (trx: Trx | Executor, orgId: string | null, message: MailMessage): Promise<string> =>
  enqueueJob(trx, MAIL_JOB, message, { orgId, maxAttempts: 10 });

/**
 * SMTP when SMTP_URL is set; otherwise each mail is written to DATA_DIR/mail as .eml plus a .json
 * twin (what tests and newcomers read), and the action link is logged.
 */
export function createMailSender(config: Config, log: Logger): (msg: MailMessage) => Promise<void> {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return async (msg) => {
      await transport.sendMail({ from: config.mailFrom, to: msg.to, subject: msg.subject, text: msg.text });
    };
  }
  const dir = join(config.dataDir, 'mail');
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (msg) => {
    await mkdir(dir, { recursive: true });
    const info = await stream.sendMail({ from: config.mailFrom, to: msg.to, subject: msg.subject, text: msg.text });
    const base = `${Date.now()}-${newId()}`;
    await writeFile(join(dir, `${base}.eml`), info.message as Buffer);
    await writeFile(
      join(dir, `${base}.json`),
      JSON.stringify({ ...msg, from: config.mailFrom, sentAt: new Date().toISOString() }, null, 2),
    );
    log.info(
      { mailFile: relative(process.cwd(), join(dir, `${base}.eml`)), to: msg.to, subject: msg.subject, link: msg.actionUrl },
      `mail written (no SMTP configured)${msg.actionUrl ? `; link: ${msg.actionUrl}` : ''}`,
    );
  };
}
