package dev.tasker.api.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated template files for the validator (what {@code tasker-cli template lint} and the worker read): a valid
 * template bent line by line, thousands of times. Whatever the file, the answer is findings with a line and a
 * message, never an exception, and a file it calls valid passes the validator. {@code -Dtasker.fuzz.seed} and
 * {@code -Dtasker.fuzz.requests} run it longer ({@code scripts/fuzz.sh}).
 */
class TemplateYamlFuzzTest {

    private static final String VALID = """
            namespace: fuzz_ns
            name: fuzz_template
            version: "1.0.0"
            description: three steps
            default_context: {even_number: 6}
            steps:
              - name: first
                handler: test.first
                timeout_seconds: 30
              - name: second
                handler: test.second
                dependencies: [first]
                retry: {retryable: true, limit: 3, backoff_base_ms: 100, max_backoff_ms: 2000}
              - name: third
                handler: test.third
                dependencies: [first, second]
                handler_config: {pause_ms: 5}
            """;
    private static final List<String> VALUES = List.of("", "~", "null", "[]", "{}", "-1", "0", "1e400",
            "99999999999999999999999", "\"\\u0000\"", "\"😀\"", "\"\\u202e\"", "'x'", "&a [1]", "*a", "*undefined",
            "!!binary aGk=", "!!java.lang.Object {}", "\"" + "x".repeat(5000) + "\"", "[first, first]", "[third]",
            "[nowhere]", "{limit: -5}", "true", "NaN", ".inf", "2026-01-31", "|\n  block", "\t", "- a\n- b");

    private final TemplateYaml yaml = new TemplateYaml();

    @Test
    void everyGeneratedFileGetsFindingsOrPassesNeverAnException() {
        long seed = Long.getLong("tasker.fuzz.seed", 20261203L);
        int cases = Integer.getInteger("tasker.fuzz.requests", 3000);
        Random random = new Random(seed);
        int valid = 0;
        for (int i = 0; i < cases; i++) {
            String text = mutate(random);
            TemplateYaml.Checked checked;
            try {
                checked = yaml.check("fuzz.yaml", text);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("case " + i + " (seed " + seed + ") threw " + e + " for:\n" + text, e);
            }
            assertThat(checked.findings()).as("case %d (seed %d):%n%s", i, seed, text).allSatisfy(f -> {
                assertThat(f.line()).isPositive();
                assertThat(f.message()).isNotBlank();
            });
            if (checked.valid()) {
                valid++;
                assertThat(checked.template()).isNotNull();
                assertThat(TemplateValidator.problems(checked.template())).as("case %d: %s", i, text).isEmpty();
            }
        }
        // Both kinds were generated: the bends are not all fatal, nor all harmless.
        assertThat(valid).as("files found valid, of " + cases).isBetween(1, cases - 1);
    }

    private static String mutate(Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(VALID.split("\n")));
        int bends = 1 + random.nextInt(3);
        for (int b = 0; b < bends; b++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(7)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 2) + VALUES.get(random.nextInt(VALUES.size())));
                    }
                }
                case 3 -> lines.set(at, "  ".repeat(random.nextInt(3)) + line.strip());
                case 4 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
                case 5 -> lines.add(at, "  unknown_" + random.nextInt(3) + ": " + VALUES.get(random.nextInt(VALUES.size())));
                default -> lines.set(at, line + (char) random.nextInt(0x3000));
            }
            if (lines.isEmpty()) {
                lines.add(VALUES.get(random.nextInt(VALUES.size())));
            }
        }
        return String.join("\n", lines);
    }
}
