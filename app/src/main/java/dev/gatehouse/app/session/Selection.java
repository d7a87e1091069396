package dev.gatehouse.app.session;

/**
 * What the user is looking at inside the selected API: a resource, or one of its methods.
 *
 * @param resourceId the resource's id; never null
 * @param httpMethod the method's HTTP verb, or null when the resource itself is selected
 */
public record Selection(String resourceId, String httpMethod) {
    public Selection {
        java.util.Objects.requireNonNull(resourceId, "resourceId");
    }

    public static Selection resource(String resourceId) {
        return new Selection(resourceId, null);
    }

    public static Selection method(String resourceId, String httpMethod) {
        return new Selection(resourceId, httpMethod);
    }

    public boolean isMethod() {
        return httpMethod != null;
    }
}
