// The part of autocannon's API the HTTP load benchmark uses: the package ships no types of its own.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Called before each request is sent; what it returns is sent. */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
  }

  export interface Options {
    /** More than one: connections are spread over them in turn. */
    url: string | string[];
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Requests a second over all connections; absent: as fast as the server answers. */
    overallRate?: number;
    requests?: Request[];
  }

  export interface Result {
    /** Seconds the run took. */
    duration: number;
    '2xx': number;
    non2xx: number;
    errors: number;
    timeouts: number;
  }

  export interface Instance extends EventEmitter, PromiseLike<Result> {
    /** `responseTime` in milliseconds, with fractions. */
    on(
      event: 'response',
      listener: (client: unknown, status: number, bytes: number, responseTime: number) => void,
    ): this;
    stop(): void;
  }

  export default function autocannon(options: Options): Instance;
}
