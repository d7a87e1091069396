/**
 * Client SDK and documentation export for a deployed stage, through openapi-generator used as a library.
 *
 * <p>The input is always the stage's OAS 3.0 export ({@link dev.gatehouse.engine.sdk.StageDocument}), with its
 * server replaced by the stage's invoke URL so the generated clients call the stage out of the box. Methods that
 * require an API key carry the {@code api_key} security scheme (header {@code x-api-key}); every generator wires it
 * into its client configuration. {@link dev.gatehouse.engine.sdk.SdkGenerator} is the entry point for both SDKs and
 * the one-file HTML documentation.
 *
 * <p>openapi-generator and its swagger-parser types stay inside this package: the rest of the engine sees records
 * and paths only. The generator is an engine dependency (not a module of its own): with its {@code slf4j-simple}
 * binding and {@code lombok} excluded and {@code commons-lang3} managed to 3.18 (velocity brings 3.17), it shares
 * Jackson, slf4j and logback with the engine without conflict. It adds ~35 MB of jars to {@code engine/target/lib};
 * generated SDKs and docs are written by templates bundled in its jar, so export works offline.
 */
package dev.gatehouse.engine.sdk;
