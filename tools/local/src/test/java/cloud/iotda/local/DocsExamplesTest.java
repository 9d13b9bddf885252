package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The docs cannot drift: every {@code console} block of README.md and docs/*.md is run, page by page in the order
 * written, against a freshly started local API on the demo seed, and all pages one after another against one, and
 * prints what the page says it prints; a {@code java} block is the program of examples/ that its console block runs
 * with {@code ./bin/example}. Any other shell block may hold only commands that cannot run inside a test (they start
 * servers, need SAM CLI, Docker or an AWS account, or are the test run itself), each of them run by a test of its own
 * where this machine can.
 *
 * <p>What the test changes, and only that: the API's address {@code http://127.0.0.1:3000} (in a command, in the
 * example program, or {@code 127.0.0.1:3000} in what is printed) and DynamoDB Local's {@code 127.0.0.1:8000} become
 * the ports of the API it started, and {@code ./bin/iotda-admin} and {@code ./bin/local-api} run the classes those
 * scripts run, from the build under test. Generated values (times, spans of time, order ids, instance and request
 * ids, tokens, keys) match any value of the same form; everything else must be equal.
 */
class DocsExamplesTest {
    private static final Path ROOT = LocalApiEndToEndTest.repoRoot();
    private static final Pattern FENCE = Pattern.compile("^```(.*)$");
    /** Commands a shell block may hold without being run here, and why. */
    private static final Map<String, String> NOT_RUN_HERE = Map.of(
            "./bin/local-api", "starts a server (LocalApiProcessTest starts it as its own process)",
            "./bin/test", "is the test run itself",
            "bash .ci/run", "is CI",
            "sam ", "needs SAM CLI and Docker (PackagedFunctionsTest runs what sam build and sam local invoke run)",
            "mvn ", "is the build",
            "bench/run", "runs for minutes (a smoke run of each benchmark is part of the tests)",
            "cfn-lint ", "is part of CI",
            "aws ", "needs an AWS account");
    private static final List<Pattern> GENERATED = List.of(
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3}|\\.\\d{6})?Z"),
            // Ids of accounts and projects iotda-admin makes, and the passwords it makes for users.
            Pattern.compile("[0-9a-f]{32}"),
            Pattern.compile("[A-Za-z0-9_-]{24}"),
            Pattern.compile("CS\\d{10}[A-Z0-9]{5}"),
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            Pattern.compile("[0-9a-f]{24}"),
            Pattern.compile("[A-Za-z0-9_-]{43}"),
            Pattern.compile("[0-9A-F]{20}"),
            Pattern.compile("[A-Za-z0-9+/]{40}"),
            Pattern.compile("\\d+d\\d+h\\d+m"));
    /** JSON fields whose values the service makes: any value of the documented value's form matches. */
    private static final Set<String> GENERATED_FIELDS = Set.of("order_id", "instance_id", "request_id",
            "create_time", "update_time", "execute_after", "marker", "task_id", "start_time", "end_time",
            "pending_payment_end_time",
            "expire_time");

    /** bin/lib.sh's compiler settings for the local tools. */
    private static final String JIT = "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1";

    @TempDir
    Path work;

    /** A fenced block of a page: its info string, its lines, and where it starts. */
    record Block(String info, List<String> lines, int line) {
    }

    /** One command of a console block and the lines it is documented to print. */
    record Command(String text, List<String> expected, int line) {
    }

    static Stream<Path> pages() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
            pages.addAll(docs.filter(path -> path.toString().endsWith(".md")).sorted().toList());
            return pages.stream();
        }
    }

    static List<Block> blocks(Path page) throws IOException {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = Files.readAllLines(page);
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i;
            List<String> body = new ArrayList<>();
            while (++i < lines.size() && !lines.get(i).equals("```")) {
                body.add(lines.get(i));
            }
            blocks.add(new Block(open.group(1).strip(), body, start + 1));
        }
        return blocks;
    }

    static List<Command> commands(Block block) {
        List<Command> commands = new ArrayList<>();
        StringBuilder text = null;
        List<String> expected = null;
        int line = 0;
        boolean continued = false;
        for (int i = 0; i < block.lines().size(); i++) {
            String current = block.lines().get(i);
            boolean partOfCommand = continued || current.startsWith("$ ");
            if (continued) {
                text.append('\n').append(current);
            } else if (current.startsWith("$ ")) {
                if (text != null) {
                    commands.add(new Command(text.toString(), expected, line));
                }
                text = new StringBuilder(current.substring(2));
                expected = new ArrayList<>();
                line = block.line() + 1 + i;
            } else if (expected != null) {
                expected.add(current.stripTrailing());
            } else {
                throw new AssertionError("line " + (block.line() + 1 + i) + ": a console block starts with $ ");
            }
            continued = partOfCommand && current.endsWith("\\");
        }
        if (text != null) {
            commands.add(new Command(text.toString(), expected, line));
        }
        return commands;
    }

    /**
     * Every page alone, each on a freshly started local API, and all pages in order on one, as a reader runs them
     * (each works on the world the pages before it leave, or says at its top to reset it). The runs go two at a time,
     * each in its own folder: their time is spent starting JVMs for the commands, one after another, which leaves
     * the second core idle; the other test classes keep running one at a time.
     */
    @TestFactory
    Stream<DynamicTest> everyPageAloneAndAllPagesInOrderPrintWhatTheySay() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Path> pages = pages().filter(page -> !consoleCommandsOf(page).isEmpty()).toList();
            // The longest run first, so that the pages alone share the other thread.
            Future<List<String>> inOrder = pool.submit(() -> {
                List<String> wrong = new ArrayList<>();
                try (LocalApi api = startApi()) {
                    for (Path page : pages) {
                        wrong.addAll(check(page, consoleCommandsOf(page), api, folder("in-order")));
                    }
                }
                return wrong;
            });
            List<DynamicTest> tests = new ArrayList<>();
            for (Path page : pages) {
                Future<List<String>> alone = pool.submit(() -> {
                    try (LocalApi api = startApi()) {
                        return check(page, consoleCommandsOf(page), api, folder(page.getFileName().toString()));
                    }
                });
                tests.add(DynamicTest.dynamicTest(page.getFileName() + " alone", () -> assertTrue(
                        alone.get().isEmpty(), String.join("\n", alone.get()))));
            }
            tests.add(DynamicTest.dynamicTest("all pages in order on one server", () -> assertTrue(
                    inOrder.get().isEmpty(), String.join("\n", inOrder.get()))));
            return tests.stream();
        } finally {
            pool.shutdown();
        }
    }

    private static LocalApi startApi() throws Exception {
        return LocalApi.start(new LocalApi.Options(0, 0, null, null, ROOT.resolve("template.yaml")));
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(work.resolve(name));
    }

    private static List<Command> consoleCommandsOf(Path page) {
        try {
            return consoleCommands(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Command> consoleCommands(Path page) throws IOException {
        return blocks(page).stream().filter(block -> block.info().equals("console"))
                .flatMap(block -> commands(block).stream()).toList();
    }

    /** What differs between what the page's commands print on {@code api} and what the page says they print. */
    private static List<String> check(Path page, List<Command> commands, LocalApi api, Path folder)
            throws Exception {
        List<String> wrong = new ArrayList<>();
        List<String> outputs = run(commands, api, folder);
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            List<String> actual = outputs.get(i).lines().map(String::stripTrailing).toList();
            // The API's address in what it prints (IAM's links) is the started API's, as in the commands.
            List<String> documented = command.expected().stream()
                    .map(line -> line.replace("127.0.0.1:3000", "127.0.0.1:" + api.port())).toList();
            String problem = mismatch(trimmed(documented), trimmed(actual));
            if (problem != null) {
                wrong.add(page.getFileName() + ":" + command.line() + " $ " + command.text() + "\n  " + problem
                        + "\n  printed:\n    " + String.join("\n    ", actual));
            }
        }
        return wrong;
    }

    /** A program shown on a page is the one bin/example runs, byte for byte. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyProgramShownIsTheExampleThatRuns(Path page) throws IOException {
        for (Block block : blocks(page)) {
            if (!block.info().equals("java")) {
                continue;
            }
            String source = String.join("\n", block.lines()) + "\n";
            Matcher name = Pattern.compile("(?m)^public class (\\w+)").matcher(source);
            assertTrue(name.find(), page.getFileName() + ":" + block.line() + ": a java block is a whole program");
            Path file = ROOT.resolve("examples/src/main/java/" + name.group(1) + ".java");
            assertTrue(Files.exists(file), page.getFileName() + ":" + block.line() + ": " + file + " is missing");
            assertEquals(Files.readString(file), source, page.getFileName() + ":" + block.line() + " is not " + file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyOtherShellCommandIsOneThatCannotRunInATest(Path page) throws IOException {
        for (Block block : blocks(page)) {
            if (!block.info().equals("bash") && !block.info().equals("sh")) {
                continue;
            }
            boolean continued = false;
            for (String line : block.lines()) {
                String command = line.strip();
                if (!continued && !command.isEmpty() && !command.startsWith("#")) {
                    assertTrue(NOT_RUN_HERE.keySet().stream().anyMatch(command::startsWith), page.getFileName() + ":"
                            + block.line() + ": `" + command + "` can run here: put it in a console block with the "
                            + "output it prints, so that this test runs it");
                }
                continued = command.endsWith("\\");
            }
        }
    }

    @Test
    void theReadmeHasTheTwoCommandsAndAFirstCallAndStaysShort() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        assertTrue(readme.size() <= 150, "README.md has " + readme.size() + " lines; the rest belongs in docs/");
        String text = String.join("\n", readme);
        assertTrue(text.contains("`./bin/local-api`") && text.contains("`./bin/test`"), "the two commands");
        List<Block> blocks = blocks(ROOT.resolve("README.md"));
        assertTrue(blocks.stream().anyMatch(block -> block.info().equals("console")
                && String.join("\n", block.lines()).contains("$ curl")), "a first call with curl");
        assertTrue(blocks.stream().anyMatch(block -> block.info().equals("console")
                && String.join("\n", block.lines()).contains("$ ./bin/example FirstCall")),
                "a first call with the SDK");
        for (String page : List.of("api.md", "local-development.md", "deployment.md", "reliability.md",
                                   "performance.md", "architecture.md")) {
            assertTrue(text.contains("(docs/" + page + ")"), "README links docs/" + page);
        }
    }

    @Test
    void aDocumentedOutputThatDiffersFromThePrintedOneIsSeen() {
        List<String> documented = List.of("{\"order_id\":\"CS2612031500AG619\",\"status\":\"ACTIVE\"}");
        assertEquals(null, mismatch(documented, List.of("{\"order_id\":\"CS2612041717ZZ000\",\"status\":\"ACTIVE\"}")));
        assertFalse(mismatch(documented, List.of("{\"order_id\":\"CS2612041717ZZ000\",\"status\":\"FROZEN\"}"))
                == null, "a fixed value must be equal");
        assertFalse(mismatch(documented, List.of("{\"order_id\":\"nope\",\"status\":\"ACTIVE\"}")) == null,
                "a generated value must have the documented form");
        assertFalse(mismatch(documented, List.of()) == null, "printing nothing is not the documented output");
        assertFalse(mismatch(List.of("revoked"), List.of("no such token")) == null);
        List<String> timed = List.of("iotda-admin: ran as of 2027-04-03T16:00:00Z; later");
        assertEquals(null, mismatch(timed, List.of("iotda-admin: ran as of 2028-01-01T00:00:00Z; later")),
                "a time in text is one generated word");
        assertFalse(mismatch(timed, List.of("iotda-admin: ran as of 2028-01-01T00:00:00Z; earlier")) == null);
        assertFalse(mismatch(timed, List.of("iotda-admin: ran as of 16:00; later")) == null);
    }

    private static List<String> run(List<Command> commands, LocalApi api, Path work) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        String sqlite = System.getProperty("sqlite4java.library.path");
        StringBuilder script = new StringBuilder("cd '" + ROOT + "'\n")
                // With the compiler settings bin/lib.sh gives the tools (a faster start).
                .append("iotda_admin() { '").append(java).append("' ").append(JIT).append(" -cp '").append(classPath)
                .append("' cloud.iotda.local.Admin --endpoint ").append(api.dynamoEndpoint()).append(" \"$@\"; }\n")
                .append("local_api() { '").append(java).append("' ").append(JIT)
                .append(" -Dsqlite4java.library.path='").append(sqlite)
                .append("' -cp '").append(classPath).append("' cloud.iotda.local.LocalApi \"$@\"; }\n")
                // An example program with the API's port for 3000, run by bin/example itself.
                .append("example() { local name=\"$1\"; shift; sed 's#http://127.0.0.1:3000#http://127.0.0.1:")
                .append(api.port()).append("#g' \"examples/src/main/java/$name.java\" > '").append(work)
                .append("'/\"$name.java\" && bin/example '").append(work).append("'/\"$name.java\" \"$@\"; }\n");
        for (int i = 0; i < commands.size(); i++) {
            String text = commands.get(i).text()
                    .replace("http://127.0.0.1:3000", "http://127.0.0.1:" + api.port())
                    .replace("127.0.0.1:8000", api.dynamoEndpoint().replace("http://", ""))
                    .replace("./bin/iotda-admin", "iotda_admin")
                    .replace("./bin/local-api", "local_api")
                    .replace("./bin/example", "example");
            script.append("printf '\\n<<<command ").append(i).append(">>>\\n'\n{ ").append(text).append("\n} 2>&1\n");
        }
        Path file = work.resolve("examples.sh");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(120, TimeUnit.SECONDS), "the examples finish");
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            String marker = "<<<command " + i + ">>>\n";
            int from = out.indexOf(marker) + marker.length();
            int to = i + 1 < commands.size() ? out.indexOf("\n<<<command " + (i + 1) + ">>>") : out.length();
            outputs.add(from < marker.length() || to < from ? "(not run: " + out + ")" : out.substring(from, to));
        }
        return outputs;
    }

    private static List<String> trimmed(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return lines.subList(0, end);
    }

    /** Null if {@code actual} is what {@code documented} says, else what differs. */
    static String mismatch(List<String> documented, List<String> actual) {
        if (documented.size() != actual.size()) {
            return documented.size() + " lines documented, " + actual.size() + " printed";
        }
        for (int i = 0; i < documented.size(); i++) {
            String expected = documented.get(i);
            String got = actual.get(i);
            String problem = expected.startsWith("{") || expected.startsWith("[")
                    ? jsonMismatch(expected, got) : textMismatch(expected, got);
            if (problem != null) {
                return "line " + (i + 1) + ": " + problem;
            }
        }
        return null;
    }

    private static String jsonMismatch(String expected, String actual) {
        JsonNode want;
        JsonNode got;
        try {
            want = JsonTrees.read(expected.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return textMismatch(expected, actual);
        }
        try {
            got = JsonTrees.read(actual.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return "not JSON: " + actual;
        }
        return treeMismatch("", want, got);
    }

    private static String treeMismatch(String path, JsonNode want, JsonNode got) {
        if (want.isObject() && got.isObject()) {
            List<String> wantNames = new ArrayList<>();
            want.fieldNames().forEachRemaining(wantNames::add);
            List<String> gotNames = new ArrayList<>();
            got.fieldNames().forEachRemaining(gotNames::add);
            if (!wantNames.equals(gotNames)) {
                return path + " has fields " + gotNames + ", documented " + wantNames;
            }
            for (String field : wantNames) {
                JsonNode wantValue = want.get(field);
                JsonNode gotValue = got.get(field);
                if (GENERATED_FIELDS.contains(field) && wantValue.isTextual() && gotValue.isTextual()) {
                    if (!sameForm(wantValue.asText(), gotValue.asText())) {
                        return path + "." + field + " is " + gotValue + ", not of the form of " + wantValue;
                    }
                    continue;
                }
                String problem = treeMismatch(path + "." + field, wantValue, gotValue);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (want.isArray() && got.isArray()) {
            if (want.size() != got.size()) {
                return path + " has " + got.size() + " items, documented " + want.size();
            }
            Iterator<JsonNode> wanted = want.elements();
            Iterator<JsonNode> gotten = got.elements();
            for (int i = 0; wanted.hasNext(); i++) {
                String problem = treeMismatch(path + "[" + i + "]", wanted.next(), gotten.next());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (want.isTextual() && got.isTextual() && textMismatch(want.asText(), got.asText()) == null) {
            return null; // a message with a generated word in it (a time) of the documented form
        }
        return want.equals(got) ? null : path + " is " + got + ", documented " + want;
    }

    private static boolean sameForm(String documented, String actual) {
        return documented.equals(actual) || GENERATED.stream()
                .anyMatch(form -> form.matcher(documented).matches() && form.matcher(actual).matches());
    }

    /**
     * Where text is cut into words: around blanks, quotes and {@code ,=;}, and around a colon unless it stands
     * between digits (inside a time such as 2027-01-03T16:00:00Z, which is one generated word).
     */
    private static final String WORD_BOUNDARY =
            "((?<=[\\s\"',=;])|(?=[\\s\"',=;])|(?<=:)(?!\\d)|(?<!\\d)(?=:))";

    /** Text compared word by word; a word of a generated form matches any word of that form. */
    private static String textMismatch(String expected, String actual) {
        String[] want = expected.split(WORD_BOUNDARY);
        String[] got = actual.split(WORD_BOUNDARY);
        if (want.length == got.length) {
            boolean same = true;
            for (int i = 0; i < want.length && same; i++) {
                same = sameForm(want[i], got[i]);
            }
            if (same) {
                return null;
            }
        }
        return "printed `" + actual + "`, documented `" + expected + "`";
    }
}
