// Replays committed review-workflow histories against the built workflow bundle, in a plain Node
// process (the SDK's protobuf classes do not survive jest's module registry). Prints one JSON line
// per history: { file, error }. Usage: node test/support/replay-review-histories.mjs <file>...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Runtime, Worker } from '@temporalio/worker';

// The SDK's own historyFromJSON fails here: @temporalio/common and @temporalio/proto each carry a
// copy of protobufjs, so its JSON reader rejects the History type ("type must be a Type"). Parse
// with the copy that built the type instead, and hand the worker decoded histories.
const requireFromProto = createRequire(createRequire(import.meta.url).resolve('@temporalio/proto'));
const { fromJson } = requireFromProto('protobufjs/ext/protojson');
const proto = requireFromProto('@temporalio/proto');
const { patchProtobufRoot } = requireFromProto('@temporalio/proto/lib/patch-protobuf-root');
const historyType = patchProtobufRoot(proto).lookupType('temporal.api.history.v1.History');

Runtime.install({
  logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
});

const files = process.argv.slice(2);
const histories = files.map((file) => ({
  workflowId: path.basename(file),
  history: fromJson(historyType, JSON.parse(fs.readFileSync(file, 'utf8')), { ignoreUnknownFields: true }),
}));
const results = Worker.runReplayHistories({ workflowBundle: { codePath: path.resolve('dist/workflow-bundle.js') } }, histories);
for await (const result of results) {
  process.stdout.write(`${JSON.stringify({ file: result.workflowId, error: result.error ? String(result.error.message ?? result.error) : null })}\n`);
}
