/**
 * CORS as the AWS console sets it up: {@link dev.gatehouse.engine.cors.EnableCors} rewrites an API definition
 * (an OPTIONS MOCK method answering the preflight, {@code Access-Control-Allow-Origin} on the other methods' 200
 * responses, CORS headers on DEFAULT_4XX/DEFAULT_5XX). Pure definition edits: nothing here runs on the request path.
 */
package dev.gatehouse.engine.cors;
