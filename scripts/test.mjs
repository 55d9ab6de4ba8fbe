#!/usr/bin/env node
/**
 * `npm test`: the integration suites (test/**\/*.test.ts), then — when there are any — the browser
 * suites (test/e2e/**\/*.e2e.ts, after building the web app). Both runs write Vitest's JSON report;
 * the totals of both are printed as the very last line, `N passed, N failed`, which CI reads.
 * Exits non-zero when anything failed or when no test ran at all.
 *
 * Each run has a wall-clock limit (TEST_RUN_MINUTES, default 12 for the integration run and 8 for
 * the browser run): a test that hangs with its event loop busy never reaches Vitest's own timeouts,
 * and CI must end anyway. A stopped run is counted from what had finished, plus one failure for
 * each file that had not.
 *
 * Extra arguments are passed to both Vitest runs (e.g. `npm test -- -t "sign-up"`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const resultsDir = join(root, 'test-results');
const extraArgs = process.argv.slice(2);
const vitestBin = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const progressReporter = join(root, 'scripts', 'vitest-progress-reporter.mjs');
const limitMinutes = (fallback) => {
  const n = Number(process.env.TEST_RUN_MINUTES);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/**
 * Runs a command in the repo root with the terminal attached, in its own process group so that a
 * run past its limit can be stopped with everything it started. Resolves with its exit code.
 */
function run(command, args, { label = command, limitMs = 0, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, detached: true });
    let timedOut = false;
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    const timer =
      limitMs > 0 &&
      setTimeout(() => {
        timedOut = true;
        console.error(`\n[test] ${label}: still running after ${limitMs / 60_000} min (TEST_RUN_MINUTES); stopping it`);
        killGroup('SIGTERM');
        setTimeout(() => killGroup('SIGKILL'), 10_000).unref();
      }, limitMs);
    // Ctrl-C in the terminal reaches only this process now that the child has its own group.
    const forward = (signal) => killGroup(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      console.error(`[test] could not start ${command}: ${err.message}`);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 1 : 0), timedOut });
    });
  });
}

function readLines(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** Counts from the progress lines of a run that never wrote its JSON report. */
function tallyProgress(label, progressFile) {
  const events = readLines(progressFile);
  const passed = events.filter((e) => e.event === 'test' && e.state === 'passed').length;
  let failed = events.filter((e) => e.event === 'test' && e.state === 'failed').length;
  const ended = new Set(events.filter((e) => e.event === 'file-end').map((e) => e.file));
  const unfinished = [...new Set(events.filter((e) => e.event === 'file-start' && !ended.has(e.file)).map((e) => e.file))];
  for (const file of unfinished) console.error(`[test] ${label}: ${file} did not finish; counted as 1 failure`);
  failed += unfinished.length;
  // Files that failed outside any test (import error, failing hook).
  for (const end of events.filter((e) => e.event === 'file-end' && e.state === 'failed')) {
    if (!events.some((e) => e.event === 'test' && e.file === end.file && e.state === 'failed')) failed += 1;
  }
  if (failed === 0) {
    console.error(`[test] ${label}: the run ended without a report; counted as 1 failure`);
    failed = 1;
  }
  return { passed, failed };
}

/**
 * Reads a Vitest JSON report into {passed, failed}. A file that failed without a failing test
 * (an import error, a failing beforeAll) counts as one failure; so does a run that exited non-zero
 * with nothing failed in its report (an unhandled error).
 */
function tally(label, reportFile, progressFile, { code, timedOut }) {
  if (timedOut || !existsSync(reportFile)) {
    if (!timedOut) console.error(`[test] ${label}: no report at ${relative(root, reportFile)} (vitest exited ${code})`);
    return tallyProgress(label, progressFile);
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  if ((report.testResults ?? []).length === 0) {
    console.error(`[test] ${label}: no test files matched`);
    return { passed: 0, failed: 0 };
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) {
      console.error(`[test] ${label}: ${relative(root, file.name)} failed outside any test: ${file.message || '(no message)'}`);
      failed += 1;
    }
  }
  if (code !== 0 && failed === 0) {
    console.error(`[test] ${label}: vitest exited ${code} although no test failed (unhandled error?); counted as 1 failure`);
    failed = 1;
  }
  return { passed, failed };
}

async function vitest(label, configArgs, name, limitMs) {
  const reportFile = join(resultsDir, `${name}.json`);
  const progressFile = join(resultsDir, `${name}.progress.jsonl`);
  const outcome = await run(
    process.execPath,
    [
      vitestBin,
      'run',
      ...configArgs,
      '--reporter=default',
      '--reporter=json',
      `--reporter=${progressReporter}`,
      `--outputFile.json=${reportFile}`,
      ...extraArgs,
    ],
    { label: `${label} run`, limitMs, env: { TEST_PROGRESS_FILE: progressFile } },
  );
  return tally(label, reportFile, progressFile, outcome);
}

function findFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath, e.name));
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0 };
const add = (r) => {
  totals.passed += r.passed;
  totals.failed += r.failed;
};

console.log('[test] integration suites: vitest run');
add(await vitest('integration', [], 'vitest', limitMinutes(12) * 60_000));

const e2eFiles = findFiles(join(root, 'test', 'e2e'), '.e2e.ts');
if (e2eFiles.length === 0) {
  console.log('[test] no end-to-end suites (test/e2e/**/*.e2e.ts); skipping the browser run');
} else {
  console.log(`[test] building the web app for ${e2eFiles.length} end-to-end suite(s): npm run build:web`);
  const build = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:web'], {
    label: 'web build',
    limitMs: 5 * 60_000,
  });
  if (build.code !== 0) {
    console.error('[test] the web app did not build; end-to-end suites not run (counted as 1 failure)');
    add({ passed: 0, failed: 1 });
  } else {
    console.log('[test] end-to-end suites: vitest run --config vitest.e2e.config.ts');
    add(await vitest('e2e', ['--config', 'vitest.e2e.config.ts'], 'vitest-e2e', limitMinutes(8) * 60_000));
  }
}

if (totals.passed + totals.failed === 0) console.error('[test] no test ran at all');
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
