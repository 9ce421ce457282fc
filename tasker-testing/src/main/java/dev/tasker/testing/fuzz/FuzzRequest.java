package dev.tasker.testing.fuzz;

import java.util.Map;

/** One generated request: what was sent, to quote in a failure so that it can be replayed by hand. */
public record FuzzRequest(String method, String path, Map<String, String> headers, byte[] body) {

    @Override
    public String toString() {
        String text = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String shownPath = path.length() > 200 ? path.substring(0, 200) + "... (" + path.length() + " chars)" : path;
        return method + " " + shownPath + " " + headers + (body == null ? "" : " body("
                + body.length + " bytes): " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
    }
}
