// In-process CPU profiling for the benches: records only the measured phases of one side (not the
// other side's, not the setup's), writes a .cpuprofile (open it in Chrome DevTools or speedscope),
// and summarises where the time went, per request, by package and by function.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One inspector session; each start/stop pair is one phase, and the summary covers them all. */
export class CpuProfiler {
  private readonly session = new Session();
  private readonly profiles: Profile[] = [];
  private connected = false;

  async start(): Promise<void> {
    if (!this.connected) {
      this.session.connect();
      this.connected = true;
      await this.session.post('Profiler.enable');
      await this.session.post('Profiler.setSamplingInterval', { interval: 200 });
    }
    await this.session.post('Profiler.start');
  }

  async stop(): Promise<void> {
    const { profile } = (await this.session.post('Profiler.stop')) as unknown as { profile: Profile };
    this.profiles.push(profile);
  }

  /** Writes the last phase's profile to `file`; returns self time per request over every phase. */
  async finish(file: string, requests: number, top = 15): Promise<string> {
    if (this.connected) this.session.disconnect();
    const last = this.profiles.at(-1);
    if (last) await writeFile(file, JSON.stringify(last));
    return summarise(this.profiles, requests, top);
  }
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/dist\//, '')
    .replace(/^file:\/\//, '');
  return `${functionName || '(anonymous)'}${where ? ` ${where}:${lineNumber + 1}` : ''}`;
}

function packageOf(node: ProfileNode): string {
  const url = node.callFrame.url;
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dep) return dep[1];
  if (url.includes('/dist/'))
    return `app ${url
      .replace(/^.*\/dist\//, '')
      .split('/')
      .slice(0, 2)
      .join('/')}`;
  if (url.startsWith('node:')) return 'node core (JS)';
  // Natives: (garbage collector), (program), writeBuffer/writev (socket writes: syscalls) …
  return node.callFrame.functionName;
}

/** Self time (µs) per request, by package and by function; (idle) left out. */
export function summarise(profiles: readonly Profile[], requests: number, top: number): string {
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    // The profiler's own start (an inspector call) is not the side's work.
    const own = new Set<number>();
    const mark = (id: number): void => {
      own.add(id);
      for (const child of nodes.get(id)!.children ?? []) mark(child);
    };
    for (const node of profile.nodes) if (node.callFrame.url === 'node:inspector' && !own.has(node.id)) mark(node.id);
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id)!;
      if (node.callFrame.functionName === '(idle)' || own.has(id)) return;
      const micros = profile.timeDeltas[i] ?? 0;
      busy += micros;
      byPackage.set(packageOf(node), (byPackage.get(packageOf(node)) ?? 0) + micros);
      byFunction.set(label(node), (byFunction.get(label(node)) ?? 0) + micros);
    });
  }
  const perRequest = (micros: number) => `${(micros / requests).toFixed(1).padStart(6)} µs`;
  const list = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `      ${perRequest(micros)}  ${((micros / busy) * 100).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  return (
    `    busy ${perRequest(busy)} per request (sampled, idle excluded); self time by package:\n${list(byPackage)}\n` +
    `    self time by function:\n${list(byFunction)}`
  );
}
