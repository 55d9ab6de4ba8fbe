import { appendFileSync } from 'node:fs';

/**
 * A Vitest reporter for scripts/test.mjs: appends one JSON line per started file, finished test and
 * finished file to $TEST_PROGRESS_FILE as they happen. The JSON reporter writes only at the end;
 * when a run has to be stopped (a hung test), this is what still tells what passed, what failed
 * and which files never finished.
 */
export default class ProgressReporter {
  constructor() {
    this.file = process.env.TEST_PROGRESS_FILE;
  }

  write(entry) {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  onTestModuleStart(testModule) {
    this.write({ event: 'file-start', file: testModule.relativeModuleId });
  }

  onTestCaseResult(testCase) {
    this.write({ event: 'test', file: testCase.module.relativeModuleId, name: testCase.fullName, state: testCase.result().state });
  }

  onTestModuleEnd(testModule) {
    this.write({ event: 'file-end', file: testModule.relativeModuleId, state: testModule.state() });
  }
}
