/**
 * Mapping templates and parameter mappings, as Amazon API Gateway runs them (aws-reference §3, §4, §6).
 *
 * <p>Deploy time: {@link dev.gatehouse.engine.mapping.TemplateCompiler} parses VTL into
 * {@link dev.gatehouse.engine.mapping.CompiledTemplate}s and {@link dev.gatehouse.engine.mapping.ParameterMapper}
 * compiles {@code requestParameters}/{@code responseParameters}. Request time: the data plane adapts its request
 * into a {@link dev.gatehouse.engine.mapping.MappingRequest}, asks {@link dev.gatehouse.engine.mapping.TemplateSelector}
 * which template applies, renders it and applies the mapped parameters and
 * {@link dev.gatehouse.engine.mapping.ContextOverrides}. Every failure is a
 * {@link dev.gatehouse.engine.mapping.MappingException} whose kind decides the client status.
 *
 * <p>Templates run in a sandbox ({@link dev.gatehouse.engine.mapping.SandboxUberspector},
 * {@link dev.gatehouse.engine.mapping.SandboxLimits}): no Java beyond strings, numbers, maps and lists; bounded
 * loops, output, strings, collections, macro depth and render time. No Vert.x or pipeline types here.
 */
package dev.gatehouse.engine.mapping;
