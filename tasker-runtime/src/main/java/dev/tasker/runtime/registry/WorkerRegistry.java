package dev.tasker.runtime.registry;

import dev.tasker.api.template.TemplateValidator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.worker.ReportedHealth;
import dev.tasker.api.worker.WorkerInfo;
import dev.tasker.api.worker.WorkerRegistration;
import dev.tasker.api.worker.WorkerStatus;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Workers register and heartbeat with the same call; their status follows from the last heartbeat's age. */
@ApplicationScoped
public class WorkerRegistry {

    public static final Pattern WORKER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private static final String SELECT = """
            SELECT worker_id, namespaces, api_url, version, started_at, registered_at, last_heartbeat_at,
                   deregistered_at, reported_status, heartbeat_interval_ms,
                   (extract(epoch FROM clock_timestamp() - last_heartbeat_at) * 1000)::bigint AS heartbeat_age_ms,
                   CASE WHEN deregistered_at IS NOT NULL THEN 'deregistered'
                        WHEN last_heartbeat_at < clock_timestamp() - ? * interval '1 millisecond' THEN 'stale'
                        ELSE 'active' END AS status
              FROM tasker_workers""";

    private final Db db;
    private final Json json;

    public WorkerRegistry(Db db, Json json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Refreshes the heartbeat of a registered worker with its status and heartbeat interval, which the registry
     * reports as its health ({@link ReportedHealth}); false when it is not registered (or deregistered).
     */
    public boolean heartbeat(String workerId, WorkerStatus status, Duration interval) {
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE tasker_workers
                       SET last_heartbeat_at = clock_timestamp(), reported_status = ?::jsonb,
                           heartbeat_interval_ms = ?
                     WHERE worker_id = ? AND deregistered_at IS NULL""")) {
                json.set(ps, 1, status);
                ps.setLong(2, Math.max(1, interval.toMillis()));
                ps.setString(3, workerId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Registers or heartbeats; returns true when the worker was not known (or had deregistered) before.
     * registered_at moves (database clock) whenever a new incarnation registers, i.e. started_at changed: the
     * orchestration's sweeper voids claims made before it, since the process that held them is gone.
     */
    public boolean register(String workerId, WorkerRegistration r) {
        checkId(workerId);
        check(r);
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO tasker_workers (worker_id, namespaces, api_url, version, started_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (worker_id) DO UPDATE
                       SET namespaces = EXCLUDED.namespaces, api_url = EXCLUDED.api_url,
                           version = EXCLUDED.version, started_at = EXCLUDED.started_at,
                           last_heartbeat_at = clock_timestamp(), deregistered_at = NULL,
                           registered_at = CASE WHEN tasker_workers.deregistered_at IS NOT NULL
                                                     OR tasker_workers.started_at IS DISTINCT FROM EXCLUDED.started_at
                                                THEN clock_timestamp() ELSE tasker_workers.registered_at END
                    RETURNING (xmax = 0) AS inserted""")) {
                ps.setString(1, workerId);
                ps.setArray(2, c.createArrayOf("text", r.namespaces().toArray()));
                ps.setString(3, r.apiUrl());
                ps.setString(4, r.version());
                ps.setTimestamp(5, Json.timestamp(r.startedAt()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    public void deregister(String workerId) {
        checkId(workerId);
        int updated = db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE tasker_workers SET deregistered_at = clock_timestamp()
                     WHERE worker_id = ? AND deregistered_at IS NULL""")) {
                ps.setString(1, workerId);
                return ps.executeUpdate();
            }
        });
        if (updated == 0 && get(workerId, Duration.ofDays(1)).isEmpty()) {
            throw ApiException.notFound("worker '" + workerId + "' is not registered");
        }
    }

    /** @param staleAfter a worker whose last heartbeat is older is reported {@code stale} */
    public Optional<WorkerInfo> get(String workerId, Duration staleAfter) {
        checkId(workerId);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE worker_id = ?")) {
                ps.setLong(1, staleAfter.toMillis());
                ps.setString(2, workerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<WorkerInfo> list(String namespace, Duration staleAfter) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT
                    + " WHERE (?::text IS NULL OR namespaces @> ARRAY[?::text]) ORDER BY worker_id")) {
                ps.setLong(1, staleAfter.toMillis());
                ps.setString(2, namespace);
                ps.setString(3, namespace);
                List<WorkerInfo> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    private WorkerInfo row(ResultSet rs) throws SQLException {
        return new WorkerInfo(rs.getString("worker_id"), rs.getString("status"),
                Arrays.asList((String[]) rs.getArray("namespaces").getArray()), rs.getString("api_url"),
                rs.getString("version"), Json.instant(rs, "started_at"), Json.instant(rs, "registered_at"),
                Json.instant(rs, "last_heartbeat_at"), Json.instant(rs, "deregistered_at"), reported(rs));
    }

    /** The worker's last report, judged: null when it never sent one (a worker older than this registry). */
    private ReportedHealth reported(ResultSet rs) throws SQLException {
        JsonNode report = json.read(rs, "reported_status");
        long intervalMs = rs.getLong("heartbeat_interval_ms");
        if (report == null || rs.wasNull()) {
            return null;
        }
        WorkerStatus status = json.mapper().convertValue(report, WorkerStatus.class);
        Instant at = Json.instant(rs, "last_heartbeat_at");
        return ReportedHealths.judge(status, at, intervalMs, rs.getLong("heartbeat_age_ms"),
                Json.instant(rs, "deregistered_at"));
    }

    public static void checkId(String workerId) {
        if (workerId == null || !WORKER_ID.matcher(workerId).matches()) {
            throw ApiException.badRequest("worker_id '" + workerId
                    + "' must be 1-128 characters of letters, digits, '_', '.', ':' and '-'");
        }
    }

    private static void check(WorkerRegistration r) {
        if (r == null) {
            throw ApiException.badRequest("request body is required: {\"namespaces\", \"api_url\", \"version\"}");
        }
        if (r.namespaces() == null || r.namespaces().isEmpty()) {
            throw ApiException.badRequest("namespaces must list at least one namespace");
        }
        for (String ns : r.namespaces()) {
            if (ns == null || !TemplateValidator.NAMESPACE.matcher(ns).matches()) {
                throw ApiException.badRequest("namespace '" + ns + "' must be 1-64 characters of a-z, 0-9 and _");
            }
        }
        if (r.apiUrl() != null) {
            try {
                URI u = URI.create(r.apiUrl());
                if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
                        || r.apiUrl().length() > 512) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("api_url '" + r.apiUrl() + "' must be an http(s) URL");
            }
        }
        if (r.version() != null && r.version().length() > 64) {
            throw ApiException.badRequest("version must be at most 64 characters");
        }
    }
}
