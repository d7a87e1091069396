// Gatehouse's Node.js runtime: polls the Lambda Runtime API at $AWS_LAMBDA_RUNTIME_API exactly as Lambda's own
// runtime does (GET next, POST response/error, POST init/error) and runs the handler named by $_HANDLER
// ("file.export") from $LAMBDA_TASK_ROOT. Supports async handlers, callback handlers and context.succeed/fail/done.
// Plain Node.js, no dependencies (its own small HTTP/1.1 client on one kept-alive connection).
'use strict';
const net = require('net');
const path = require('path');
const fs = require('fs');
const url = require('url');

const API = process.env.AWS_LAMBDA_RUNTIME_API;
const BASE = '/2018-06-01/runtime';
const [HOST, PORT] = API.split(':');
let currentRequestId = null;

// A minimal HTTP/1.1 client on one keep-alive connection (TCP_NODELAY): the Runtime API is a request/response
// exchange, and Node's http module costs several times more CPU per exchange than the handler of a small function.
// Requests are pipelined (RFC 9112 §9.3.2): an invocation's /response and the next /next leave in one write, and
// the answers come back in order (a FIFO of waiting promises), so a warm invocation costs one wake-up, not two.
// Answers with Content-Length or chunked bodies; after "Connection: close" or a dropped connection the requests
// still waiting are rejected (the caller retries /next on a new connection).
let socket = null;
let received = Buffer.alloc(0);
const pending = []; // { resolve, reject } of the requests written and not yet answered, oldest first

function connection() {
  if (socket) return socket;
  const s = net.createConnection({ host: HOST, port: Number(PORT) });
  s.setNoDelay(true);
  s.on('data', (chunk) => {
    received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
    while (pending.length > 0 && parseResponse(s)) { /* every complete answer in the buffer */ }
  });
  const dropped = (err) => {
    if (socket !== s) return;
    socket = null;
    received = Buffer.alloc(0);
    for (const p of pending.splice(0)) p.reject(err || new Error('the Runtime API closed the connection'));
  };
  s.on('error', dropped);
  s.on('close', () => dropped());
  socket = s;
  return s;
}

// Resolves the oldest waiting request with the answer at the start of the buffer; false while it is incomplete.
function parseResponse(s) {
  const headEnd = received.indexOf('\r\n\r\n');
  if (headEnd < 0) return false;
  const lines = received.toString('latin1', 0, headEnd).split('\r\n');
  const status = Number(lines[0].split(' ')[1]);
  const headers = {};
  for (let i = 1; i < lines.length; i++) {
    const colon = lines[i].indexOf(':');
    if (colon > 0) headers[lines[i].substring(0, colon).trim().toLowerCase()] = lines[i].substring(colon + 1).trim();
  }
  let body;
  let end;
  if ((headers['transfer-encoding'] || '').toLowerCase().includes('chunked')) {
    const parts = [];
    let at = headEnd + 4;
    for (;;) {
      const lineEnd = received.indexOf('\r\n', at);
      if (lineEnd < 0) return false;
      const size = parseInt(received.toString('latin1', at, lineEnd), 16);
      if (received.length < lineEnd + 2 + size + 2) return false;
      if (size === 0) {
        const trailerEnd = received.indexOf('\r\n', lineEnd + 2);
        if (trailerEnd < 0) return false;
        end = trailerEnd + 2;
        break;
      }
      parts.push(received.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  } else {
    const length = Number(headers['content-length'] || 0);
    if (received.length < headEnd + 4 + length) return false;
    body = Buffer.from(received.subarray(headEnd + 4, headEnd + 4 + length));
    end = headEnd + 4 + length;
  }
  received = received.subarray(end);
  const p = pending.shift();
  p.resolve({ status, headers, body });
  if ((headers.connection || '').toLowerCase() === 'close') {
    // the requests written after this one are not answered on this connection: they fail, and are retried
    s.destroy();
    if (socket === s) {
      socket = null;
      received = Buffer.alloc(0);
      for (const q of pending.splice(0)) q.reject(new Error('the Runtime API closed the connection'));
    }
    return false;
  }
  return true;
}

// Writes one request at once (behind any still unanswered) and returns the promise of its answer.
function call(method, p, body, headers) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? null : Buffer.from(body);
    let head = `${method} ${p} HTTP/1.1\r\nHost: ${API}\r\nUser-Agent: gatehouse-nodejs-runtime\r\n`;
    if (headers) for (const k in headers) head += `${k}: ${headers[k]}\r\n`;
    if (payload) head += `Content-Length: ${payload.length}\r\n`;
    head += '\r\n';
    const s = connection();
    pending.push({ resolve, reject });
    s.write(payload ? Buffer.concat([Buffer.from(head, 'latin1'), payload]) : Buffer.from(head, 'latin1'));
  });
}

