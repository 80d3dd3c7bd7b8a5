import fs from 'node:fs';
import { SEARCH_ATTRIBUTES } from '../../../scripts/lib/temporal-cli.mjs';
import { SEARCH_ATTRIBUTE_NAMES } from '../../../workflows/search-attributes.js';

// The dev server script runs before the TypeScript build and the compose file is YAML, so each keeps
// its own copy of the names; this holds both to the workflows' keys.
describe('search attributes', () => {
  const expected = [...SEARCH_ATTRIBUTE_NAMES].sort();

  it('are the ones the dev server script registers', () => {
    expect([...SEARCH_ATTRIBUTES].sort()).toEqual(expected);
  });

  it('are the ones docker-compose.yml registers on the Temporal server', () => {
    const loop = /for a in ([\w ]+); do\s+temporal operator search-attribute create/.exec(fs.readFileSync('docker-compose.yml', 'utf8'));
    expect(loop?.[1].trim().split(/\s+/).sort()).toEqual(expected);
  });
});
