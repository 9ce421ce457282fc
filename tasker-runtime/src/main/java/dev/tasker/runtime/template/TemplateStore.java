package dev.tasker.runtime.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tasker.api.template.NamespaceSummary;
import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.api.template.TemplateSummary;
import dev.tasker.api.template.TemplateValidator;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.json.CanonicalJson;
import dev.tasker.runtime.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The template registry. Templates are immutable per (namespace, name, version): registering the same
 * definition again is a no-op, a different definition under an existing version is refused.
 */
@ApplicationScoped
public class TemplateStore {

    public enum Outcome { CREATED, UNCHANGED }

    /** A registered template and the row it lives in. */
    public record Stored(UUID namedTaskUuid, TaskTemplate template) {
    }

    private final Db db;
    private final Json json;

    public TemplateStore(Db db, Json json) {
        this.db = db;
        this.json = json;
    }

    public Outcome register(TaskTemplate template) {
        List<String> problems = TemplateValidator.problems(template);
        if (!problems.isEmpty()) {
            throw new ApiException(dev.tasker.api.error.ErrorCode.BAD_REQUEST,
                    "template " + template.key() + " is invalid: " + String.join("; ", problems), problems);
        }
        String hash = CanonicalJson.sha256(json.mapper(), template);
        return db.inTransaction(c -> {
            UUID namespace = upsertNamespace(c, template.namespace());
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO tasker_named_tasks (namespace_uuid, namespace, name, version, version_sort,
                                                    description, configuration, configuration_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                    ON CONFLICT (namespace, name, version) DO NOTHING
                    RETURNING named_task_uuid""")) {
                ps.setObject(1, namespace);
                ps.setString(2, template.namespace());
                ps.setString(3, template.name());
                ps.setString(4, template.version());
                ps.setArray(5, c.createArrayOf("int", versionSort(template.version())));
                ps.setString(6, template.description());
                json.set(ps, 7, template);
                ps.setString(8, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Outcome.CREATED;
                    }
                }
            }
            String existing = existingHash(c, template);
            if (hash.equals(existing)) {
                return Outcome.UNCHANGED;
            }
            throw ApiException.conflict("template " + template.key() + " is already registered with a different "
                    + "definition; templates are immutable per version, so register the change as a new version");
        });
    }

    /** The template to run: the given version, or the newest registered one. */
    public Stored resolve(String namespace, String name, String version) {
        Optional<Stored> found = db.read(c -> find(c, namespace, name, version));
        return found.orElseThrow(() -> notFound(namespace, name, version));
    }

    public Optional<TaskTemplate> get(String namespace, String name, String version) {
        return db.read(c -> find(c, namespace, name, version)).map(Stored::template);
    }

    public List<TemplateSummary> list(String namespace) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT namespace, name, version, description, created_at,
                           ARRAY(SELECT s ->> 'name' FROM jsonb_array_elements(configuration -> 'steps') s) AS step_names
                      FROM tasker_named_tasks
                     WHERE (?::text IS NULL OR namespace = ?)
                     ORDER BY namespace, name, version_sort""")) {
                ps.setString(1, namespace);
                ps.setString(2, namespace);
                List<TemplateSummary> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TemplateSummary(rs.getString("namespace"), rs.getString("name"),
                                rs.getString("version"), rs.getString("description"),
                                Arrays.asList((String[]) rs.getArray("step_names").getArray()),
                                Json.instant(rs, "created_at")));
                    }
                }
                return out;
            }
        });
    }

    public List<NamespaceSummary> namespaces() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT n.name, n.description, n.created_at,
                           (SELECT count(*) FROM tasker_named_tasks t WHERE t.namespace_uuid = n.namespace_uuid) AS templates
                      FROM tasker_namespaces n ORDER BY n.name""");
                    ResultSet rs = ps.executeQuery()) {
                List<NamespaceSummary> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new NamespaceSummary(rs.getString("name"), rs.getString("description"),
                            rs.getInt("templates"), Json.instant(rs, "created_at")));
                }
                return out;
            }
        });
    }

    private Optional<Stored> find(Connection c, String namespace, String name, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT named_task_uuid, configuration FROM tasker_named_tasks
                 WHERE namespace = ? AND name = ? AND (?::text IS NULL OR version = ?)
                 ORDER BY version_sort DESC LIMIT 1""")) {
            ps.setString(1, namespace);
            ps.setString(2, name);
            ps.setString(3, version);
            ps.setString(4, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                TaskTemplate t = json.mapper().treeToValue(json.read(rs, "configuration"), TaskTemplate.class);
                return Optional.of(new Stored(rs.getObject("named_task_uuid", UUID.class), t));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored template " + namespace + "/" + name + " is unreadable", e);
            }
        }
    }

    private ApiException notFound(String namespace, String name, String version) {
        List<String> versions = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT version FROM tasker_named_tasks WHERE namespace = ? AND name = ? ORDER BY version_sort""")) {
                ps.setString(1, namespace);
                ps.setString(2, name);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
        if (!versions.isEmpty()) {
            return ApiException.notFound("template " + namespace + "/" + name + " has no version '" + version
                    + "' (registered: " + String.join(", ", versions) + ")");
        }
        boolean namespaceKnown = namespaces().stream().anyMatch(n -> n.name().equals(namespace));
        return ApiException.notFound(namespaceKnown
                ? "no template named '" + name + "' in namespace '" + namespace + "'"
                : "namespace '" + namespace + "' is not registered");
    }

    private static UUID upsertNamespace(Connection c, String namespace) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tasker_namespaces (name) VALUES (?)
                ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
                RETURNING namespace_uuid""")) {
            ps.setString(1, namespace);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private String existingHash(Connection c, TaskTemplate t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT configuration_hash FROM tasker_named_tasks WHERE namespace = ? AND name = ? AND version = ?")) {
            ps.setString(1, t.namespace());
            ps.setString(2, t.name());
            ps.setString(3, t.version());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static Integer[] versionSort(String version) {
        return Arrays.stream(version.split("\\.")).map(Integer::valueOf).toArray(Integer[]::new);
    }

    /** Template steps by name, in template order. */
    public static java.util.Map<String, StepTemplate> stepsByName(TaskTemplate t) {
        java.util.Map<String, StepTemplate> m = new java.util.LinkedHashMap<>();
        t.steps().forEach(s -> m.put(s.name(), s));
        return m;
    }
}
