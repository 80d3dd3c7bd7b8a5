// Replay: every committed history of the review workflow (test/workflows/histories, recorded from
// earlier code and never deleted) must replay against the code as built now. A change that would
// alter the commands of a recorded history fails here; guard it with patched() (README "Workflow versioning").
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const HISTORIES = path.resolve('test/workflows/histories');
const BUNDLE = path.resolve('dist/workflow-bundle.js');

describe('review workflow histories replay against the current code', () => {
  const files = fs
    .readdirSync(HISTORIES)
    .filter((name) => name.startsWith('required-info-application-') && name.endsWith('.json'))
    .map((name) => path.join(HISTORIES, name));

  it('has the histories recorded before the durable-review change', () => {
    expect(files.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining([
        'required-info-application-approved-overdue.json',
        'required-info-application-expired.json',
        'required-info-application-info-requested-rejected.json',
        'required-info-application-withdrawn.json',
      ]),
    );
  });

  it('replays each without a nondeterminism error', () => {
    if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
    const output = execFileSync(process.execPath, ['test/support/replay-review-histories.mjs', ...files], { encoding: 'utf8', timeout: 120_000 });
    const results = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; error: string | null });
    expect(results.map((result) => result.file).sort()).toEqual(files.map((file) => path.basename(file)).sort());
    expect(results.filter((result) => result.error !== null)).toEqual([]);
  });
});
