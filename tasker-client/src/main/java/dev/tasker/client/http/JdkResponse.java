package dev.tasker.client.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP answer received by {@link JdkHttpApi}, as the {@code Response} the REST client's callers read: its status,
 * headers and a JSON (or text) entity read with Jackson. Only what a client reads of a response is supported.
 */
final class JdkResponse extends Response {

    private final int status;
    private final String body;
    private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    private final ObjectMapper json;

    JdkResponse(int status, String body, Map<String, List<String>> headers, ObjectMapper json) {
        this.status = status;
        this.body = body == null ? "" : body;
        headers.forEach((name, values) -> values.forEach(v -> this.headers.add(name, v)));
        this.json = json;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public StatusType getStatusInfo() {
        Status known = Status.fromStatusCode(status);
        return known != null ? known : new StatusType() {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            public Status.Family getFamily() {
                return Status.Family.familyOf(status);
            }

            @Override
            public String getReasonPhrase() {
                return "";
            }
        };
    }

    @Override
    public Object getEntity() {
        return body;
    }

    @Override
    public <T> T readEntity(Class<T> type) {
        if (type == String.class) {
            return type.cast(body);
        }
        if (body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new ProcessingException("cannot read the answer as " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public <T> T readEntity(GenericType<T> type) {
        try {
            return body.isBlank() ? null : json.readValue(body, json.constructType(type.getType()));
        } catch (IOException e) {
            throw new ProcessingException("cannot read the answer as " + type + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T readEntity(Class<T> type, Annotation[] annotations) {
        return readEntity(type);
    }

    @Override
    public <T> T readEntity(GenericType<T> type, Annotation[] annotations) {
        return readEntity(type);
    }

    @Override
    public boolean hasEntity() {
        return !body.isEmpty();
    }

    @Override
    public boolean bufferEntity() {
        return true;
    }

    @Override
    public void close() {
        // The body was read whole; nothing is held open.
    }

    @Override
    public MediaType getMediaType() {
        String type = getHeaderString("Content-Type");
        return type == null ? null : MediaType.valueOf(type);
    }

    @Override
    public Locale getLanguage() {
        return null;
    }

    @Override
    public int getLength() {
        return body.length();
    }

    @Override
    public Set<String> getAllowedMethods() {
        return Set.of();
    }

    @Override
    public Map<String, NewCookie> getCookies() {
        return Map.of();
    }

    @Override
    public EntityTag getEntityTag() {
        return null;
    }

    @Override
    public Date getDate() {
        return null;
    }

    @Override
    public Date getLastModified() {
        return null;
    }

    @Override
    public URI getLocation() {
        String location = getHeaderString("Location");
        return location == null ? null : URI.create(location);
    }

    @Override
    public Set<Link> getLinks() {
        return Set.of();
    }

    @Override
    public boolean hasLink(String relation) {
        return false;
    }

    @Override
    public Link getLink(String relation) {
        return null;
    }

    @Override
    public Link.Builder getLinkBuilder(String relation) {
        return null;
    }

    @Override
    public MultivaluedMap<String, Object> getMetadata() {
        return headers;
    }

    @Override
    public MultivaluedMap<String, String> getStringHeaders() {
        MultivaluedMap<String, String> text = new MultivaluedHashMap<>();
        headers.forEach((name, values) -> values.forEach(v -> text.add(name, String.valueOf(v))));
        return text;
    }

    @Override
    public String getHeaderString(String name) {
        for (Map.Entry<String, List<Object>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return String.valueOf(h.getValue().get(0));
            }
        }
        return null;
    }
}
