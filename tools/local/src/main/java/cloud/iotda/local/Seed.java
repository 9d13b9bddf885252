package cloud.iotda.local;

import cloud.iotda.api.ApiException;
import cloud.iotda.api.Json;
import cloud.iotda.api.JsonFields;
import cloud.iotda.auth.CredentialStore.AccessKey;
import cloud.iotda.auth.CredentialStore.StoredToken;
import cloud.iotda.auth.TokenScheme;
import cloud.iotda.catalogue.Edition;
import cloud.iotda.catalogue.FlavorCatalogue;
import cloud.iotda.dynamodb.DynamoDbStore;
import cloud.iotda.instance.ChargeMode;
import cloud.iotda.instance.Flavor;
import cloud.iotda.instance.Instance;
import cloud.iotda.instance.InstanceIds;
import cloud.iotda.instance.InstanceStatus;
import cloud.iotda.instance.InstanceUpdate;
import cloud.iotda.instance.OperateWindow;
import cloud.iotda.instance.PeriodType;
import cloud.iotda.instance.Subscription;
import cloud.iotda.order.ResizeRequest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A seed file, checked whole before anything is written: credentials (token and/or access key per project) and
 * instances. A bad entry is refused with its place and field, e.g. {@code instances[1].flavor.size}.
 */
final class Seed {
    static final String DEMO = "demo-seed.json";

    record Credential(String projectId, String token, Instant tokenExpiresAt, String accessKey, String secretKey) {
    }

    private final List<Credential> credentials;
    private final List<Instance> instances;

    private Seed(List<Credential> credentials, List<Instance> instances) {
        this.credentials = credentials;
        this.instances = instances;
    }

    /** A seed file that is not valid; the message names the file, the entry and the field. */
    static final class InvalidSeed extends RuntimeException {
        InvalidSeed(String message) {
            super(message);
        }
    }

