package dev.tasker.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Unit tests that boot Quarkus talk to a {@link ScriptedServer}, not to the compose stack of the ITs. */
public class NoComposeStack implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.devservices.enabled", "false");
    }
}
