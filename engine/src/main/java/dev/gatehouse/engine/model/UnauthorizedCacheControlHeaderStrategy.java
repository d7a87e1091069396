package dev.gatehouse.engine.model;

/** How a stage answers an unauthorised Cache-Control: max-age=0. */
public enum UnauthorizedCacheControlHeaderStrategy {
    FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER, SUCCEED_WITHOUT_RESPONSE_HEADER
}
