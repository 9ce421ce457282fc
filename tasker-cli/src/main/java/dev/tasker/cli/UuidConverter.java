package dev.tasker.cli;

import java.util.UUID;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Task and step ids: a UUID in its usual 8-4-4-4-12 hex form. */
public class UuidConverter implements ITypeConverter<UUID> {

    private static final Pattern FORM = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    @Override
    public UUID convert(String value) {
        String v = value.strip();
        if (!FORM.matcher(v).matches()) {
            throw new TypeConversionException("'" + value + "' is not a task id: expected a UUID such as "
                    + "3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b ('tasker-cli task list' shows them)");
        }
        return UUID.fromString(v);
    }
}
