package dev.tasker.api.error;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Every error body of the API: {@code {"error": {"code", "message", "details"?}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorResponse(Error error) {

    public static ErrorResponse of(ErrorCode code, String message) {
        return new ErrorResponse(new Error(code.name(), message, null));
    }

    public static ErrorResponse of(ErrorCode code, String message, Object details) {
        return new ErrorResponse(new Error(code.name(), message, details));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(String code, String message, Object details) {
    }
}
