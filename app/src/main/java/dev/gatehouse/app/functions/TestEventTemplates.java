package dev.gatehouse.app.functions;

import java.util.List;

/**
 * The event templates the Test tab starts from, as the Lambda console offers them: an API Gateway proxy event
 * (payload 1.0, the shape of aws-reference §5.1: {@code null} for what the request lacks) and a custom event.
 * Pure data.
 */
public enum TestEventTemplates {
    API_GATEWAY_PROXY("API Gateway AWS Proxy", """
            {
              "resource": "/hello",
              "path": "/hello",
              "httpMethod": "GET",
              "headers": {
                "Accept": "application/json",
                "Host": "localhost"
              },
              "multiValueHeaders": {
                "Accept": ["application/json"],
                "Host": ["localhost"]
              },
              "queryStringParameters": {
                "name": "Gatehouse"
              },
              "multiValueQueryStringParameters": {
                "name": ["Gatehouse"]
              },
              "pathParameters": null,
              "stageVariables": null,
              "requestContext": {
                "accountId": "123456789012",
                "apiId": "1234567890",
                "httpMethod": "GET",
                "identity": {
                  "sourceIp": "127.0.0.1",
                  "userAgent": "Custom User Agent String"
                },
                "path": "/prod/hello",
                "protocol": "HTTP/1.1",
                "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                "resourceId": "123456",
                "resourcePath": "/hello",
                "stage": "prod"
              },
              "body": null,
              "isBase64Encoded": false
            }
            """),
    CUSTOM("Custom event (hello-world)", """
            {
              "key1": "value1",
              "key2": "value2",
              "key3": "value3"
            }
            """);

    private final String title;
    private final String json;

    TestEventTemplates(String title, String json) {
        this.title = title;
        this.json = json;
    }

    public String title() { return title; }

    public String json() { return json; }

    /** Every template, in menu order. */
    public static List<TestEventTemplates> all() {
        return List.of(values());
    }

    @Override public String toString() { return title; }
}
