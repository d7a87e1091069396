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

// A minimal HTTP/1.1 client on one keep-alive connection (TCP_NODELAY), one request at a time: the Runtime API
// is a strict request/response exchange, and Node's http module costs several times more CPU per exchange than
// the handler of a small function. Answers with Content-Length or chunked bodies; reconnects after
// "Connection: close" or a dropped connection.
let socket = null;
let received = Buffer.alloc(0);
let pending = null; // { resolve, reject } of the request in flight
let chain = Promise.resolve();

function connection() {
  if (socket) return socket;
  const s = net.createConnection({ host: HOST, port: Number(PORT) });
  s.setNoDelay(true);
  s.on('data', (chunk) => {
    received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
    parseResponse();
  });
  const dropped = (err) => {
    if (socket === s) socket = null;
    received = Buffer.alloc(0);
    if (pending) {
      const p = pending;
      pending = null;
      p.reject(err || new Error('the Runtime API closed the connection'));
    }
  };
  s.on('error', dropped);
  s.on('close', () => dropped());
  socket = s;
  return s;
}

function parseResponse() {
  if (!pending) return;
  const headEnd = received.indexOf('\r\n\r\n');
  if (headEnd < 0) return;
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
      if (lineEnd < 0) return;
      const size = parseInt(received.toString('latin1', at, lineEnd), 16);
      if (received.length < lineEnd + 2 + size + 2) return;
      if (size === 0) {
        const trailerEnd = received.indexOf('\r\n', lineEnd + 2);
        if (trailerEnd < 0) return;
        end = trailerEnd + 2;
        break;
      }
      parts.push(received.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  } else {
    const length = Number(headers['content-length'] || 0);
    if (received.length < headEnd + 4 + length) return;
    body = Buffer.from(received.subarray(headEnd + 4, headEnd + 4 + length));
    end = headEnd + 4 + length;
  }
  received = received.subarray(end);
  const p = pending;
  pending = null;
  if ((headers.connection || '').toLowerCase() === 'close') {
    const s = socket;
    socket = null;
    received = Buffer.alloc(0);
    s.destroy();
  }
  p.resolve({ status, headers, body });
}

function call(method, p, body, headers) {
  const run = () => new Promise((resolve, reject) => {
    const payload = body === undefined ? null : Buffer.from(body);
    let head = `${method} ${p} HTTP/1.1\r\nHost: ${API}\r\nUser-Agent: gatehouse-nodejs-runtime\r\n`;
    for (const [k, v] of Object.entries(headers || {})) head += `${k}: ${v}\r\n`;
    if (payload) head += `Content-Length: ${payload.length}\r\n`;
    head += '\r\n';
    pending = { resolve, reject };
    const s = connection();
    s.write(payload ? Buffer.concat([Buffer.from(head, 'latin1'), payload]) : Buffer.from(head, 'latin1'));
  });
  const result = chain.then(run, run);
  chain = result.catch(() => undefined);
  return result;
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

async function runOnce(handler) {
  const next = await call('GET', `${BASE}/invocation/next`);
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
  if (outcome.error !== undefined) {
    const body = JSON.stringify(errorJson(outcome.error));
    console.error('Invoke Error \t' + body);
    const markers = outputDone(id);
    await call('POST', `${BASE}/invocation/${id}/error`, body, { 'Content-Type': 'application/json',
      'Lambda-Runtime-Function-Error-Type': 'Unhandled', 'Gatehouse-Output-Markers': markers });
  } else {
    const body = outcome.result === undefined ? 'null' : JSON.stringify(outcome.result);
    const markers = outputDone(id);
    await call('POST', `${BASE}/invocation/${id}/response`, body,
      { 'Content-Type': 'application/json', 'Gatehouse-Output-Markers': markers });
  }
  currentRequestId = null;
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
  for (;;) await runOnce(handler);
})();
