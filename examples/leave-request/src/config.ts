import type { LeaveBotOptions } from './bot.js';

/** Reading the bot's settings from the environment (src/main.ts). */

export interface EnvSettings extends Pick<LeaveBotOptions, 'baseUrl' | 'token' | 'secret' | 'summaryGroupId'> {
  port: number;
  host: string;
}

/** The environment variables src/main.ts reads (also listed in the README). */
export const ENV_HELP = `Environment:
  COMMONPLACE_URL             the company's address, e.g. http://acme.localhost:3000   (required)
  COMMONPLACE_TOKEN           the integration's token, cpi_…                           (required)
  COMMONPLACE_WEBHOOK_SECRET  the webhook's signing secret                             (required)
  LEAVE_SUMMARY_GROUP_ID      the group where decisions are posted (the bot is in it)  (required)
  PORT, HOST                  where to listen for webhooks                             (default 8788, 127.0.0.1)`;

/** Settings from `env`, or every problem found (so one run names them all). */
export function settingsFromEnv(env: NodeJS.ProcessEnv): { settings: EnvSettings } | { problems: string[] } {
  const problems: string[] = [];
  const need = (name: string): string => {
    const v = env[name]?.trim();
    if (!v) problems.push(`${name} is not set`);
    return v ?? '';
  };
  const baseUrl = need('COMMONPLACE_URL');
  const token = need('COMMONPLACE_TOKEN');
  const secret = need('COMMONPLACE_WEBHOOK_SECRET');
  const summaryGroupId = need('LEAVE_SUMMARY_GROUP_ID');
  if (baseUrl && !/^https?:\/\/[^/]/.test(baseUrl)) problems.push('COMMONPLACE_URL must start with http:// or https://');
  if (token && !token.startsWith('cpi_')) problems.push('COMMONPLACE_TOKEN must be an integration token (it starts with cpi_)');

  const rawPort = env.PORT?.trim();
  const port = rawPort ? Number(rawPort) : 8788;
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push('PORT must be a whole number from 0 to 65535');

  if (problems.length) return { problems };
  return { settings: { baseUrl, token, secret, summaryGroupId, port, host: env.HOST?.trim() || '127.0.0.1' } };
}
