/**
 * The value of `--name N` or `--name=N` on the command line: a whole number from min to max, or
 * `fallback` when the flag is absent. Throws naming the flag otherwise.
 */
export function intArg(name: string, fallback: number, min: number, max: number, argv: readonly string[] = process.argv.slice(2)): number {
  let raw: string | undefined;
  argv.forEach((arg, index) => {
    if (arg === `--${name}`) raw = argv[index + 1] ?? '';
    else if (arg.startsWith(`--${name}=`)) raw = arg.slice(name.length + 3);
  });
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/** Refuses flags the bench does not know, so a typo does not silently run with the defaults. */
export function assertKnownArgs(known: readonly string[], argv: readonly string[] = process.argv.slice(2)): void {
  for (const arg of argv) {
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0];
    if (!known.includes(name)) throw new Error(`unknown flag --${name}; known: ${known.map((flag) => `--${flag}`).join(', ')}`);
  }
}
