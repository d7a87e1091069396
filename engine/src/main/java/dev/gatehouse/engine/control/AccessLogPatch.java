package dev.gatehouse.engine.control;

import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.Stage.AccessLogSettings;
import java.util.List;

/**
 * UpdateStage's access-log patch paths, as AWS documents them ("Set up CloudWatch logging using the API Gateway
 * API"): {@code replace /accessLogSettings/destinationArn} and {@code replace /accessLogSettings/format} set one
 * field each (the other is kept), and {@code remove /accessLogSettings} turns access logging off. Called by
 * {@link StageRoutes} on the control plane's request thread; bad operations fail with AWS's 400.
 */
final class AccessLogPatch {

    private AccessLogPatch() { }

    static Stage apply(Stage s, Patch p, List<String> paths, long now) {
        List<String> seg = p.segments();
        AccessLogSettings current = s.accessLogSettings();
        AccessLogSettings next;
        if (seg.size() == 1 && p.isRemove()) {
            next = null;
        } else if (seg.size() == 2 && p.op().equals("replace") && seg.get(1).equals("format")) {
            next = new AccessLogSettings(p.requiredValue(), current == null ? null : current.destinationArn());
        } else if (seg.size() == 2 && p.op().equals("replace") && seg.get(1).equals("destinationArn")) {
            next = new AccessLogSettings(current == null ? null : current.format(), p.requiredValue());
        } else {
            throw p.unsupported(paths);
        }
        return new Stage(s.stageName(), s.description(), s.deploymentId(), s.clientCertificateId(),
                s.cacheClusterEnabled(), s.cacheClusterSize(), s.cacheClusterStatus(), s.methodSettings(),
                s.variables(), s.documentationVersion(), next, s.canarySettings(), s.tracingEnabled(),
                s.webAclArn(), s.tags(), s.createdDate(), now);
    }
}
