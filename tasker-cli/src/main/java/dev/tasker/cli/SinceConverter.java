package dev.tasker.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A point in time: an age ({@code 30m}, {@code 2h}, {@code 7d}), an ISO instant, or a date (midnight UTC). */
public class SinceConverter implements ITypeConverter<Instant> {

    private final Clock clock;

    public SinceConverter() {
        this(Clock.systemUTC());
    }

    SinceConverter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        String v = value.strip();
        if (!v.isEmpty() && Character.isDigit(v.charAt(0)) && !v.contains("-")) {
            return clock.instant().minus(new DurationConverter().convert(v));
        }
        try {
            return v.contains("T") ? Instant.parse(v) : LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is neither an age (30m, 2h, 7d) nor a time "
                    + "(2026-01-31T12:00:00Z) nor a date (2026-01-31)");
        }
    }
}
