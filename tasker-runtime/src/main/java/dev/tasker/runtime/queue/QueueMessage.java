package dev.tasker.runtime.queue;

import com.fasterxml.jackson.databind.JsonNode;

/** A message read from a queue; {@code readCount} counts claims, so a message that keeps failing can be told. */
public record QueueMessage(long msgId, String queue, JsonNode message, int readCount) {
}
