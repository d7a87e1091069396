// A Lambda proxy integration: the event is API Gateway's payload 1.0, the answer its proxy response.
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    greeting: process.env.GREETING,
    method: event.httpMethod,
    path: event.path,
    query: event.queryStringParameters,
    body: event.body,
  }),
});
