import type { Reporter, TestModule } from 'vitest/node';

/** Names every test skipped for needing concurrent connections, so a PGlite-only run says what it did not prove. */
export default class SkippedReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        if (test.result().state === 'skipped' && test.name.includes('needs concurrent connections')) {
          skipped.push(`  [${module.project.name}] ${module.moduleId.replace(process.cwd() + '/', '')} > ${test.fullName}`);
        }
      }
    }
    if (skipped.length === 0) return;
    console.log(`\nSkipped ${skipped.length} test(s) that need concurrent connections (PostgreSQL only):\n${skipped.join('\n')}\n`);
  }
}
