/**
 * The per-stage response cache (AWS's stage cache cluster): {@link dev.gatehouse.engine.caching.StageCaches} holds
 * one bounded Caffeine cache per stage, {@link dev.gatehouse.engine.caching.CachingFilter} fills the pipeline's
 * cache slot. Settings come from the stage (cache cluster on, per-method caching and TTL) and take effect without a
 * redeploy, as on AWS.
 */
package dev.gatehouse.engine.caching;