// GET /next; asked again once on a fresh connection when the connection it was written on closed first (after a
// 413 the server closes the connection the pipelined /next was sent on).
async function nextInvocation() {
  try {
    return await call('GET', `${BASE}/invocation/next`);
  } catch (e) {
    return call('GET', `${BASE}/invocation/next`);
  }
}

function errorJson(err) {
  if (err instanceof Error) {
    return { errorType: err.name || 'Error', errorMessage: err.message,
             trace: String(err.stack || '').split('\n') };
  }
  return { errorType: typeof err, errorMessage: String(err), trace: [] };
}

// console.* as Lambda writes it: "timestamp<TAB>requestId<TAB>LEVEL<TAB>message"
const util = require('util');
for (const [name, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'],
                             ['debug', 'DEBUG'], ['trace', 'TRACE']]) {
  console[name] = (...args) => {
    const line = `${new Date().toISOString()}\t${currentRequestId || 'undefined'}\t${level}\t${util.format(...args)}\n`;
    process.stdout.write(line);
  };
}

async function loadHandler() {
  const handlerName = process.env._HANDLER || '';
  const root = process.env.LAMBDA_TASK_ROOT || process.cwd();
  const dot = handlerName.lastIndexOf('.');
  if (dot < 0) {
    throw Object.assign(new Error(`Bad handler ${handlerName}: missing a module name`), { name: 'Runtime.MalformedHandlerName' });
  }
  const moduleName = handlerName.substring(0, dot);
  const exportName = handlerName.substring(dot + 1);
  const base = path.resolve(root, moduleName);
  let mod;
  try {
    if (fs.existsSync(base + '.mjs')) {
      mod = await import(url.pathToFileURL(base + '.mjs').href);
    } else {
      mod = require(base);
    }
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(base)) {
      throw Object.assign(new Error(`Error: Cannot find module '${moduleName}'`), { name: 'Runtime.ImportModuleError' });
    }
    throw e;
  }
  const fn = mod[exportName] || (mod.default && mod.default[exportName]);
  if (typeof fn !== 'function') {
    throw Object.assign(new Error(`${handlerName} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  }
  return fn;
}

function contextFor(headers, done) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: headers['lambda-runtime-cognito-identity'] ? JSON.parse(headers['lambda-runtime-cognito-identity']) : undefined,
    clientContext: headers['lambda-runtime-client-context'] ? JSON.parse(headers['lambda-runtime-client-context']) : undefined,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    succeed: (result) => done(null, result),
    fail: (err) => done(err === undefined || err === null ? 'handled' : err),
    done: (err, result) => done(err, result),
  };
  return context;
}

// One invocation: its event from `next` (the answer to a /next already written), its result posted, and the
// following /next written right behind the post (pipelined); returns the promise of that next event.
async function runOnce(handler, next) {
  const id = next.headers['lambda-runtime-aws-request-id'];
  currentRequestId = id;
  if (next.headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
  const outcome = await new Promise((resolve) => {
    let settled = false;
    const done = (err, result) => {
      if (settled) return;
      settled = true;
      resolve(err !== null && err !== undefined ? { error: err } : { result });
    };
    let event;
    try {
      event = JSON.parse(next.body.toString('utf8'));
    } catch (e) {
      done(e);
      return;
    }
    try {
      const returned = handler(event, contextFor(next.headers, done), done);
      if (returned && typeof returned.then === 'function') returned.then((r) => done(null, r), (e) => done(e));
    } catch (e) {
      done(e);
    }
  });
  let path;
  let body;
  let headers;
  if (outcome.error !== undefined) {
    body = JSON.stringify(errorJson(outcome.error));
    console.error('Invoke Error \t' + body);
    path = `${BASE}/invocation/${id}/error`;
    headers = { 'Content-Type': 'application/json', 'Lambda-Runtime-Function-Error-Type': 'Unhandled',
      'Gatehouse-Output-Markers': outputDone(id) };
  } else {
    body = outcome.result === undefined ? 'null' : JSON.stringify(outcome.result);
    path = `${BASE}/invocation/${id}/response`;
    headers = { 'Content-Type': 'application/json', 'Gatehouse-Output-Markers': outputDone(id) };
  }
  currentRequestId = null;
  // the post and the next poll leave in one write (one system call here, one read on the engine's side)
  const s = connection();
  s.cork();
  // the post's answer (202, or 400/413 Lambda logs on its side) needs no action here; a dropped connection is
  // handled by nextInvocation's retry
  call('POST', path, body, headers).catch(() => undefined);
  const following = nextInvocation(); // its request is written synchronously, before its first await
  s.uncork();
  return following;
}

// Gatehouse, not Lambda: tells the engine this invocation's output is all written (pipes are written synchronously
// on Linux, so the marker follows every earlier line); the engine drops the marker from the log. Only a stream
// written since the last marker gets one, and the answer's Gatehouse-Output-Markers header says how many to wait
// for (none for a function that logs nothing: two pipe writes and two wake-ups saved on every invocation).
const writeOut = process.stdout.write.bind(process.stdout);
const writeErr = process.stderr.write.bind(process.stderr);
let wroteOut = false;
let wroteErr = false;
process.stdout.write = (...args) => { wroteOut = true; return writeOut(...args); };
process.stderr.write = (...args) => { wroteErr = true; return writeErr(...args); };
function outputDone(id) {
  let markers = 0;
  if (wroteOut) { writeOut('\u001eGATEHOUSE-OUTPUT-DONE ' + id + '\n'); markers++; }
  if (wroteErr) { writeErr('\u001eGATEHOUSE-OUTPUT-DONE ' + id + '\n'); markers++; }
  wroteOut = false;
  wroteErr = false;
  return String(markers);
}

process.on('uncaughtException', async (err) => {
  const body = JSON.stringify(errorJson(err));
  console.error('Uncaught Exception \t' + body);
  try {
    if (currentRequestId) {
      const markers = outputDone(currentRequestId);
      await call('POST', `${BASE}/invocation/${currentRequestId}/error`, body, { 'Content-Type': 'application/json',
        'Lambda-Runtime-Function-Error-Type': 'Runtime.UncaughtException', 'Gatehouse-Output-Markers': markers });
    }
  } finally {
    process.exit(129);
  }
});

(async () => {
  let handler;
  try {
    handler = await loadHandler();
  } catch (e) {
    const body = JSON.stringify(errorJson(e));
    console.error('Init Error \t' + body);
    await call('POST', `${BASE}/init/error`, body,
      { 'Content-Type': 'application/json', 'Lambda-Runtime-Function-Error-Type': e.name || 'Runtime.Unknown' });
    process.exit(1);
  }
  let next = await nextInvocation();
  for (;;) next = await runOnce(handler, next);
})();
