package dev.gatehouse.app.method;

/** The four phases of a method's execution, in the order a request passes them (as AWS's console shows them). */
public enum Phase {
    METHOD_REQUEST("Method request"),
    INTEGRATION_REQUEST("Integration request"),
    INTEGRATION_RESPONSE("Integration response"),
    METHOD_RESPONSE("Method response");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
