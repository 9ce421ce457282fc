package dev.tasker.client.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.error.ErrorCode;
import dev.tasker.api.error.ErrorResponse;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Turns a failed call into the {@link TaskerApiException} of the matching kind: an error status (through
 * {@link ErrorStatusMapper}), an answer the REST client could not take, or no answer at all.
 */
public final class ApiErrors {

    private final String service;
    private final URI baseUrl;
    private final ObjectMapper json;

    public ApiErrors(String service, URI baseUrl, ObjectMapper json) {
        this.service = service;
        this.baseUrl = baseUrl;
        this.json = json;
    }

    /**
     * The service answered with {@code response}, an error status or one the REST client could not take (a body it
     * cannot read, a redirect): its JSON error body supplies code and message when present.
     */
    public TaskerApiException fromResponse(Response response, Throwable cause) {
        int status = response.getStatus();
        String text = readText(response);
        ErrorResponse.Error error = readError(text);
        String code = error != null && error.code() != null ? error.code() : ErrorCode.forStatus(status).name();
        String message = error != null && error.message() != null && !error.message().isBlank() ? error.message()
                : service + " at " + baseUrl + " answered HTTP " + status + describeStatus(response);
        return ofStatus(new ApiFailure(service, baseUrl, code, status, message, text), cause);
    }

    /** What the REST client raised of its own for an answer it could not take. */
    public TaskerApiException fromResponse(WebApplicationException e) {
        return fromResponse(e.getResponse(), e);
    }

    /** No HTTP answer: refused, unknown host, timed out or cut off. */
    public UnavailableException fromProcessing(ProcessingException e) {
        Unreachable why = unreachable(e, baseUrl);
        return new UnavailableException(new ApiFailure(service, baseUrl, why.code(), TaskerApiException.NO_RESPONSE,
                service + " at " + baseUrl + " is not reachable: " + why.reason()), e);
    }

    /** Why a request got no HTTP answer, as a code and a few words. */
    public record Unreachable(String code, String reason) {
    }

    public static Unreachable unreachable(Throwable e, URI baseUrl) {
        Throwable cause = rootOfKind(e);
        if (cause instanceof UnknownHostException) {
            return new Unreachable("UNKNOWN_HOST", "unknown host " + baseUrl.getHost());
        }
        if (cause instanceof ConnectException && isTimeout(cause)) {
            return new Unreachable("CONNECT_TIMEOUT", "no connection within the connect timeout");
        }
        if (cause instanceof ConnectException) {
            return new Unreachable("CONNECTION_REFUSED", "connection refused");
        }
        if (isTimeout(cause)) {
            return new Unreachable("TIMEOUT", "no answer within the read timeout");
        }
        return new Unreachable("CONNECTION_FAILED",
                cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    /** Whether a failure is worth another attempt: the request never reached a handler, or a proxy said so. */
    public static boolean isTransient(TaskerApiException e) {
        if (!(e instanceof UnavailableException)) {
            return false;
        }
        return switch (e.code()) {
            // A read timeout means the service may still be working on it; repeating would double the wait.
            case "TIMEOUT", "UNKNOWN_HOST" -> false;
            default -> e.httpStatus() == TaskerApiException.NO_RESPONSE || e.httpStatus() == 502
                    || e.httpStatus() == 503 || e.httpStatus() == 504;
        };
    }

    private static TaskerApiException ofStatus(ApiFailure failure, Throwable cause) {
        return switch (failure.httpStatus()) {
            case 404 -> new NotFoundException(failure, cause);
            case 409 -> new ConflictException(failure, cause);
            case 401, 403 -> new AccessDeniedException(failure, cause);
            case 408, 502, 503, 504 -> new UnavailableException(failure, cause);
            default -> failure.httpStatus() >= 500 ? new ServerFailureException(failure, cause)
                    : new InvalidRequestException(failure, cause);
        };
    }

    private static String readText(Response response) {
        try {
            String text = response.readEntity(String.class);
            return text == null ? "" : text;
        } catch (RuntimeException consumedOrUnreadable) {
            // The client already read the body to build its own exception: the status alone must do.
            return "";
        }
    }

    private ErrorResponse.Error readError(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            ErrorResponse parsed = json.readValue(text, ErrorResponse.class);
            return parsed == null ? null : parsed.error();
        } catch (IOException | RuntimeException notTheContractsBody) {
            // A proxy's HTML page: the status alone must do.
            return null;
        }
    }

    private static String describeStatus(Response response) {
        String reason = response.getStatusInfo() == null ? null : response.getStatusInfo().getReasonPhrase();
        return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    }

    /** The deepest cause, but stop at the first one that names the kind of failure. */
    private static Throwable rootOfKind(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || isTimeout(t)) {
                return t;
            }
            t = t.getCause();
        }
        return t;
    }

    private static boolean isTimeout(Throwable t) {
        // Vert.x and Netty use their own timeout types; none share a supertype with java.util.concurrent's.
        return t.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("timeout");
    }
}
