/**
 * Models and request validation (aws-reference §1.7, §1.8, §2): JSON Schema draft 4 models compiled once per
 * deployment ({@link dev.gatehouse.engine.validation.ModelSchemas}, with {@code $ref}s between one API's models
 * resolved in memory, never fetched), a method's compiled checks
 * ({@link dev.gatehouse.engine.validation.RequestValidation}: parameters, then body) with AWS's messages, and
 * the default mapping template AWS generates from a model
 * ({@link dev.gatehouse.engine.validation.DefaultTemplateGenerator}). A body is checked first by a quick test compiled
 * beside each model ({@code ValidBodyCheck}: accepts only what certainly conforms), and by networknt's validator
 * otherwise, which decides and writes every message.
 */
package dev.gatehouse.engine.validation;
