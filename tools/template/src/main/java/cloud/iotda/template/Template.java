package cloud.iotda.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/** template.yaml read as data, so the tests and the local API use the routes, handlers and table that deploy. */
public final class Template {
    private final JsonNode root;

    private Template(JsonNode root) {
        this.root = root;
    }

    public static Template load(Path path) {
        try {
            return new Template(new ObjectMapper(new YAMLFactory()).readTree(path.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A function: its handler string, the API routes it answers and the schedule expressions that run it. */
    public record Function(String logicalId, String handler, List<ApiEvent> events, List<String> schedules) {
    }

    /**
     * The environment a function gets: the Globals' variables overlaid with its own. A plain value is a string;
     * an intrinsic function (such as {@code Ref}) is returned as its node for the caller to resolve.
     */
    public Map<String, JsonNode> environment(String logicalId) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        root.path("Globals").path("Function").path("Environment").path("Variables").fields()
                .forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
        root.path("Resources").path(logicalId).path("Properties").path("Environment").path("Variables").fields()
                .forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
        return variables;
    }

    /**
     * A function's LoggingConfig as SAM gives it: the Globals' with the function's own keys over them (SAM merges maps
     * of Globals into a resource's).
     */
    public Map<String, JsonNode> loggingConfig(String logicalId) {
        Map<String, JsonNode> config = new LinkedHashMap<>();
        root.path("Globals").path("Function").path("LoggingConfig").fields()
                .forEachRemaining(entry -> config.put(entry.getKey(), entry.getValue()));
        resource(logicalId).path("Properties").path("LoggingConfig").fields()
                .forEachRemaining(entry -> config.put(entry.getKey(), entry.getValue()));
        return config;
    }

    public record ApiEvent(String method, String path) {
    }

    public Map<String, Function> functions() {
        Map<String, Function> functions = new LinkedHashMap<>();
        root.get("Resources").fields().forEachRemaining(entry -> {
            JsonNode resource = entry.getValue();
            if (!"AWS::Serverless::Function".equals(resource.path("Type").asText())) {
                return;
            }
            JsonNode properties = resource.path("Properties");
            List<ApiEvent> events = new ArrayList<>();
            List<String> schedules = new ArrayList<>();
            properties.path("Events").forEach(event -> {
                JsonNode props = event.path("Properties");
                if ("Api".equals(event.path("Type").asText())) {
                    events.add(new ApiEvent(props.path("Method").asText().toUpperCase(), props.path("Path").asText()));
                } else if ("Schedule".equals(event.path("Type").asText())) {
                    schedules.add(props.path("Schedule").asText());
                }
            });
            functions.put(entry.getKey(), new Function(entry.getKey(), properties.path("Handler").asText(null), events,
                    schedules));
        });
        return functions;
    }

    /**
     * One of API Gateway's own answers as the template customizes it: its status (null: the type's default), the
     * header mapping expressions ({@code context.requestId}, or a quoted static value) and the JSON body template.
     */
    public record GatewayResponse(Integer status, Map<String, String> headers, String jsonTemplate) {
    }

    /** The GatewayResponses of the template's API, by response type ({@code MISSING_AUTHENTICATION_TOKEN}...). */
    public Map<String, GatewayResponse> gatewayResponses() {
        Map<String, GatewayResponse> responses = new LinkedHashMap<>();
        root.get("Resources").forEach(resource -> {
            if ("AWS::Serverless::Api".equals(resource.path("Type").asText())) {
                resource.path("Properties").path("GatewayResponses").fields().forEachRemaining(entry -> {
                    JsonNode response = entry.getValue();
                    Map<String, String> headers = new LinkedHashMap<>();
                    response.path("ResponseParameters").path("Headers").fields()
                            .forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
                    JsonNode status = response.get("StatusCode");
                    responses.put(entry.getKey(), new GatewayResponse(status == null ? null : status.asInt(),
                            headers, response.path("ResponseTemplates").path("application/json").asText(null)));
                });
            }
        });
        return responses;
    }

    /** The functions' timeout in seconds, from the template's Globals (Lambda's default of 3 if unset). */
    public long globalFunctionTimeoutSeconds() {
        return root.path("Globals").path("Function").path("Timeout").asLong(3);
    }

    /**
     * What {@code sam build} builds: a function or a layer, its code folder (CodeUri, or the Globals', or a layer's
     * ContentUri, relative to the template), its build method, and for a function the layers it uses (by logical id).
     */
    public record Build(String logicalId, String codeUri, String buildMethod, boolean layer, List<String> layers) {
    }

    public List<Build> builds() {
        JsonNode globals = root.path("Globals").path("Function");
        List<Build> builds = new ArrayList<>();
        root.get("Resources").fields().forEachRemaining(entry -> {
            JsonNode resource = entry.getValue();
            String type = resource.path("Type").asText();
            JsonNode properties = resource.path("Properties");
            String method = resource.path("Metadata").path("BuildMethod").asText(null);
            if ("AWS::Serverless::LayerVersion".equals(type)) {
                builds.add(new Build(entry.getKey(), properties.path("ContentUri").asText(), method, true,
                        List.of()));
            } else if ("AWS::Serverless::Function".equals(type)) {
                List<String> layers = new ArrayList<>();
                // SAM adds a function's own layers to the Globals' (lists in Globals are additive).
                for (JsonNode list : List.of(globals.path("Layers"), properties.path("Layers"))) {
                    list.forEach(layer -> layers.add(layer.path("Ref").asText(layer.asText())));
                }
                builds.add(new Build(entry.getKey(), properties.path("CodeUri").asText(globals.path("CodeUri")
                        .asText()), method, false, layers));
            }
        });
        return builds;
    }

    /** One parameter of the template as written (its type, default, range), for checks of its defaults. */
    public JsonNode parameter(String name) {
        return root.path("Parameters").path(name);
    }

    /** One resource of the template as written, for checks the records above do not cover. */
    public JsonNode resource(String logicalId) {
        return root.path("Resources").path(logicalId);
    }

    /** The CreateTable request for the template's one DynamoDB table, under another name. */
    public CreateTableRequest createTableRequest(String tableName) {
        JsonNode table = null;
        for (JsonNode resource : root.get("Resources")) {
            if ("AWS::DynamoDB::Table".equals(resource.path("Type").asText())) {
                table = resource.get("Properties");
            }
        }
        if (table == null) {
            throw new IllegalStateException("template.yaml has no AWS::DynamoDB::Table");
        }
        List<AttributeDefinition> attributes = new ArrayList<>();
        table.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
                .attributeName(a.get("AttributeName").asText())
                .attributeType(a.get("AttributeType").asText()).build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        table.path("GlobalSecondaryIndexes").forEach(index -> indexes.add(GlobalSecondaryIndex.builder()
                .indexName(index.get("IndexName").asText())
                .keySchema(keySchema(index.get("KeySchema")))
                .projection(projection(index))
                .build()));
        List<LocalSecondaryIndex> localIndexes = new ArrayList<>();
        table.path("LocalSecondaryIndexes").forEach(index -> localIndexes.add(
                LocalSecondaryIndex.builder()
                        .indexName(index.get("IndexName").asText())
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(projection(index))
                        .build()));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keySchema(table.get("KeySchema")));
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes);
        }
        return request.build();
    }

    private static Projection projection(JsonNode index) {
        return Projection.builder()
                .projectionType(index.path("Projection").path("ProjectionType").asText("ALL"))
                .build();
    }

    private static List<KeySchemaElement> keySchema(JsonNode node) {
        List<KeySchemaElement> keys = new ArrayList<>();
        node.forEach(k -> keys.add(KeySchemaElement.builder()
                .attributeName(k.get("AttributeName").asText()).keyType(k.get("KeyType").asText()).build()));
        return keys;
    }
}
