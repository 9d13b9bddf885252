package cloud.iotda.local;

import static cloud.iotda.testing.TestWorld.FAILED_ORDER;
import static cloud.iotda.testing.TestWorld.PREPAID;
import static cloud.iotda.testing.TestWorld.PREPAID_RESIZE;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.testing.IamRecorder;
import cloud.iotda.testing.IamRecorder.Use;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.testing.TestWorld;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The IAM actions an operator needs for each {@code iotda-admin} command against a deployed table: every command
 * runs on a client that records its DynamoDB requests as AWS authorizes them ({@link IamRecorder}), and
 * docs/deployment.md's table must say the same.
 */
class AdminIamTest {
    private static final String TABLE_START = "<!-- iam-admin:start -->";
    private static final String TABLE_END = "<!-- iam-admin:end -->";

    /** Each command as an operator types it (after {@code iotda-admin}), on the tests' seeded world. */
    /** Stands for the id of an order placed on PREPAID_RESIZE just before the command, awaiting payment. */
    private static final String UNPAID = "UNPAID";
    /** Stands for a key of the world's user made just before the command. */
    private static final String USER_KEY = "USERKEY";

    private static final Map<String, String> COMMANDS = commands(
            "instances create", "instances create --project " + PROJECT
                    + " --instance 2a2b3c4d-0000-4000-8000-0000000000c1 --type standard"
                    + " --flavor iotda.standard.s1 --size 1",
            "instances list", "instances list --project " + PROJECT,
            "accounts create", "accounts create plant",
            "projects create", "projects create --account " + TestWorld.ACCOUNT + " --region cn-south-1",
            "users create", "users create --account " + TestWorld.ACCOUNT + " --name operator",
            "tokens issue", "tokens issue --project " + PROJECT,
            "tokens revoke", "tokens revoke " + TestWorld.TOKEN,
            "keys create", "keys create --user " + TestWorld.USER,
            "keys revoke", "keys revoke " + USER_KEY,
            "orders list", "orders list --project " + PROJECT + " --instance " + STANDARD,
            "orders pay", "orders pay " + UNPAID,
            "orders cancel", "orders cancel " + FAILED_ORDER,
            // With work due: a delayed resize in its window, an unpaid order and subscriptions past their ends.
            "orders process-now", "orders process-now --at 2099-06-01T02:30:00Z",
            "orders reindex", "orders reindex",
            "subscriptions list", "subscriptions list --project " + PROJECT,
            "subscriptions renew", "subscriptions renew " + PREPAID + " --period month:1 --project " + PROJECT,
            "subscriptions auto-renew", "subscriptions auto-renew " + PREPAID + " on --project " + PROJECT,
            "flavors list", "flavors list",
            "flavors set-status", "flavors set-status iotda.standard.s3 sellout");

    private static Map<String, String> commands(String... pairs) {
        Map<String, String> commands = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            commands.put(pairs[i], pairs[i + 1]);
        }
        return commands;
    }

    @Test
    void everyCommandsActionsAreOnTheDeploymentPage() throws Exception {
        IamRecorder recorder = new IamRecorder();
        for (Map.Entry<String, String> command : COMMANDS.entrySet()) {
            TestWorld world = new TestWorld(LocalDynamoDb.serviceClient(LocalDynamoDb.get().endpoint(),
                    List.of(recorder)));
            String line = command.getValue();
            if (line.contains(UNPAID)) {
                line = line.replace(UNPAID, world.resize(PREPAID_RESIZE,
                        "{\"flavor\": {\"type\": \"iotda.standard.s2\", \"size\": 2}}").orderId());
            }
            if (line.contains(USER_KEY)) {
                line = line.replace(USER_KEY, world.service.identity().createKey(Optional.empty(), TestWorld.USER)
                        .accessKeyId());
            }
            if (command.getKey().equals("orders process-now")) {
                world.resize(STANDARD, "{\"flavor\": {\"type\": \"iotda.standard.s2\", \"size\": 2}, \"delay\": true}");
                world.resize(PREPAID_RESIZE, "{\"flavor\": {\"type\": \"iotda.standard.s2\", \"size\": 2}}");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Admin admin = new Admin(world.service, new PrintStream(out, true, StandardCharsets.UTF_8), world.clock);
            List<String> words = new ArrayList<>();
            Map<String, String> flags = Cli.flags(Arrays.asList(line.split(" ")), Admin.FLAGS, words);
            recorder.recordAs(command.getKey(), () -> {
                try {
                    admin.execute(words, flags);
                } catch (Admin.UsageError unexpected) {
                    throw new AssertionError(command.getKey() + " is refused: " + unexpected.getMessage());
                }
                return null;
            });
        }
        Map<String, Set<Use>> used = recorder.uses();
        assertEquals(new TreeSet<>(COMMANDS.keySet()), used.keySet(), "every command ran");
        StringBuilder expected = new StringBuilder("| command | IAM actions on the table (and its indexes) |\n"
                + "|---|---|\n");
        for (String command : COMMANDS.keySet()) {
            expected.append("| `").append(command).append("` | ").append(describe(used.get(command))).append(" |\n");
        }
        Path page = RepoFiles.root().resolve("docs/deployment.md");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int start = text.indexOf(TABLE_START);
        int end = text.indexOf(TABLE_END);
        assertTrue(start >= 0 && end > start, "docs/deployment.md holds the table between " + TABLE_START
                + " and " + TABLE_END);
        String table = expected.toString().strip();
        System.out.println(table);
        if (Boolean.getBoolean("docs.write")) {
            Files.writeString(page, text.substring(0, start + TABLE_START.length()) + "\n" + table + "\n"
                    + text.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(table, text.substring(start + TABLE_START.length(), end).strip(),
                "docs/deployment.md's table of the operator's actions, as this run found it:\n" + table);
    }

    /** {@code dynamodb:GetItem, dynamodb:Query (index DueOrders)}. */
    private static String describe(Set<Use> uses) {
        Map<String, List<String>> byAction = new TreeMap<>();
        for (Use use : uses) {
            byAction.computeIfAbsent(use.action(), action -> new ArrayList<>()).add(use.resource());
        }
        return byAction.entrySet().stream().map(entry -> {
            List<String> indexes = entry.getValue().stream().filter(resource -> resource.contains("/index/"))
                    .map(resource -> resource.substring(resource.lastIndexOf('/') + 1)).toList();
            boolean onTable = entry.getValue().contains(IamRecorder.TABLE);
            return "`" + entry.getKey() + "`" + (indexes.isEmpty() ? ""
                    : " (" + (onTable ? "table, " : "") + "index " + String.join(", ", indexes) + ")");
        }).collect(Collectors.joining(", "));
    }
}
