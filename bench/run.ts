import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench -- <name>` runs bench/<name>.ts, whose `run()` prints its figures beside a
 * baseline measured in the same run. Without a known name, lists the benchmarks.
 */
interface Benchmark {
  description: string;
  run(args: string[]): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  if (name) console.error(`No benchmark named "${name}".`);
  console.error('Usage: npm run bench -- <name>\n\nBenchmarks:');
  for (const n of available) {
    const mod = (await import(pathToFileURL(join(here, `${n}.ts`)).href)) as Partial<Benchmark>;
    console.error(`  ${n.padEnd(12)} ${mod.description ?? ''}`);
  }
  process.exit(name ? 2 : 0);
}

const bench = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as Benchmark;
try {
  await bench.run(args);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
}
