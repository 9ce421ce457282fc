package dev.tasker.it;

import dev.tasker.testing.TaskerStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The stack's database over JDBC, as the services reach it (user and password of compose-devservices.yml). */
public final class StackDatabase {

    private StackDatabase() {
    }

    public static Connection open(TaskerStack stack) throws SQLException {
        int port = stack.project().hostPort(TaskerStack.POSTGRES, 5432);
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/tasker", "tasker", "tasker");
    }
}
