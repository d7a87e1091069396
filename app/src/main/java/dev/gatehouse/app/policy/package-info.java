/**
 * The Resource Policy page: the API's resource policy ({@code x-amazon-apigateway-policy}) in a JSON editor with
 * AWS console's templates, checks as you type, and "Check a request" on the engine's own evaluator.
 */
package dev.gatehouse.app.policy;
