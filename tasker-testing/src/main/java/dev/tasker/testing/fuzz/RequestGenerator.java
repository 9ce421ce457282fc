package dev.tasker.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random requests for the operations an OpenAPI document declares: each operation's path and query parameters and
 * JSON body built from their schemas, then bent: wrong types, edge numbers, control and unicode characters, keys
 * repeated, unknown fields, bodies cut short, nested too deep or not JSON at all, odd content types. Seeded, so a
 * failing case comes back with the same seed.
 */
final class RequestGenerator {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json; charset=utf-8", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "application/json; charset=utf-16", "garbage/\u00e9", "");
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/html", "application/xml",
            "application/json;q=0", "");

    private record Operation(String method, String path, JsonNode spec) {
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final Random random;
    private final FuzzValues values;

    RequestGenerator(JsonNode document, Random random) {
        this.document = document;
        this.random = random;
        this.values = new FuzzValues(random);
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), path.getValue().get(method)));
                }
            }
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("the OpenAPI document declares no operations");
        }
    }

    int operationCount() {
        return operations.size();
    }

    FuzzRequest next() {
        Operation op = values.pick(operations);
        // Now and then another method than the declared one, or an unknown path beside a known one.
        String method = random.nextInt(20) == 0 ? values.pick(METHODS).toUpperCase() : op.method();
        String path = op.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode p : parameters(op)) {
            String in = p.path("in").asText();
            String name = p.path("name").asText();
            JsonNode schema = resolve(p.path("schema"));
            String value = values.parameter(schema.path("type").asText(null), schema.path("format").asText(null));
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}", encode(value));
                case "query" -> {
                    if (random.nextInt(3) > 0) {
                        appendQuery(query, name, value);
                    }
                    if (random.nextInt(15) == 0) {
                        appendQuery(query, name, values.string());
                    }
                }
                case "header" -> headers.put(name, headerSafe(value));
                default -> {
                }
            }
        }
        if (random.nextInt(10) == 0) {
            appendQuery(query, "unknown_" + random.nextInt(5), values.string());
        }
        if (random.nextInt(40) == 0) {
            path = path + "/" + encode(values.string());
        }
        byte[] body = null;
        JsonNode content = op.spec().path("requestBody").path("content");
        if (content.has("application/json") || random.nextInt(10) == 0) {
            body = body(resolve(content.path("application/json").path("schema")));
            headers.put("Content-Type", random.nextInt(4) == 0 ? values.pick(CONTENT_TYPES) : "application/json");
        }
        if (random.nextInt(5) == 0) {
            headers.put("Accept", values.pick(ACCEPTS));
        }
        if (random.nextInt(10) == 0) {
            headers.put("X-Request-Id", headerSafe(values.string()));
        }
        return new FuzzRequest(method, path + (query.isEmpty() ? "" : "?" + query), headers, body);
    }

    private List<JsonNode> parameters(Operation op) {
        List<JsonNode> out = new ArrayList<>();
        op.spec().path("parameters").forEach(p -> out.add(resolve(p)));
        return out;
    }

    private byte[] body(JsonNode schema) {
        String json = random.nextInt(8) == 0 ? values.anyJson() : value(schema, 0);
        switch (random.nextInt(12)) {
            case 0 -> json = json.substring(0, random.nextInt(json.length() + 1));
            case 1 -> json = "[".repeat(3000) + "]".repeat(3000);
            case 2 -> json = json.startsWith("{") && json.length() > 2
                    ? "{\"namespace\":\"a\",\"namespace\":\"b\"," + json.substring(1) : json;
            case 3 -> {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                byte[] broken = new byte[bytes.length + 2];
                System.arraycopy(bytes, 0, broken, 0, bytes.length);
                broken[bytes.length] = (byte) 0xC3;
                broken[bytes.length + 1] = (byte) 0x28;
                return broken;
            }
            default -> {
            }
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON text for the schema, each field plausible or (often) not. */
    private String value(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (random.nextInt(6) == 0 || depth > 6) {
            return values.anyJson();
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> {
                StringBuilder a = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.append(i > 0 ? "," : "").append(value(schema.path("items"), depth + 1));
                }
                yield a.append(']').toString();
            }
            case "integer", "number" -> random.nextInt(3) == 0 ? values.number() : String.valueOf(random.nextInt(10));
            case "boolean" -> String.valueOf(random.nextBoolean());
            default -> schema.has("enum") && random.nextBoolean()
                    ? FuzzValues.quoted(values.pick(enumValues(schema)))
                    : FuzzValues.quoted(values.parameter("string", schema.path("format").asText(null)));
        };
    }

    private String object(JsonNode schema, int depth) {
        StringBuilder o = new StringBuilder("{");
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (random.nextInt(4) == 0) {
                continue;
            }
            o.append(first ? "" : ",").append(FuzzValues.quoted(field.getKey())).append(':')
                    .append(value(field.getValue(), depth + 1));
            first = false;
        }
        if (random.nextInt(8) == 0) {
            o.append(first ? "" : ",").append(FuzzValues.quoted(values.string())).append(':').append(values.anyJson());
        }
        return o.append('}').toString();
    }

    private static List<String> enumValues(JsonNode schema) {
        List<String> out = new ArrayList<>();
        schema.path("enum").forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Follows a local {@code $ref} (#/components/...). */
    private JsonNode resolve(JsonNode node) {
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            String ref = node.get("$ref").asText();
            node = ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
        }
        return node;
    }

    private static void appendQuery(StringBuilder query, String name, String value) {
        query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** HTTP header values cannot carry control characters or (in the JDK client) non-ASCII: those are encoded. */
    private static String headerSafe(String s) {
        String ascii = s.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? s : encode(s);
        return ascii.length() > 200 ? ascii.substring(0, 200) : ascii;
    }
}
