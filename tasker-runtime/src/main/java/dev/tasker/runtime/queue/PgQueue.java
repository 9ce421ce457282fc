package dev.tasker.runtime.queue;

import dev.tasker.runtime.db.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Message queues in one PostgreSQL table. Every send fires {@code NOTIFY tasker_queue} (a trigger), so consumers
 * wake at once. Two ways to consume:
 * <ul>
 * <li>{@link #claim}: for long work outside a transaction (workers). The message stays, invisible for the
 * visibility period; the consumer deletes it when done, or it reappears if the consumer dies.</li>
 * <li>{@link #take}: inside the caller's transaction (the orchestration). The message is deleted with the
 * transaction's other effects, or reappears at once when it rolls back.</li>
 * </ul>
 * All methods run on a connection the caller owns, so sending can join the caller's transaction.
 */
@ApplicationScoped
public class PgQueue {

    public static final String RESULTS_QUEUE = "orchestration_step_results";

    private final Json json;

    public PgQueue(Json json) {
        this.json = json;
    }

    public static String namespaceQueue(String namespace) {
        return "worker_" + namespace + "_queue";
    }

    public void send(Connection c, String queue, Object message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tasker_queue_messages (queue, message) VALUES (?, ?::jsonb)")) {
            ps.setString(1, queue);
            json.set(ps, 2, message);
            ps.executeUpdate();
        }
    }

    /** Sends a message that no consumer sees before {@code visibleAt}. */
    public void sendAt(Connection c, String queue, Object message, Instant visibleAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tasker_queue_messages (queue, message, visible_at) VALUES (?, ?::jsonb, ?)")) {
            ps.setString(1, queue);
            json.set(ps, 2, message);
            ps.setTimestamp(3, Json.timestamp(visibleAt));
            ps.executeUpdate();
        }
    }

    /**
     * At most {@code max} messages. The pick is a materialised CTE, not {@code msg_id IN (SELECT ... LIMIT)}: the
     * planner may run such a subquery more than once, and with SKIP LOCKED each run finds other rows, so more than
     * {@code max} were taken under load.
     */
    public List<QueueMessage> claim(Connection c, Collection<String> queues, int max, Duration visibility)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH picked AS MATERIALIZED (
                    SELECT msg_id FROM tasker_queue_messages
                     WHERE queue = ANY (?) AND visible_at <= clock_timestamp()
                     ORDER BY msg_id LIMIT ? FOR UPDATE SKIP LOCKED
                )
                UPDATE tasker_queue_messages m
                   SET visible_at = clock_timestamp() + ? * interval '1 millisecond', read_count = m.read_count + 1
                  FROM picked WHERE m.msg_id = picked.msg_id
                RETURNING m.msg_id, m.queue, m.message, m.read_count""")) {
            ps.setArray(1, c.createArrayOf("text", queues.toArray()));
            ps.setInt(2, max);
            ps.setLong(3, visibility.toMillis());
            return readMessages(ps);
        }
    }

    public Optional<QueueMessage> take(Connection c, String queue) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                DELETE FROM tasker_queue_messages
                 WHERE msg_id = (SELECT msg_id FROM tasker_queue_messages
                                  WHERE queue = ? AND visible_at <= clock_timestamp()
                                  ORDER BY msg_id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING msg_id, queue, message, read_count""")) {
            ps.setString(1, queue);
            return readMessages(ps).stream().findFirst();
        }
    }

    public boolean delete(Connection c, long msgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tasker_queue_messages WHERE msg_id = ?")) {
            ps.setLong(1, msgId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Puts a message that failed back, visible after {@code delay}, counting the failure. */
    public void retryLater(Connection c, QueueMessage message, Duration delay) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tasker_queue_messages (queue, message, visible_at, read_count)
                VALUES (?, ?::jsonb, clock_timestamp() + ? * interval '1 millisecond', ?)""")) {
            ps.setString(1, message.queue());
            json.set(ps, 2, message.message());
            ps.setLong(3, delay.toMillis());
            ps.setInt(4, message.readCount() + 1);
            ps.executeUpdate();
        }
    }

    /** When the earliest message of these queues that is not yet visible becomes visible. */
    public Optional<Instant> nextVisibleAt(Connection c, Collection<String> queues) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT min(visible_at) FROM tasker_queue_messages
                 WHERE queue = ANY (?) AND visible_at > clock_timestamp()""")) {
            ps.setArray(1, c.createArrayOf("text", queues.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(Json.instant(rs, "min"));
            }
        }
    }

    /**
     * Messages per queue: {@code [visible, invisible]} (invisible = claimed or delayed). Every known queue is
     * listed, empty ones with zeros: the results queue and one per registered namespace.
     */
    public Map<String, long[]> depths(Connection c) throws SQLException {
        Map<String, long[]> depths = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                WITH known AS (
                    SELECT 'worker_' || name || '_queue' AS queue FROM tasker_namespaces
                    UNION SELECT ?
                    UNION SELECT DISTINCT queue FROM tasker_queue_messages)
                SELECT k.queue,
                       count(m.msg_id) FILTER (WHERE m.visible_at <= clock_timestamp()) AS visible,
                       count(m.msg_id) FILTER (WHERE m.visible_at > clock_timestamp()) AS invisible
                  FROM known k LEFT JOIN tasker_queue_messages m ON m.queue = k.queue
                 GROUP BY k.queue ORDER BY k.queue""")) {
            ps.setString(1, RESULTS_QUEUE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    depths.put(rs.getString("queue"), new long[] {rs.getLong("visible"), rs.getLong("invisible")});
                }
            }
        }
        return depths;
    }

    private List<QueueMessage> readMessages(PreparedStatement ps) throws SQLException {
        List<QueueMessage> messages = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                messages.add(new QueueMessage(rs.getLong("msg_id"), rs.getString("queue"),
                        json.read(rs, "message"), rs.getInt("read_count")));
            }
        }
        return messages;
    }
}
