import { createLeaveBot } from './bot.js';
import { ENV_HELP, settingsFromEnv } from './config.js';

/** `npm run example:leave-request`: the bot from environment variables, until SIGINT or SIGTERM. */

const read = settingsFromEnv(process.env);
if ('problems' in read) {
  console.error(`leave-request bot cannot start:\n${read.problems.map((p) => `  - ${p}`).join('\n')}\n\n${ENV_HELP}`);
  process.exit(1);
}
const s = read.settings;
const bot = createLeaveBot(s);
const url = await bot.listen(s.port, s.host);
console.log(`leave-request bot listening on ${url} (webhook address); requests are kept in memory`);

// Say at once what is wrong with the token or the group, but keep listening: Commonplace may be
// starting too, and the webhook's address check must be answered either way.
const problems = await bot.check();
for (const p of problems) console.warn(`warning: ${p}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    bot.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
}
