/**
 * Access control on the request path, slot by slot as {@link dev.gatehouse.engine.pipeline.RequestPipeline} orders
 * them: the resource policy ({@link dev.gatehouse.engine.access.ResourcePolicyFilter}), the authorizer
 * ({@link dev.gatehouse.engine.access.AuthorizerSlot} chooses: {@link dev.gatehouse.engine.access.IamAuthorizerFilter}
 * for AWS_IAM, {@link dev.gatehouse.engine.access.CognitoAuthorizerFilter} for Cognito user pools,
 * {@link dev.gatehouse.engine.access.LambdaAuthorizerFilter} for Lambda TOKEN/REQUEST authorizers), API keys and
 * usage plans, throttles and quotas. Whom the authorizers trust (user pools, the workspace signing key, IAM access
 * keys) is {@link dev.gatehouse.engine.access.AccessTrust}. A check that cannot run fails closed: the method refuses
 * every call, as AWS does for a caller that is not allowed ({@link dev.gatehouse.engine.access.FailClosedAccess}).
 */
package dev.gatehouse.engine.access;
