package dev.tasker.api.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a template file the way the services do, strictly (an unknown field is an error, so a typo cannot
 * silently drop a dependency), checks it with {@link TemplateValidator}, and says on which line of the file each
 * problem is. The worker loads its templates with it and {@code tasker-cli template lint} checks files with it.
 */
public final class TemplateYaml {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** A file read and checked: its template (null when it could not be read as one) and its problems. */
    public record Checked(String source, TaskTemplate template, List<TemplateFinding> findings) {

        public Checked {
            findings = List.copyOf(findings);
        }

        public boolean valid() {
            return findings.isEmpty();
        }
    }

    /** Reads and checks {@code text}; {@code source} names the file in every finding. */
    public Checked check(String source, String text) {
        Map<String, Integer> lines;
        try {
            lines = lines(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            return new Checked(source, null, List.of(new TemplateFinding(source, line, "",
                    "not valid YAML: " + e.getOriginalMessage().split("\n")[0])));
        }
        if (lines.isEmpty()) {
            return new Checked(source, null, List.of(new TemplateFinding(source, 1, "",
                    "the file is empty (no template in it)")));
        }
        TaskTemplate template;
        try {
            template = yaml.readValue(text, TaskTemplate.class);
        } catch (JsonMappingException e) {
            String field = pointer(e.getPath());
            return new Checked(source, null, List.of(new TemplateFinding(source, lineOf(lines, field),
                    new TemplateProblem(field, "").fieldPath(), mappingMessage(e))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("YAML that parsed a moment ago no longer does", e);
        }
        List<TemplateFinding> findings = TemplateValidator.findings(template).stream()
                .map(p -> new TemplateFinding(source, lineOf(lines, p.field()), p.fieldPath(), p.message()))
                .toList();
        return new Checked(source, template, findings);
    }

    private static String mappingMessage(JsonMappingException m) {
        if (m instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "' (known: " + known(u.getKnownPropertyIds()) + ")";
        }
        if (m instanceof InvalidFormatException f) {
            return "must be " + expected(f.getTargetType()) + ", not '" + f.getValue() + "'";
        }
        if (m instanceof MismatchedInputException i && i.getTargetType() != null) {
            return "must be " + expected(i.getTargetType());
        }
        return m.getOriginalMessage().split("\n")[0];
    }

    private static String known(Collection<Object> ids) {
        TreeSet<String> names = new TreeSet<>();
        ids.forEach(id -> names.add(String.valueOf(id)));
        return String.join(", ", names);
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of fields";
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        return pointer.toString();
    }

    /** The line each field and list item starts on, by JSON pointer. */
    private Map<String, Integer> lines(String text) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = yaml.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                        parser.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string failed", e);
        }
        return lines;
    }

    /** The line of the field, or of the nearest enclosing one that is in the file (a missing field's step). */
    private static int lineOf(Map<String, Integer> lines, String field) {
        for (String f = field; ; f = f.substring(0, f.lastIndexOf('/'))) {
            Integer line = lines.get(f);
            if (line != null && line > 0) {
                return line;
            }
            if (f.isEmpty()) {
                return 1;
            }
        }
    }
}
