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
