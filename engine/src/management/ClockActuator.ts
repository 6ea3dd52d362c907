/**
 * Zeebe's clock actuator (ActorClockEndpoint), served over HTTP when ENGINE_CLOCK_CONTROL is on,
 * so tests and operators can move the time of a standalone engine:
 *
 *   GET    /actuator/clock                              → {"epochMilli": n, "instant": "…Z"}
 *   POST   /actuator/clock/pin  {"epochMilli": n}       → pins the clock, answers as GET
 *   POST   /actuator/clock/add  {"offsetMilli": n}      → moves it forward, answers as GET
 *   DELETE /actuator/clock                              → back to system time, answers as GET
 *
 * Unlike Zeebe, time only moves forward: a negative offset is answered 400.
 */
import http from 'node:http';
import type { Clock } from '../clock';

const MAX_BODY_BYTES = 16 * 1024;

export interface ClockActuator {
  port: number;
  close(): Promise<void>;
}

export async function startClockActuator(
  clock: Clock,
  options: { host: string; port: number },
): Promise<ClockActuator> {
  const server = http.createServer((request, response) => {
    handle(clock, request)
      .then(({ status, body }) => reply(response, status, body))
      .catch(() => reply(response, 500, 'Expected to handle the clock request, but it failed'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Reply {
  status: number;
  body: unknown;
}

async function handle(clock: Clock, request: http.IncomingMessage): Promise<Reply> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
  if (path === '/actuator/clock') {
    if (request.method === 'GET') return current(clock);
    if (request.method === 'DELETE') {
      clock.reset();
      return current(clock);
    }
    return { status: 405, body: `Method ${request.method} is not allowed on /actuator/clock` };
  }
  const operation = /^\/actuator\/clock\/([^/]+)$/.exec(path)?.[1];
  if (operation === undefined) return { status: 404, body: `No endpoint ${path}` };
  if (request.method !== 'POST') {
    return { status: 405, body: `Method ${request.method} is not allowed on ${path}` };
  }
  const body = await readJson(request);
  if (body === undefined) return { status: 400, body: 'Expected a JSON object as request body' };
  if (operation === 'pin') {
    const epochMilli = body.epochMilli;
    if (!Number.isSafeInteger(epochMilli)) {
      return {
        status: 400,
        body: 'Expected pin the clock to the given `epochMilli`, but none given',
      };
    }
    clock.pin(epochMilli as number);
    return current(clock);
  }
  if (operation === 'add') {
    const offsetMilli = body.offsetMilli;
    if (!Number.isSafeInteger(offsetMilli)) {
      return { status: 400, body: 'Expected to add `offsetMilli` to the clock, but none given' };
    }
    if ((offsetMilli as number) < 0) {
      return {
        status: 400,
        body: "Expected to add a non-negative `offsetMilli` to the clock: this engine's time only moves forward",
      };
    }
    clock.advance(offsetMilli as number);
    return current(clock);
  }
  return {
    status: 400,
    body: `Expected to either \`pin\` or \`add\` to the clock, but no operation named \`${operation}\` is known; make sure you wrote the correct path`,
  };
}

function current(clock: Clock): Reply {
  const epochMilli = clock.now();
  return { status: 200, body: { epochMilli, instant: new Date(epochMilli).toISOString() } };
}

async function readJson(
  request: http.IncomingMessage,
): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function reply(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
