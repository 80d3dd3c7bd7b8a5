import fs from 'node:fs';

// Linux reports utime and stime in clock ticks of USER_HZ, 100 on every mainstream platform.
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) used so far by a process, all its threads together: this process
 * from process.cpuUsage, another one from /proc/<pid>/stat (10 ms resolution). NaN where there is
 * no /proc or the process is gone. Deltas of it are a cost that other work on a shared machine
 * disturbs far less than wall-clock throughput.
 */
export function processCpuMs(pid: number = process.pid): number {
  if (pid === process.pid) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1_000;
  }
  return statCpuMs(`/proc/${pid}/stat`);
}

/**
 * CPU time (ms) of the calling thread alone — e.g. a client in a worker thread, whose process also
 * runs the server it measures — from /proc/thread-self/stat; NaN without /proc. Work the thread hands
 * to libuv's pool (file reads) is not in it.
 */
export function threadCpuMs(): number {
  return statCpuMs('/proc/thread-self/stat');
}

function statCpuMs(file: string): number {
  try {
    const stat = fs.readFileSync(file, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** CPU ms of each named process since the snapshot was taken. */
export function cpuSnapshot<Name extends string>(pids: Readonly<Record<Name, number | undefined>>): () => Record<Name, number> {
  const read = () =>
    Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, pid === undefined ? Number.NaN : processCpuMs(pid as number)])) as Record<Name, number>;
  const before = read();
  return () => {
    const now = read();
    return Object.fromEntries(Object.keys(now).map((name) => [name, now[name as Name] - before[name as Name]])) as Record<Name, number>;
  };
}

/** A process's CPU ms by kind of thread: see threadSplitSnapshot. */
export interface ThreadSplit {
  /** The main thread (tid = pid): for the worker, its activities and the SDK's JS side. */
  readonly main: number;
  /** Threads named tokio-*: the Temporal SDK core (Rust: gRPC, the state machines). */
  readonly core: number;
  /** The rest: worker threads (the workflow sandbox), libuv's pool, V8's GC and compiler. */
  readonly other: number;
}

/**
 * CPU ms of `pid`'s threads since the snapshot, split as ThreadSplit, from /proc/<pid>/task
 * (NaN without /proc). Threads that ended in between are not in it: read it around a run of a
 * long-lived process.
 */
export function threadSplitSnapshot(pid: number): () => ThreadSplit {
  const read = (): Map<string, { kind: keyof ThreadSplit; ms: number }> => {
    const threads = new Map<string, { kind: keyof ThreadSplit; ms: number }>();
    let tids: string[];
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      return threads;
    }
    for (const tid of tids) {
      let name: string;
      try {
        name = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      } catch {
        continue;
      }
      const kind = tid === String(pid) ? 'main' : name.startsWith('tokio') ? 'core' : 'other';
      threads.set(tid, { kind, ms: statCpuMs(`/proc/${pid}/task/${tid}/stat`) });
    }
    return threads;
  };
  const before = read();
  return () => {
    const split = { main: 0, core: 0, other: 0 };
    if (before.size === 0) return { main: Number.NaN, core: Number.NaN, other: Number.NaN };
    for (const [tid, { kind, ms }] of read()) if (Number.isFinite(ms)) split[kind] += ms - (before.get(tid)?.ms ?? 0);
    return split;
  };
}
