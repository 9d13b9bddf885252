package cloud.iotda.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** JsonTrees reads and writes as an ObjectMapper would, for any JSON, and refuses what the edge refuses. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SEED = "20261125";

    @Test
    void readsNumbersAsObjectMapperSizesThem() throws Exception {
        for (String json : List.of("1", "-2147483648", "2147483648", "9223372036854775807", "9223372036854775808",
                "1.5", "-0.0", "1e400", "3E-7", "0")) {
            JsonNode ours = JsonTrees.read(json);
            JsonNode theirs = MAPPER.readTree(json);
            assertEquals(theirs, ours, json);
            assertEquals(theirs.getClass(), ours.getClass(), json);
        }
    }

    @Test
    void readsNothingAsMissing() throws Exception {
        assertTrue(JsonTrees.read(" \n").isMissingNode());
        assertTrue(JsonTrees.read(new ByteArrayInputStream(new byte[0])).isMissingNode());
    }

    @Test
    void refusesADuplicateFieldNamingIt() {
        JsonParseException refused = assertThrows(JsonParseException.class,
                () -> JsonTrees.read("{\"a\":{\"b\":1,\"b\":2}}"));
        assertTrue(refused.getOriginalMessage().startsWith("Duplicate field 'b'"), refused.getOriginalMessage());
    }

    @Test
    void refusesDataAfterTheValue() {
        assertThrows(JsonTrees.TrailingData.class, () -> JsonTrees.read("{} {}"));
        assertThrows(JsonTrees.TrailingData.class, () -> JsonTrees.read("[1] 2"));
        assertThrows(JsonParseException.class, () -> JsonTrees.read("{} x"));
    }

    @Test
    void refusesNestingDeeperThan32() throws Exception {
        JsonTrees.read("[".repeat(JsonTrees.MAX_NESTING_DEPTH) + "]".repeat(JsonTrees.MAX_NESTING_DEPTH));
        String deeper = "[".repeat(JsonTrees.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonTrees.MAX_NESTING_DEPTH + 1);
        assertThrows(StreamConstraintsException.class, () -> JsonTrees.read(deeper));
    }

    @Test
    void refusesMalformedInput() {
        for (String json : List.of("{", "{\"a\"}", "[1,]", "nul", "\"open", "{'a':1}", "{\"a\":01}")) {
            assertThrows(JsonParseException.class, () -> JsonTrees.read(json), json);
        }
    }

    @Property(seed = SEED, tries = 500)
    void readsAndWritesAnyJsonAsObjectMapperDoes(@ForAll("documents") String json) throws Exception {
        JsonNode theirs = MAPPER.readTree(json);
        JsonNode ours = JsonTrees.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(theirs, ours, json);
        assertEquals(MAPPER.writeValueAsString(theirs), JsonTrees.write(ours), json);
        assertEquals(ours, JsonTrees.read(JsonTrees.write(ours)), "round trip of " + json);
    }

    @Provide
    Arbitrary<String> documents() {
        return value(4);
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(JsonTreesTest::quoted),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(new BigInteger("-1" + "0".repeat(30)),
                        new BigInteger("1" + "0".repeat(30))).map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<String> arrays = inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> objects = Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), inner).ofMaxSize(4)
                .map(fields -> {
                    StringBuilder out = new StringBuilder("{");
                    fields.forEach((name, value) -> out.append(out.length() > 1 ? "," : "").append(quoted(name))
                            .append(':').append(value));
                    return out.append('}').toString();
                });
        return Arbitraries.oneOf(scalars, arrays, objects);
    }

    private static String quoted(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
