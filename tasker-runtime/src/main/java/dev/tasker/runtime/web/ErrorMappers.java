package dev.tasker.runtime.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.tasker.api.error.ErrorCode;
import dev.tasker.api.error.ErrorResponse;
import dev.tasker.api.json.JsonSyntaxError;
import dev.tasker.runtime.db.DatabaseException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves the service as the contract's JSON error body: never a stack trace or an HTML page. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response apiError(ApiException e) {
        return Response.status(e.code().status()).type(MediaType.APPLICATION_JSON)
                .entity(ErrorResponse.of(e.code(), e.getMessage(), e.details())).build();
    }

    @ServerExceptionMapper
    public Response jsonError(JsonProcessingException e) {
        return error(400, ErrorCode.JSON_ERROR, describe(e));
    }

    // Quarkus REST maps these two itself, to an empty 400; ours come first and say what was wrong.
    @ServerExceptionMapper(priority = Priorities.USER - 1000)
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonError(e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 1000)
    public Response unparseable(JsonParseException e) {
        return jsonError(e);
    }

    @ServerExceptionMapper
    public Response databaseError(DatabaseException e) {
        if (e.isUnavailable()) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return error(503, ErrorCode.SERVICE_UNAVAILABLE, "the database is not reachable; try again shortly");
        }
        if (e.isUnstorableText()) {
            return error(400, ErrorCode.BAD_REQUEST, "the request contains a NUL character (\\u0000 or %00), which"
                    + " no name, text field or JSON value may hold");
        }
        LOG.error("database error", e);
        return error(500, ErrorCode.DATABASE_ERROR, "database error; the service log has the details");
    }

    @ServerExceptionMapper
    public Response webApplicationError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Throwable cause = e.getCause();
        if (status == 400 && cause instanceof JsonProcessingException json) {
            return jsonError(json);
        }
        ErrorCode code = ErrorCode.forStatus(status);
        String message = e.getMessage() == null || e.getMessage().isBlank() ? code.name() : e.getMessage();
        return error(status, code, message);
    }

    @ServerExceptionMapper
    public Response unexpectedError(Exception e) {
        LOG.error("unhandled error", e);
        return error(500, ErrorCode.INTERNAL_ERROR, "internal error; the service log has the details");
    }

    public static Response error(int status, ErrorCode code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(ErrorResponse.of(code, message))
                .build();
    }

    /** Names the field and what was wrong, without echoing Jackson's internals. */
    static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "the JSON is beyond the parser's limits: " + JsonSyntaxError.describe(e);
        }
        if (e instanceof JsonParseException) {
            return "malformed JSON: " + JsonSyntaxError.describe(e);
        }
        if (e instanceof JsonMappingException m) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (e instanceof UnrecognizedPropertyException u) {
                return "unknown field '" + field + "'";
            }
            if (e instanceof InvalidFormatException f) {
                return "field '" + field + "' must be " + typeName(f.getTargetType()) + ", got " + f.getValue();
            }
            if (e instanceof MismatchedInputException mi && !field.isEmpty()) {
                return "field '" + field + "' must be " + typeName(mi.getTargetType());
            }
            if (!field.isEmpty()) {
                return "field '" + field + "': " + JsonSyntaxError.describe(m);
            }
            return "the request body must be a JSON object with the documented fields";
        }
        return "invalid JSON: " + JsonSyntaxError.describe(e);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
