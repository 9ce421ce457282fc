package dev.tasker.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermissionTest {

    @Test
    void parsesTheWireNamesInAnyCaseAndWithSpaces() {
        assertThat(Permission.parse("tasks:read")).contains(Permission.TASKS_READ);
        assertThat(Permission.parse(" Tasks:Write ")).contains(Permission.TASKS_WRITE);
        assertThat(Permission.parse("templates:write")).contains(Permission.TEMPLATES_WRITE);
        assertThat(Permission.parse("workers:read")).contains(Permission.WORKERS_READ);
        assertThat(Permission.parse("workers:write")).contains(Permission.WORKERS_WRITE);
        assertThat(Permission.parse("system:read")).contains(Permission.SYSTEM_READ);
        assertThat(Permission.parse("*")).contains(Permission.ALL);
    }

    @Test
    void refusesUnknownNames() {
        assertThat(Permission.parse("tasks:*")).isEmpty();
        assertThat(Permission.parse("tasks_read")).isEmpty();
        assertThat(Permission.parse("")).isEmpty();
    }

    @Test
    void aPermissionGrantsItselfOnly() {
        assertThat(Permission.TASKS_READ.grants(Permission.TASKS_READ)).isTrue();
        assertThat(Permission.TASKS_READ.grants(Permission.TASKS_WRITE)).isFalse();
        assertThat(Permission.TASKS_WRITE.grants(Permission.TASKS_READ)).isFalse();
        assertThat(Permission.WORKERS_WRITE.grants(Permission.WORKERS_READ)).isFalse();
    }

    @Test
    void allGrantsEveryPermission() {
        for (Permission p : Permission.values()) {
            assertThat(Permission.ALL.grants(p)).as(p.wire()).isTrue();
        }
    }

    @Test
    void knownListsEveryName() {
        assertThat(Permission.known())
                .isEqualTo("tasks:read, tasks:write, templates:write, workers:read, workers:write, system:read, *");
    }
}
