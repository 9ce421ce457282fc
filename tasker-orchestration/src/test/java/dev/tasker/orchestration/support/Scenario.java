package dev.tasker.orchestration.support;

import java.time.Duration;

/** What a test of the orchestration starts from: the API, a worker stand-in of its own and a namespace to itself. */
public record Scenario(Api api, TestWorker worker, String ns) {

    private static final Duration CLAIM_WITHIN = Duration.ofSeconds(10);

    /** The worker's next claim in the namespace. */
    public TestWorker.Claim awaitClaim() {
        return worker.awaitClaims(ns, 1, CLAIM_WITHIN).get(0);
    }
}
