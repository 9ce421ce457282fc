package dev.tasker.cli;

import dev.tasker.api.template.TemplateValidator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A namespace as templates name it (checked before any request is sent, with the rule the services apply). */
public class NamespaceConverter implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        if (!TemplateValidator.NAMESPACE.matcher(value).matches()) {
            throw new TypeConversionException("'" + value + "' must be 1-64 characters of a-z, 0-9 and _");
        }
        return value;
    }
}
