// Replay: every committed history of the review workflow (test/workflows/histories, recorded from
// earlier code and never deleted) must replay against the code as built now. A change that would
// alter the commands of a recorded history fails here; guard it with patched() (README "Workflow versioning").
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const HISTORIES = path.resolve('test/workflows/histories');
const BUNDLE = path.resolve('dist/workflow-bundle.js');

describe('review workflow histories replay against the current code', () => {
  const files = fs
    .readdirSync(HISTORIES)
    .filter((name) => name.startsWith('required-info-application-') && name.endsWith('.json'))
    .map((name) => path.join(HISTORIES, name))
    // Histories kept as protobuf (historyProtoBase64) are replayed by workflow-replay.test.ts.
    .filter((file) => Array.isArray((JSON.parse(fs.readFileSync(file, 'utf8')) as { events?: unknown }).events));

  it('has the histories recorded before and after the durable-review change', () => {
    expect(files.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining([
        'required-info-application-approved-overdue.json',
        'required-info-application-expired.json',
        'required-info-application-info-requested-rejected.json',
        'required-info-application-withdrawn.json',
        // The durable shape (patched 'durable-review-v1'), recorded after the change.
        'required-info-application-durable-already-open.json',
        'required-info-application-durable-expired.json',
        'required-info-application-durable-four-eyes-approved.json',
        'required-info-application-durable-reject-withdraw-race.json',
      ]),
    );
  });

  const replay = (paths: string[]) => {
    if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
    const output = execFileSync(process.execPath, ['test/support/replay-review-histories.mjs', ...paths], {
      encoding: 'utf8',
      timeout: 120_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return (
      output
        .split('\n')
        // The SDK core logs its own warnings to stdout too; the results are the JSON lines.
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { file: string; error: string | null })
    );
  };

  it('fails a history whose commands the code does not produce (the check can fail)', () => {
    const tampered = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'replay-')), 'tampered.json');
    fs.writeFileSync(
      tampered,
      fs
        .readFileSync(
          files.find((file) => file.endsWith('-withdrawn.json'))!,
          'utf8',
        )
        .replaceAll('"notifyApplicant"', '"someOtherActivity"'),
    );
    expect(replay([tampered])).toEqual([{ file: 'tampered.json', error: expect.stringMatching(/nondeterminism/i) }]);
  });

  it('replays each without a nondeterminism error', () => {
    const results = replay(files);
    expect(results.map((result) => result.file).sort()).toEqual(files.map((file) => path.basename(file)).sort());
    expect(results.filter((result) => result.error !== null)).toEqual([]);
  });
});
