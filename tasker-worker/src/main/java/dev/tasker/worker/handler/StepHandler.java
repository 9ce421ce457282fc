package dev.tasker.worker.handler;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The code a worker runs for a step. Implementations are CDI beans named with {@code @Named("...")} by the
 * handler name templates use, e.g.
 *
 * <pre>
 * &#64;ApplicationScoped
 * &#64;Named("order_fulfillment.validate_order")
 * public class ValidateOrder implements StepHandler { ... }
 * </pre>
 *
 * A handler returns the step's result as JSON. To fail, it throws {@link StepFailure} saying whether another
 * attempt could succeed; any other exception counts as a retryable failure whose type is the exception's class.
 * A handler must respond to interruption: when the step's timeout passes, its thread is interrupted.
 */
@FunctionalInterface
public interface StepHandler {

    JsonNode handle(StepContext context) throws Exception;
}
