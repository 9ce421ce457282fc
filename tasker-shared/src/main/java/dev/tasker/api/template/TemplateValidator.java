package dev.tasker.api.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a template before anything runs it; every problem found is named, not just the first. */
public final class TemplateValidator {

    public static final Pattern NAMESPACE = Pattern.compile("[a-z0-9_]{1,64}");
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    public static final Pattern VERSION = Pattern.compile("\\d{1,6}\\.\\d{1,6}\\.\\d{1,6}");
    public static final int MAX_STEPS = 500;
    public static final int MAX_TIMEOUT_SECONDS = 86_400;

    private TemplateValidator() {
    }

    /** The problems of this template, each a sentence; empty when it is valid. */
    public static List<String> problems(TaskTemplate t) {
        return findings(t).stream().map(TemplateProblem::message).toList();
    }

    /** The problems of this template, each with the field it is about; empty when it is valid. */
    public static List<TemplateProblem> findings(TaskTemplate t) {
        List<TemplateProblem> problems = new ArrayList<>();
        check(problems, t.namespace() != null && NAMESPACE.matcher(t.namespace()).matches(), "/namespace",
                "namespace '" + t.namespace() + "' must be 1-64 characters of a-z, 0-9 and _");
        check(problems, t.name() != null && NAME.matcher(t.name()).matches(), "/name",
                "name '" + t.name() + "' must be 1-128 characters of letters, digits, '_', '.' and '-'");
        check(problems, t.version() != null && VERSION.matcher(t.version()).matches(), "/version",
                "version '" + t.version() + "' must look like 1.0.0");
        check(problems, t.defaultContext().isObject(), "/default_context", "default_context must be a JSON object");
        check(problems, !t.steps().isEmpty(), "/steps", "a template needs at least one step");
        check(problems, t.steps().size() <= MAX_STEPS, "/steps", "a template has at most " + MAX_STEPS + " steps");

        Map<String, StepTemplate> byName = new LinkedHashMap<>();
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < t.steps().size(); i++) {
            StepTemplate s = t.steps().get(i);
            String where = "step '" + s.name() + "'";
            String at = "/steps/" + i + "/";
            check(problems, s.name() != null && NAME.matcher(s.name()).matches(), at + "name",
                    where + ": a step name must be 1-128 characters of letters, digits, '_', '.' and '-'");
            check(problems, s.handler() != null && !s.handler().isBlank(), at + "handler", where + " names no handler");
            check(problems, s.timeoutSeconds() >= 1 && s.timeoutSeconds() <= MAX_TIMEOUT_SECONDS,
                    at + "timeout_seconds", where + ": timeout_seconds must be 1.." + MAX_TIMEOUT_SECONDS);
            RetryPolicy r = s.retry();
            check(problems, r.limit() >= 1 && r.limit() <= 100, at + "retry/limit", where + ": retry.limit must be 1..100");
            check(problems, r.backoffBaseMs() >= 0, at + "retry/backoff_base_ms", where + ": retry.backoff_base_ms must not be negative");
            check(problems, r.maxBackoffMs() >= r.backoffBaseMs(), at + "retry/max_backoff_ms",
                    where + ": retry.max_backoff_ms must be at least backoff_base_ms");
            if (s.name() == null) {
                continue; // reported above; a nameless step can be neither depended on nor in a cycle
            }
            if (byName.putIfAbsent(s.name(), s) != null) {
                problems.add(new TemplateProblem(at + "name", "step name '" + s.name() + "' is used more than once"));
            } else {
                indexOf.put(s.name(), i);
            }
        }
        for (int i = 0; i < t.steps().size(); i++) {
            StepTemplate s = t.steps().get(i);
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < s.dependencies().size(); j++) {
                String d = s.dependencies().get(j);
                String at = "/steps/" + i + "/dependencies/" + j;
                if (!byName.containsKey(d)) {
                    problems.add(new TemplateProblem(at, "step '" + s.name() + "' depends on unknown step '" + d + "'"));
                } else if (d.equals(s.name())) {
                    problems.add(new TemplateProblem(at, "step '" + s.name() + "' depends on itself"));
                }
                if (!seen.add(d)) {
                    problems.add(new TemplateProblem(at, "step '" + s.name() + "' lists dependency '" + d + "' twice"));
                }
            }
        }
        findCycle(byName).ifPresent(cycle -> problems.add(new TemplateProblem(
                "/steps/" + indexOf.get(cycle.get(0)) + "/dependencies",
                "dependency cycle (each step depends on the next): " + String.join(" -> ", cycle))));
        return problems;
    }

    /** Throws with every problem when the template is not valid. */
    public static void requireValid(TaskTemplate t) {
        List<String> problems = problems(t);
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException(t, problems);
        }
    }

    private static void check(List<TemplateProblem> problems, boolean ok, String field, String problem) {
        if (!ok) {
            problems.add(new TemplateProblem(field, problem));
        }
    }

    /** Depth-first search over known edges; returns one cycle as a path that starts and ends at the same step. */
    private static Optional<List<String>> findCycle(Map<String, StepTemplate> steps) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (String start : steps.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, Integer>> stack = new ArrayDeque<>();
            List<String> path = new ArrayList<>();
            stack.push(Map.entry(start, 0));
            state.put(start, 1);
            path.add(start);
            while (!stack.isEmpty()) {
                Map.Entry<String, Integer> top = stack.pop();
                List<String> deps = steps.get(top.getKey()).dependencies();
                int i = top.getValue();
                if (i < deps.size()) {
                    stack.push(Map.entry(top.getKey(), i + 1));
                    String next = deps.get(i);
                    if (!steps.containsKey(next) || next.equals(top.getKey())) {
                        continue;
                    }
                    Integer s = state.get(next);
                    if (s == null) {
                        state.put(next, 1);
                        path.add(next);
                        stack.push(Map.entry(next, 0));
                    } else if (s == 1) {
                        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
                        cycle.add(next);
                        return Optional.of(cycle);
                    }
                } else {
                    state.put(top.getKey(), 2);
                    path.remove(path.size() - 1);
                }
            }
        }
        return Optional.empty();
    }
}
