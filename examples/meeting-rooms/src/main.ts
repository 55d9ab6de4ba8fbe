import { createRoomBot } from './bot.js';
import { ENV_HELP, settingsFromEnv } from './config.js';
import { pad } from './time.js';

/** `npm run example:meeting-rooms`: the bot from environment variables, until SIGINT or SIGTERM. */

const read = settingsFromEnv(process.env);
if ('problems' in read) {
  console.error(`meeting-rooms bot cannot start:\n${read.problems.map((p) => `  - ${p}`).join('\n')}\n\n${ENV_HELP}`);
  process.exit(1);
}
const s = read.settings;
const bot = createRoomBot({ ...s });
const url = await bot.listen(s.port, s.host);
console.log(
  `meeting-rooms bot listening on ${url} (webhook address) — ${s.rooms.length} rooms, ${pad(s.openHour)}:00–${pad(s.closeHour)}:00 ${s.timeZone}, bookings in ${s.dbPath}`,
);

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
