package dev.tasker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {

    @Test
    void returnsTheFirstAnswerThatSatisfiesTheCondition() {
        AtomicInteger looks = new AtomicInteger();
        int answer = Poll.of("the third look", looks::incrementAndGet).until(n -> n >= 3, Duration.ofSeconds(5));
        assertThat(answer).isEqualTo(3);
    }

    @Test
    void aProbeThatThrowsIsAskedAgain() {
        AtomicInteger looks = new AtomicInteger();
        String answer = Poll.of("a service that refused once", () -> {
            if (looks.incrementAndGet() == 1) {
                throw new IllegalStateException("connection refused");
            }
            return "up";
        }).until("up"::equals, Duration.ofSeconds(5));
        assertThat(answer).isEqualTo("up");
    }

    @Test
    void onTimeoutItNamesWhatItAwaitedAndTheLastAnswer() {
        assertThatThrownBy(() -> Poll.of("the answer 42", () -> 41).describedBy(n -> "n=" + n)
                .until(n -> n == 42, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("timed out after 50 ms awaiting the answer 42; last seen: n=41");
        assertThatThrownBy(() -> Poll.of("a refusing service", () -> {
            throw new IllegalStateException("connection refused");
        }).until(x -> true, Duration.ofMillis(20)))
                .hasMessageEndingWith("last seen: IllegalStateException: connection refused")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anErrorEndsTheWaitAtOnce() {
        assertThatThrownBy(() -> Poll.of("never", () -> {
            throw new AssertionError("a failed assertion");
        }).until(x -> true, Duration.ofSeconds(30))).hasMessage("a failed assertion");
    }

    @Test
    void waitsForABooleanCondition() {
        AtomicInteger looks = new AtomicInteger();
        Poll.until("two looks", () -> looks.incrementAndGet() == 2, Duration.ofSeconds(5));
        assertThat(looks).hasValue(2);
    }
}
