package dev.tasker.client.metrics;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one labelled gauge out of a Prometheus text exposition. Only the few gauges the CLI shows are needed, so a
 * line scan does; a full parser library would be a dependency for one regular expression.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** Each sample of {@code metric}, keyed by the value of {@code label}; samples without the label are skipped. */
    public static Map<String, Double> samplesByLabel(String exposition, String metric, String label) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)}\\s+(\\S+).*$");
        Pattern labelValue = Pattern.compile("(?:^|,)\\s*" + Pattern.quote(label) + "=\"((?:[^\"\\\\]|\\\\.)*)\"");
        Map<String, Double> values = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            Matcher m = sample.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Matcher l = labelValue.matcher(m.group(1));
            if (l.find()) {
                parse(m.group(2)).ifPresent(v -> values.put(unescape(l.group(1)), v));
            }
        }
        return values;
    }

    /** NaN and infinities are valid exposition values but say nothing about a queue: skipped. */
    private static Optional<Double> parse(String value) {
        try {
            double d = Double.parseDouble(value);
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static String unescape(String labelValue) {
        return labelValue.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
