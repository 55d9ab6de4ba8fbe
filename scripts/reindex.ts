import { loadConfig } from '../server/config.js';
import { migrateToLatest, openDatabase } from '../server/db/index.js';
import { rebuildSearchIndex } from '../server/modules/search/reindex.js';

/**
 * `npm run reindex`: rebuilds the search index of every company from the database the server uses
 * (DATA_DIR / DATABASE_URL). Safe while the server runs; searches in the meantime miss what is not
 * written back yet.
 */
const config = loadConfig(process.env);
const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(handle.db);
  const started = Date.now();
  const counts = await rebuildSearchIndex(handle.db);
  const summary = Object.entries(counts)
    .map(([kind, n]) => `${n} ${kind}s`)
    .join(', ');
  console.log(`search index rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}`);
} finally {
  await handle.close();
}
