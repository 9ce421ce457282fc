package dev.tasker.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseExceptionTest {

    @ParameterizedTest(name = "{0} {1}: unavailable {2}, transient {3}")
    @CsvSource({
            "08001, could not connect,                                true,  true",
            "08006, connection failure,                               true,  true",
            "57P01, terminating connection due to administrator command, true, true",
            "57P03, the database system is starting up,               true,  true",
            "53300, too many clients already,                         true,  true",
            "40P01, deadlock detected,                                false, true",
            "40001, could not serialize access,                       false, true",
            "23505, duplicate key value,                              false, false",
            "42P01, relation does not exist,                          false, false"})
    void classifiesBySqlState(String state, String message, boolean unavailable, boolean isTransient) {
        DatabaseException e = new DatabaseException(new SQLException(message, state));
        assertThat(e.isUnavailable()).as("unavailable").isEqualTo(unavailable);
        assertThat(e.isTransient()).as("transient").isEqualTo(isTransient);
    }

    @ParameterizedTest
    @CsvSource({"Acquisition timeout while waiting for new connection"})
    void aPoolThatCannotHandOutAConnectionIsUnavailable(String message) {
        assertThat(new DatabaseException(new SQLException(message)).isUnavailable()).isTrue();
    }
}
