package dev.tasker.workers.java;

import dev.tasker.worker.handler.StepHandler;
import dev.tasker.workers.java.failure.FlakyStep;
import dev.tasker.workers.java.failure.PermanentFailureStep;
import dev.tasker.workers.java.failure.SlowStep;
import dev.tasker.workers.java.math.SquareInput;
import dev.tasker.workers.java.math.SquareParent;
import dev.tasker.workers.java.math.SquareProductOfParents;
import dev.tasker.workers.java.order.ProcessPayment;
import dev.tasker.workers.java.order.ReserveInventory;
import dev.tasker.workers.java.order.ShipOrder;
import dev.tasker.workers.java.order.ValidateOrder;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every handler class this worker ships, and plain instances of them keyed by their {@code @Named} value. */
public final class TestHandlers {

    public static final List<Class<? extends StepHandler>> CLASSES = List.of(
            SquareInput.class, SquareParent.class, SquareProductOfParents.class,
            ValidateOrder.class, ReserveInventory.class, ProcessPayment.class, ShipOrder.class,
            FlakyStep.class, PermanentFailureStep.class, SlowStep.class);

    private TestHandlers() {
    }

    /** The name the worker registers the handler under; fails when the class carries no {@code @Named}. */
    public static String nameOf(Class<?> handlerClass) {
        Named named = handlerClass.getAnnotation(Named.class);
        if (named == null || named.value().isBlank()) {
            throw new AssertionError(handlerClass.getName() + " has no @Named value");
        }
        return named.value();
    }

    public static Map<String, StepHandler> byName(StepHandler... handlers) {
        Map<String, StepHandler> byName = new LinkedHashMap<>();
        for (StepHandler handler : handlers) {
            if (byName.put(nameOf(handler.getClass()), handler) != null) {
                throw new AssertionError("two handlers named " + nameOf(handler.getClass()));
            }
        }
        return byName;
    }

    public static Map<String, StepHandler> math() {
        return byName(new SquareInput(), new SquareParent(), new SquareProductOfParents());
    }
}
