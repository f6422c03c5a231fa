import type { Reporter, TestModule } from 'vitest/node';

/**
 * Closes the run with what it did not prove (tests skipped on PGlite for needing concurrent
 * connections) and one plain line any CI can read: `Tests: N passed, N failed, N skipped`.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const skippedForConcurrency: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
        if (state === 'skipped' && test.name.includes('needs concurrent connections')) {
          skippedForConcurrency.push(`  [${module.project.name}] ${module.moduleId.replace(process.cwd() + '/', '')} > ${test.fullName}`);
        }
      }
    }
    if (skippedForConcurrency.length > 0) {
      console.log(
        `\nSkipped ${skippedForConcurrency.length} test(s) that need concurrent connections (PostgreSQL only):\n${skippedForConcurrency.join('\n')}`,
      );
    }
    console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
