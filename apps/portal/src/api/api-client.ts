import { performance } from 'node:perf_hooks';
import { ApiProblem, ApiUnavailable, type ProblemBody } from './api-problem.js';
import { apiCallDuration } from '../metrics.js';

export interface ApiClientOptions {
  /** The API's base URL, without /api/v1. */
  readonly baseUrl: string;
  /** PORTAL_API_SECRET: with it, the API believes the browser address sent in X-Forwarded-For. */
  readonly portalSecret: string | undefined;
  readonly timeoutMs?: number;
}

/** Who the portal calls on behalf of: the browser's address, its request id and (signed in) its API token. */
export interface CallerContext {
  readonly clientAddress: string | undefined;
  readonly requestId: string;
  readonly token?: string;
  readonly userAgent?: string;
}

export interface ApiCall {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly json?: unknown;
  readonly form?: FormData;
  readonly headers?: Record<string, string>;
}

export interface ApiAnswer<T> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/**
 * The portal's only way to the data: the public member API over HTTP, exactly as any client calls
 * it. Every call carries the portal's credential and the browser's address (so each member is their
 * own client to the API's limits), never the portal's own.
 */
export class ApiClient {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: ApiClientOptions) {
    this.base = `${options.baseUrl.replace(/\/+$/, '')}/api/v1`;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  private headers(caller: CallerContext, extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'x-request-id': caller.requestId, ...extra };
    if (caller.token) headers.authorization = `Bearer ${caller.token}`;
    if (caller.userAgent) headers['user-agent'] = caller.userAgent.slice(0, 300);
    if (this.options.portalSecret) {
      headers['x-portal-secret'] = this.options.portalSecret;
      if (caller.clientAddress) headers['x-forwarded-for'] = caller.clientAddress;
    }
    return headers;
  }

  /** The raw response (for files streamed through); refusals still become ApiProblem. */
  async raw(caller: CallerContext, call: ApiCall): Promise<Response> {
    const extra: Record<string, string> = { ...call.headers };
    let body: string | FormData | undefined;
    if (call.form) body = call.form;
    else if (call.json !== undefined) {
      extra['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    }
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(`${this.base}${call.path}`, {
        method: call.method,
        headers: this.headers(caller, extra),
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ApiUnavailable(error instanceof Error ? error.name : 'network error');
    } finally {
      apiCallDuration.observe({ method: call.method }, (performance.now() - started) / 1000);
    }
    if (response.status >= 400) throw await this.problemOf(response);
    return response;
  }

  async call<T = unknown>(caller: CallerContext, call: ApiCall): Promise<ApiAnswer<T>> {
    const response = await this.raw(caller, call);
    const text = await response.text();
    let body: unknown = undefined;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ApiUnavailable('the answer was not JSON');
      }
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }

  private async problemOf(response: Response): Promise<Error> {
    const text = await response.text().catch(() => '');
    let parsed: Partial<ProblemBody> | undefined;
    try {
      parsed = JSON.parse(text) as Partial<ProblemBody>;
    } catch {
      parsed = undefined;
    }
    if (response.status >= 500 && response.status !== 503) return new ApiUnavailable(`status ${response.status}`);
    if (!parsed || typeof parsed.code !== 'string') {
      if (response.status === 503 || response.status === 502 || response.status === 504) return new ApiUnavailable(`status ${response.status}`);
      return new ApiProblem({ status: response.status, code: response.status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED' });
    }
    return new ApiProblem({ ...parsed, status: response.status, code: parsed.code } as ProblemBody);
  }

  /** Whether the API answers its health check (the portal's own /health). */
  async health(): Promise<{ reachable: boolean; status?: number }> {
    try {
      const response = await fetch(`${this.options.baseUrl.replace(/\/+$/, '')}/health`, { signal: AbortSignal.timeout(3_000) });
      await response.arrayBuffer();
      return { reachable: true, status: response.status };
    } catch {
      return { reachable: false };
    }
  }
}
