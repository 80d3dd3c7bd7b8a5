/** A refusal from the member API: its problem+json document. */
export interface ProblemBody {
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly errors?: ReadonlyArray<{ field: string; rules: string[] }>;
  readonly violations?: ReadonlyArray<{ rule: string }>;
  readonly retryAfterSeconds?: number;
  readonly attemptsRemaining?: number;
  readonly availableAt?: string;
  readonly field?: string;
  readonly [extension: string]: unknown;
}

export class ApiProblem extends Error {
  constructor(readonly problem: ProblemBody) {
    super(`API refused: ${problem.code}`);
    this.name = 'ApiProblem';
  }

  get code(): string {
    return this.problem.code;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The API could not be reached (refused, timed out) or answered something that is not its contract. */
export class ApiUnavailable extends Error {
  constructor(reason: string) {
    super(`The member API is unavailable: ${reason}`);
    this.name = 'ApiUnavailable';
  }
}
