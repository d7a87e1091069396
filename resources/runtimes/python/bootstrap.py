# Gatehouse's Python runtime: polls the Lambda Runtime API at $AWS_LAMBDA_RUNTIME_API exactly as Lambda's own
# runtime does (GET next, POST response/error, POST init/error) and calls the handler named by $_HANDLER
# ("module.function") from $LAMBDA_TASK_ROOT as handler(event, context). Standard library only.
import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
BASE = "/2018-06-01/runtime"
_conn = None



def output_done(request_id):
    """Gatehouse, not Lambda: tells the engine this invocation's output is all written (the marker is dropped)."""
    for stream in (sys.stdout, sys.stderr):
        stream.write("\x1eGATEHOUSE-OUTPUT-DONE %s\n" % request_id)
        stream.flush()

def call(method, path, body=None, headers=None):
    global _conn
    for attempt in (1, 2):
        if _conn is None:
            _conn = http.client.HTTPConnection(API)
        try:
            _conn.request(method, path, body=body, headers=headers or {})
            res = _conn.getresponse()
            return res.status, {k.lower(): v for k, v in res.getheaders()}, res.read()
        except (http.client.HTTPException, ConnectionError):
            _conn.close()
            _conn = None
            if attempt == 2:
                raise


def error_json(exc, request_id=None):
    out = {"errorMessage": str(exc), "errorType": type(exc).__name__}
    if request_id:
        out["requestId"] = request_id
    out["stackTrace"] = traceback.format_list(traceback.extract_tb(exc.__traceback__))
    return out


class LambdaContext:
    def __init__(self, headers):
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.aws_request_id = headers.get("lambda-runtime-aws-request-id")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        identity = headers.get("lambda-runtime-cognito-identity")
        client_context = headers.get("lambda-runtime-client-context")
        self.identity = json.loads(identity) if identity else None
        self.client_context = json.loads(client_context) if client_context else None
        self._deadline = int(headers.get("lambda-runtime-deadline-ms", "0"))

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline - int(time.time() * 1000))


class _RequestIdFilter(logging.Filter):
    request_id = None

    def filter(self, record):
        record.aws_request_id = _RequestIdFilter.request_id
        return True


def _setup_logging():
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler.formatter.converter = time.gmtime
    handler.addFilter(_RequestIdFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.WARNING)


def _init_error(error_type, message):
    body = json.dumps({"errorMessage": message, "errorType": error_type, "requestId": "", "stackTrace": []})
    print("[ERROR] %s: %s" % (error_type, message), flush=True)
    call("POST", BASE + "/init/error", body.encode(),
         {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": error_type})
    sys.exit(1)


def load_handler():
    name = os.environ.get("_HANDLER", "")
    sys.path.insert(0, os.environ.get("LAMBDA_TASK_ROOT", os.getcwd()))
    module_name, _, function_name = name.rpartition(".")
    if not module_name:
        _init_error("Runtime.MalformedHandlerName", "Bad handler '%s': not enough values to unpack" % name)
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as e:
        _init_error("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, e))
    except SyntaxError as e:
        _init_error("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, e))
    except Exception as e:  # noqa: BLE001 - whatever the module raised while loading
        _init_error(type(e).__name__, str(e))
    handler = getattr(module, function_name, None)
    if handler is None:
        _init_error("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name))
    return handler


def main():
    _setup_logging()
    handler = load_handler()
    while True:
        _, headers, body = call("GET", BASE + "/invocation/next")
        request_id = headers.get("lambda-runtime-aws-request-id")
        _RequestIdFilter.request_id = request_id
        if headers.get("lambda-runtime-trace-id"):
            os.environ["_X_AMZN_TRACE_ID"] = headers["lambda-runtime-trace-id"]
        try:
            event = json.loads(body) if body else None
            result = handler(event, LambdaContext(headers))
            payload = json.dumps(result).encode()
        except Exception as e:  # noqa: BLE001 - every handler error is reported to the Runtime API
            err = error_json(e, request_id)
            print("[ERROR] %s: %s\nTraceback (most recent call last):\n%s" % (
                err["errorType"], err["errorMessage"], "".join(err["stackTrace"])), end="", flush=True)
            output_done(request_id)
            call("POST", BASE + "/invocation/%s/error" % request_id, json.dumps(err).encode(),
                 {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": err["errorType"]})
        else:
            output_done(request_id)
            call("POST", BASE + "/invocation/%s/response" % request_id, payload,
                 {"Content-Type": "application/json"})
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    main()
