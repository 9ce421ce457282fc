package dev.tasker.runtime.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 of a value's JSON with object keys sorted at every level: two documents that differ only in key order
 * hash the same (template immutability and idempotent task creation compare definitions this way).
 * <p>
 * The value becomes the mapper's tree first, so numbers are as the mapper reads them ({@link ExactNumbers}: 5.00
 * keeps its scale and hashes apart from 5.0), and Jackson writes the tree with its properties sorted
 * ({@link JsonNodeFeature#WRITE_PROPERTIES_SORTED}, the tree's counterpart of ORDER_MAP_ENTRIES_BY_KEYS). Nothing
 * else is changed on the way: not even WRITE_BIGDECIMAL_AS_PLAIN, as 1E+2 would then hash apart from the hashes
 * stored by earlier versions, which idempotency keys and registered templates are compared with.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String sha256(ObjectMapper mapper, Object value) {
        JsonNode tree = Objects.requireNonNullElse(mapper.<JsonNode>valueToTree(value), NullNode.getInstance());
        try {
            String json = mapper.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED).writeValueAsString(tree);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
