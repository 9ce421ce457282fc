package dev.tasker.api.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateValidatorTest {

    private static StepTemplate step(String name, String... deps) {
        return new StepTemplate(name, null, "h." + name, Arrays.asList(deps), null, null, null);
    }

    private static TaskTemplate template(StepTemplate... steps) {
        return new TaskTemplate("ns", "t", "1.0.0", null, null, List.of(steps));
    }

    @Test
    void diamondIsValidAndDefaultsAreFilledIn() {
        TaskTemplate t = template(step("a"), step("b", "a"), step("c", "a"), step("d", "b", "c"));
        assertThat(TemplateValidator.problems(t)).isEmpty();
        assertThat(t.steps().get(0).retry()).isEqualTo(new RetryPolicy(true, 3, 1000L, 30_000L));
        assertThat(t.steps().get(0).timeoutSeconds()).isEqualTo(30);
        assertThat(t.defaultContext().isObject()).isTrue();
    }

    @Test
    void aCycleIsNamedStepByStep() {
        TaskTemplate t = template(step("a", "c"), step("b", "a"), step("c", "b"));
        assertThat(TemplateValidator.problems(t)).singleElement().asString()
                .startsWith("dependency cycle (each step depends on the next): ")
                .contains("a -> c -> b -> a");
    }

    @Test
    void unknownDependencyDuplicateNameAndSelfDependency() {
        TaskTemplate t = template(step("a"), step("a"), step("b", "nope"), step("c", "c"));
        assertThat(TemplateValidator.problems(t)).contains(
                "step name 'a' is used more than once",
                "step 'b' depends on unknown step 'nope'",
                "step 'c' depends on itself");
    }

    /** Found by ApiFuzzIT: a step without a name made the cycle search throw (a 500 on POST /v1/templates). */
    @Test
    void aNamelessStepIsAProblemNotACrash() {
        TaskTemplate t = template(step(null), step("b", "c"), step("c", "b"));
        assertThat(TemplateValidator.problems(t)).contains(
                "step 'null': a step name must be 1-128 characters of letters, digits, '_', '.' and '-'",
                "dependency cycle (each step depends on the next): b -> c -> b");
    }

    @Test
    void badIdentityAndLimits() {
        TaskTemplate t = new TaskTemplate("Bad-NS", "", "1.0", null, null, List.of(
                new StepTemplate("s", null, " ", List.of(), new RetryPolicy(true, 0, 100L, 50L), 0, null)));
        assertThat(TemplateValidator.problems(t)).contains(
                "namespace 'Bad-NS' must be 1-64 characters of a-z, 0-9 and _",
                "version '1.0' must look like 1.0.0",
                "step 's' names no handler",
                "step 's': timeout_seconds must be 1..86400",
                "step 's': retry.limit must be 1..100",
                "step 's': retry.max_backoff_ms must be at least backoff_base_ms");
        assertThat(TemplateValidator.problems(new TaskTemplate("ns", "t", "1.0.0", null, null, null)))
                .containsExactly("a template needs at least one step");
    }

    @Test
    void requireValidThrowsWithEveryProblem() {
        TaskTemplate t = template(step("a", "x"), step("b", "y"));
        assertThatThrownBy(() -> TemplateValidator.requireValid(t))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessage("template ns/t/1.0.0 is invalid: step 'a' depends on unknown step 'x'; "
                        + "step 'b' depends on unknown step 'y'");
    }
}
