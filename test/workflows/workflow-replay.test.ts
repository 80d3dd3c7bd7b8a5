// Replays every committed history (test/workflows/histories/*.json, recorded by
// scripts/record-workflow-histories.mjs) against the current workflow bundle: a change to a workflow
// that would stop an already-running execution from replaying fails here (see README "Versioning").
import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { LOGIN_ID_CHANGE_V2_PATCH, LOGIN_ID_CHANGE_V3_PATCH } from '../../workflows/login-id-change/login-id-change.contract.js';

const HISTORIES = path.resolve('test/workflows/histories');
const BUNDLE = path.resolve('dist/workflow-bundle.js');

interface HistoryFixture {
  readonly workflowId: string;
  readonly workflowType: string;
  /** temporal.api.history.v1.History, protobuf-encoded, base64. */
  readonly historyProtoBase64?: string;
}

const fixtures = fs
  .readdirSync(HISTORIES)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, ...(JSON.parse(fs.readFileSync(path.join(HISTORIES, name), 'utf8')) as HistoryFixture) }))
  // Histories kept as the CLI's JSON ({ events }) are replayed by required-info-application-replay.test.ts.
  .filter((fixture): fixture is HistoryFixture & { name: string; historyProtoBase64: string } => typeof fixture.historyProtoBase64 === 'string');

describe('recorded workflow histories replay against the current code', () => {
  it('has histories of the login-ID change recorded before the current version', () => {
    expect(fixtures.filter((fixture) => fixture.name.startsWith('login-id-change-')).length).toBeGreaterThanOrEqual(4);
  });

  it('has login-ID change histories of every version: before the patches, v2 and v3 (local steps)', () => {
    // A patch's ID is in its marker's details: found in the encoded history.
    const marked = (fixture: { historyProtoBase64: string }, patch: string) => Buffer.from(fixture.historyProtoBase64, 'base64').includes(patch);
    const changes = fixtures.filter((fixture) => fixture.name.startsWith('login-id-change-'));
    expect(changes.some((fixture) => !marked(fixture, LOGIN_ID_CHANGE_V2_PATCH) && !marked(fixture, LOGIN_ID_CHANGE_V3_PATCH))).toBe(true);
    expect(changes.some((fixture) => marked(fixture, LOGIN_ID_CHANGE_V2_PATCH) && !marked(fixture, LOGIN_ID_CHANGE_V3_PATCH))).toBe(true);
    expect(changes.some((fixture) => marked(fixture, LOGIN_ID_CHANGE_V3_PATCH))).toBe(true);
  });

  it('replays every history without a nondeterminism error', async () => {
    const failures: string[] = [];
    const results = Worker.runReplayHistories(
      { workflowBundle: { codePath: BUNDLE } },
      fixtures.map((fixture) => ({
        workflowId: fixture.workflowId,
        history: temporal.api.history.v1.History.decode(Buffer.from(fixture.historyProtoBase64, 'base64')),
      })),
    );
    let replayed = 0;
    for await (const result of results) {
      if (result.error) failures.push(`${fixtures[replayed].name}: ${result.error.message}`);
      replayed++;
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(fixtures.length);
  });
});
