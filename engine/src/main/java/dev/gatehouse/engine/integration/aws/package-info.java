/**
 * AWS service integrations (AWS integrations to services other than Lambda: DynamoDB, SQS, S3, SNS, Step
 * Functions, ...): the integration ARN ({@link dev.gatehouse.engine.integration.aws.AwsServiceArn}), the URL built
 * from it ({@link dev.gatehouse.engine.integration.aws.ServiceUrl}), the endpoint (workspace {@code aws.json},
 * {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL}, the shared config file's {@code services}
 * sections, else the real regional endpoint: {@link dev.gatehouse.engine.integration.aws.EndpointResolver}), the
 * signing keys (the integration's role mapped to a local profile, else the default chain:
 * {@link dev.gatehouse.engine.integration.aws.CredentialResolver}) and SigV4 signing with the AWS SDK's signer
 * ({@link dev.gatehouse.engine.integration.aws.RequestSigner}). The terminal filter itself is
 * {@link dev.gatehouse.engine.integration.AwsServiceIntegration}, next to the HTTP integration whose request
 * building and backend client it shares. Keys never leave this package except to the signer.
 */
package dev.gatehouse.engine.integration.aws;
