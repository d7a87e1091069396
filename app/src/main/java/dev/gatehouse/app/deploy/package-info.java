/**
 * Deploying from the console: {@link dev.gatehouse.app.deploy.DeployViewModel} (new or existing stage, AWS's
 * stage-name rules inline, the deploy itself in the background) and {@link dev.gatehouse.app.deploy.DeployDialog}.
 */
package dev.gatehouse.app.deploy;
