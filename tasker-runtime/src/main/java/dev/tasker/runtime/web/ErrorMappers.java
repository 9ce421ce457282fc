package dev.tasker.runtime.web;

import dev.tasker.api.error.ErrorCode;
import dev.tasker.api.error.ErrorResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves the service as the contract's JSON error body: never a stack trace or an HTML page. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response webApplicationError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
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
}
