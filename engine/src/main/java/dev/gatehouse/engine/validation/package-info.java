/**
 * Models and request validation (aws-reference §1.7, §1.8, §2): JSON Schema draft 4 models compiled once per
 * deployment ({@link dev.gatehouse.engine.validation.ModelSchemas}, with {@code $ref}s between one API's models
 * resolved in memory, never fetched), a method's compiled checks
 * ({@link dev.gatehouse.engine.validation.RequestValidation}: parameters, then body) with AWS's messages, and
 * the default mapping template AWS generates from a model
 * ({@link dev.gatehouse.engine.validation.DefaultTemplateGenerator}).
 */
package dev.gatehouse.engine.validation;
