package dev.gatehouse.tests.openapi;

import java.nio.charset.StandardCharsets;

/** Large, valid OpenAPI 3.0 documents made on the fly (kept out of the repository). */
final class GeneratedDocuments {
    private GeneratedDocuments() {}

    /**
     * {@code paths} paths ({@code /groupN/itemsM/{id}}), each with a GET and a POST carrying parameters, a request
     * and response model, response headers and an HTTP integration; {@code padding} characters of description per
     * operation make the document as large as needed.
     */
    static byte[] oas30(int paths, int padding) {
        StringBuilder out = new StringBuilder(paths * (1200 + 2 * padding));
        String pad = "x".repeat(padding);
        out.append("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Generated\",\"version\":\"1\"},\"paths\":{");
        for (int i = 0; i < paths; i++) {
            if (i > 0) out.append(',');
            String path = "/group" + (i % 37) + "/items" + i + "/{id}";
            String model = "Item" + (i % 50);
            out.append('"').append(path).append("\":{\"parameters\":[{\"name\":\"id\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}],");
            for (String method : new String[] {"get", "post"}) {
                if (method.equals("post")) out.append(',');
                out.append('"').append(method).append("\":{\"operationId\":\"").append(method).append(i)
                        .append("\",\"description\":\"").append(pad).append("\",")
                        .append("\"parameters\":[{\"name\":\"q\",\"in\":\"query\",\"schema\":{\"type\":\"string\"}},")
                        .append("{\"name\":\"X-Tenant\",\"in\":\"header\",\"required\":true,\"schema\":{\"type\":\"string\"}}],");
                if (method.equals("post")) {
                    out.append("\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/")
                            .append(model).append("\"}}}},");
                }
                out.append("\"responses\":{\"200\":{\"description\":\"ok\",\"headers\":{\"X-Request-Id\":{\"schema\":{\"type\":\"string\"}}},")
                        .append("\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/").append(model)
                        .append("\"}}}},\"404\":{\"description\":\"missing\"}},")
                        .append("\"x-amazon-apigateway-integration\":{\"type\":\"http\",\"httpMethod\":\"").append(method.toUpperCase())
                        .append("\",\"uri\":\"https://backend.example.com/items/{id}\",")
                        .append("\"requestParameters\":{\"integration.request.path.id\":\"method.request.path.id\"},")
                        .append("\"responses\":{\"default\":{\"statusCode\":\"200\"},\"404\":{\"statusCode\":\"404\"}}}}");
            }
            out.append('}');
        }
        out.append("},\"components\":{\"schemas\":{");
        for (int m = 0; m < 50; m++) {
            if (m > 0) out.append(',');
            out.append("\"Item").append(m).append("\":{\"type\":\"object\",\"required\":[\"id\"],\"properties\":{")
                    .append("\"id\":{\"type\":\"string\"},\"name\":{\"type\":\"string\",\"nullable\":true},")
                    .append("\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},")
                    .append("\"next\":{\"$ref\":\"#/components/schemas/Item").append((m + 1) % 50).append("\"}}}");
        }
        out.append("}}}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
