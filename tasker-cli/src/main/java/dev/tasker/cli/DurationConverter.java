package dev.tasker.cli;

import dev.tasker.api.time.DurationSyntax;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A positive duration as {@link DurationSyntax} reads it: {@code --timeout}, {@code --interval}, ages. */
public class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration d = DurationSyntax.parse(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a duration: use e.g. " + DurationSyntax.EXAMPLES));
        if (d.isZero()) {
            throw new TypeConversionException("a duration must be positive, got '" + value + "'");
        }
        return d;
    }
}
