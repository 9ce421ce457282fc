package dev.tasker.client.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One setting's effective value (null: unset) and where it came from, e.g. {@code env TASKER_WORKER_URL}. */
@RegisterForReflection
@JsonPropertyOrder({"setting", "value", "source"})
public record ResolvedSetting(@JsonIgnore Setting setting, @JsonIgnore String value, String source) {

    /** Tokens show their first four characters at most, and only when that leaves most of them hidden. */
    static String mask(String token) {
        return token.length() >= 12 ? token.substring(0, 4) + "****" : "****";
    }

    @JsonProperty("setting")
    public String name() {
        return setting.displayName();
    }

    /** The value as safe to print: secrets masked. */
    @JsonProperty("value")
    public String shown() {
        if (value == null) {
            return null;
        }
        return setting.secret() ? mask(value) : value;
    }

    public boolean isSet() {
        return value != null;
    }

    /** The error for a value that cannot be used: which setting, the (masked) value, its source, what is expected. */
    public ConfigException invalid(String expected) {
        return new ConfigException(name() + " '" + shown() + "' (from " + source + ") " + expected);
    }
}
