package dev.tasker.it.chaos;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deadlocks PostgreSQL detected and broke during the soak, read from its log: how many, and the statements it
 * aborted, by how often. Not a violation by itself (a worker retries an aborted claim or report; an API call
 * answers 500, which the load asks again; the checker judges the outcomes), but each one is a wait the lock order
 * should have made impossible, so the report names them.
 */
record DatabaseDeadlocks(int count, Map<String, Integer> abortedStatements) {

    private static final Pattern DETECTED = Pattern.compile("\\[(\\d+)] ERROR:  deadlock detected");
    private static final String STATEMENT = "] STATEMENT:  ";
    /** How far the aborted statement may follow: its entry's DETAIL quotes both queries, each maybe long. */
    private static final int LOOKAHEAD = 1000;
    private static final int SHOWN = 100;

    static DatabaseDeadlocks in(String postgresLog) {
        List<String> lines = postgresLog.lines().toList();
        int count = 0;
        Map<String, Integer> statements = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher detected = DETECTED.matcher(lines.get(i));
            if (!detected.find()) {
                continue;
            }
            count++;
            String marker = "[" + detected.group(1) + STATEMENT;
            String statement = "(no statement logged)";
            for (int j = i + 1; j < Math.min(lines.size(), i + LOOKAHEAD); j++) {
                int at = lines.get(j).indexOf(marker);
                if (at >= 0) {
                    statement = shorten(lines.get(j).substring(at + marker.length()));
                    break;
                }
            }
            statements.merge(statement, 1, Integer::sum);
        }
        return new DatabaseDeadlocks(count, statements);
    }

    private static String shorten(String statement) {
        String oneLine = statement.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + " ...";
    }
}
