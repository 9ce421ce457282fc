package dev.tasker.workers.java.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.workers.java.Json;
import dev.tasker.workers.java.StepContexts;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SquareInputTest {

    private final SquareInput handler = new SquareInput();

    private JsonNode run(String taskContextJson) {
        return handler.handle(StepContexts.of("linear_step_1", Json.parse(taskContextJson)));
    }

    private StepFailure failure(String taskContextJson) {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> run(taskContextJson));
        assertThat(failure).as("failure for %s", taskContextJson).isNotNull();
        return failure;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "odd                  | {\"even_number\": 7}       | 7",
        "zero                 | {\"even_number\": 0}       | 0",
        "negative             | {\"even_number\": -4}      | -4",
        "above 100            | {\"even_number\": 102}     | 102",
        "a string             | {\"even_number\": \"6\"}   | \"6\"",
        "a fraction           | {\"even_number\": 6.5}     | 6.5",
        "a float with .0      | {\"even_number\": 6.0}     | 6.0",
        "an exponent          | {\"even_number\": 6e0}     | 6.0",
        "a boolean            | {\"even_number\": true}    | true",
        "an array             | {\"even_number\": [6]}     | [6]",
        "past a long          | {\"even_number\": 100000000000000000000} | 100000000000000000000",
    })
    void refusesPermanentlyNamingFieldValueAndRule(String why, String taskContext, String shownValue) {
        StepFailure failure = failure(taskContext);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("validation_error");
        assertThat(failure.getMessage())
                .contains("even_number")
                .contains("got " + shownValue)
                .contains("even JSON integer from 2 to 100");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing | {}",
        "null    | {\"even_number\": null}",
        "other fields only | {\"odd_number\": 6}",
    })
    void refusesAMissingNumber(String why, String taskContext) {
        StepFailure failure = failure(taskContext);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("validation_error");
        assertThat(failure.getMessage()).contains("even_number is missing").contains("from 2 to 100");
    }

    @Test
    void aHugeValueIsShortenedInTheMessage() {
        StepFailure failure = failure("{\"even_number\": \"" + "x".repeat(10_000) + "\"}");

        assertThat(failure.getMessage()).contains("even_number").hasSizeLessThan(300);
    }

    @ParameterizedTest
    @CsvSource({"2, 4", "6, 36", "100, 10000"})
    void acceptsTheBoundsAndSquares(int n, long square) {
        assertThat(run("{\"even_number\": " + n + "}").get("result").bigIntegerValue())
                .isEqualTo(BigInteger.valueOf(square));
    }
}