    static Seed load(Path file) {
        String name = file == null ? DEMO + " (built in)" : file.toString();
        try (InputStream in = file == null ? Seed.class.getResourceAsStream(DEMO) : Files.newInputStream(file)) {
            JsonNode root = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build().readTree(in);
            if (!(root instanceof ObjectNode object)) {
                throw new InvalidSeed("seed " + name + ": must be a JSON object");
            }
            return parse(object);
        } catch (ApiException e) {
            throw new InvalidSeed("seed " + name + ": " + stripPrefix(e.getMessage()));
        } catch (IOException e) {
            throw new InvalidSeed("seed " + name + ": cannot be read as JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String stripPrefix(String message) {
        String prefix = "Invalid input data: ";
        String text = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** Instances checked by the seed's rules, from one entry (the operator CLI) or a whole file. */
    static List<Instance> parseInstances(ObjectNode entry) {
        ObjectNode root = Json.object();
        root.putArray("instances").add(entry);
        try {
            return parse(root).instances;
        } catch (ApiException e) {
            throw new Admin.UsageError(stripPrefix(e.getMessage()).replace("instances[0].", ""));
        }
    }

    private static Seed parse(ObjectNode root) {
        FlavorCatalogue catalogue = FlavorCatalogue.published();
        List<Credential> credentials = new ArrayList<>();
        for (JsonFields entry : entries(root, "credentials")) {
            String projectId = entry.requiredString("project_id");
            if (projectId.isBlank()) {
                throw ApiException.invalid(entry.path("project_id") + " must not be empty");
            }
            String token = entry.optionalString("token").orElse(null);
            Instant expires = entry.optionalString("token_expires_at").map(text -> {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw ApiException.invalid(entry.path("token_expires_at") + " must be an ISO-8601 UTC time like 2030-01-01T00:00:00Z");
                }
            }).orElse(Instant.parse("2099-01-01T00:00:00Z"));
            String accessKey = entry.optionalString("access_key").orElse(null);
            String secretKey = entry.optionalString("secret_key").orElse(null);
            if ((accessKey == null) != (secretKey == null)) {
                throw ApiException.invalid(entry.path(accessKey == null ? "access_key" : "secret_key")
                        + " is required when " + (accessKey == null ? "secret_key" : "access_key") + " is given");
            }
            if (token == null && accessKey == null) {
                throw ApiException.invalid(entry.path("token") + " or access_key is required");
            }
            credentials.add(new Credential(projectId, token, expires, accessKey, secretKey));
        }
        List<Instance> instances = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Instant now = Instant.now();
        for (JsonFields entry : entries(root, "instances")) {
            String projectId = entry.requiredString("project_id");
            String instanceId = entry.requiredString("instance_id");
            try {
                InstanceIds.require(instanceId);
            } catch (ApiException e) {
                throw ApiException.invalid(entry.path("instance_id") + " must be 1..36 characters of a-f, 0-9 and -");
            }
            if (!seen.add(projectId + "/" + instanceId)) {
                throw ApiException.invalid(entry.path("instance_id") + " " + instanceId + " is listed twice");
            }
            String name = entry.optionalString("name").orElse(instanceId);
            Edition edition = choice(entry, "instance_type", Edition.class, "standard or enterprise");
            Flavor flavor = ResizeRequest.parseFlavor(entry.requiredObject("flavor"), catalogue);
            if (catalogue.find(flavor.type()).orElseThrow().edition() != edition) {
                throw ApiException.invalid(entry.path("flavor.type") + " " + flavor.type() + " is not a "
                        + edition.wireName() + " edition flavor");
            }
            ChargeMode mode = entry.optionalString("charge_mode").map(text -> {
                try {
                    return ChargeMode.fromWireName(text);
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid(entry.path("charge_mode") + " must be postPaid or prePaid");
                }
            }).orElse(ChargeMode.POST_PAID);
            InstanceStatus status = entry.optionalString("status").map(text -> {
                try {
                    return InstanceStatus.valueOf(text);
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid(entry.path("status") + " must be ACTIVE, FROZEN, TRADING or MODIFYING");
                }
            }).orElse(InstanceStatus.ACTIVE);
            OperateWindow window = entry.optionalObject("operate_window").map(InstanceUpdate::parseWindow).orElse(null);
            Subscription subscription = mode == ChargeMode.PRE_PAID
                    ? new Subscription(PeriodType.MONTH, 1, false, now.atZone(ZoneOffset.UTC).plusMonths(1).toInstant())
                    : null;
            instances.add(new Instance(projectId, instanceId, name, entry.optionalString("description").orElse(null), edition, flavor, mode, status, subscription, window,
                    null, null, now, now, 0));
        }
        return new Seed(credentials, instances);
    }

    private static <E extends Enum<E>> E choice(JsonFields entry, String field, Class<E> type, String allowed) {
        String text = entry.requiredString(field);
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text) && text.equals(text.toLowerCase())) {
                return value;
            }
        }
        throw ApiException.invalid(entry.path(field) + " must be " + allowed);
    }

    private static List<JsonFields> entries(ObjectNode root, String name) {
        JsonNode array = root.get(name);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw ApiException.invalid(name + " must be an array");
        }
        List<JsonFields> entries = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof ObjectNode object)) {
                throw ApiException.invalid(name + "[" + i + "] must be an object");
            }
            entries.add(JsonFields.of(object, name + "[" + i + "]."));
        }
        return entries;
    }

    /** Writes the seed; instances that a kept data folder already has are left as they are. */
    void apply(DynamoDbStore store, Clock clock) {
        for (Credential credential : credentials) {
            if (credential.token() != null) {
                store.saveToken(new StoredToken(TokenScheme.sha256(credential.token()), credential.projectId(),
                        credential.tokenExpiresAt()));
            }
            if (credential.accessKey() != null) {
                store.saveAccessKey(new AccessKey(credential.accessKey(), credential.secretKey(), credential.projectId(),
                        clock.instant()));
            }
        }
        for (Instance instance : instances) {
            if (store.findInstance(instance.projectId(), instance.instanceId()).isEmpty()) {
                store.createInstance(instance);
            }
        }
    }

    List<Instance> instances() {
        return instances;
    }
}
