package cloud.iotda.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The published flavors, read from {@code flavors.json} beside this class: data, so adding a tier is no code change. */
public final class FlavorCatalogue {
    private final Map<String, FlavorSpec> byType;

    private FlavorCatalogue(Map<String, FlavorSpec> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static FlavorCatalogue published() {
        try (InputStream in = FlavorCatalogue.class.getResourceAsStream("flavors.json")) {
            if (in == null) {
                throw new IllegalStateException("flavors.json is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, FlavorSpec> specs = new LinkedHashMap<>();
            for (JsonNode node : root.get("flavors")) {
                Edition edition = Edition.fromWireName(node.get("edition").asText());
                boolean sized = edition == Edition.STANDARD;
                FlavorSpec spec = new FlavorSpec(
                        node.get("type").asText(),
                        edition,
                        sized ? node.get("min_size").asInt() : 0,
                        sized ? node.get("max_size").asInt() : 0,
                        node.get("prepaid").asBoolean());
                if (specs.put(spec.type(), spec) != null) {
                    throw new IllegalStateException("flavors.json lists " + spec.type() + " twice");
                }
            }
            return new FlavorCatalogue(specs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<FlavorSpec> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Collection<FlavorSpec> all() {
        return byType.values();
    }
}
