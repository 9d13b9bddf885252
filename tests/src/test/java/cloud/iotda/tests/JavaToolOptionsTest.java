package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.tests.lambda.LambdaProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JVM options template.yaml gives every function in {@code JAVA_TOOL_OPTIONS}, as a JVM started the way Lambda's
 * managed runtime starts one sees them: the variable first, the runtime's own options after it on the command line.
 * Lambda's java21 JVM is not here; this machine's JDK 17 and, where installed, Temurin 25 stand on either side of it.
 */
class JavaToolOptionsTest {
    private static final String VARIABLE = "JAVA_TOOL_OPTIONS";
    private final Template template = Template.load(RepoFiles.template());

    static Stream<Path> javaHomes() {
        List<Path> homes = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path temurin25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        if (Files.isExecutable(temurin25.resolve("bin/java"))) {
            homes.add(temurin25);
        }
        return homes.stream();
    }

    @Test
    void everyFunctionGetsTheSameOptions() {
        String options = options();
        for (String function : template.functions().keySet()) {
            JsonNode declared = template.environment(function).get(VARIABLE);
            assertEquals(options, declared == null ? null : declared.asText(), function);
        }
    }

    @ParameterizedTest
    @MethodSource("javaHomes")
    void theOptionsStartAJvmThatCompilesWithOneC1ThreadOnly(Path javaHome) throws Exception {
        JvmRun run = flagsOf(javaHome, options());
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("1", flag(run.output(), "CICompilerCount"), run.output());
        assertEquals("1", flag(run.output(), "TieredStopAtLevel"), run.output());
        assertTrue(run.output().contains("Picked up " + VARIABLE + ": " + options()), run.output());
    }

    @ParameterizedTest
    @MethodSource("javaHomes")
    void oneCompilerThreadWithoutC1OnlyStopsTheJvm(Path javaHome) throws Exception {
        // Why the template keeps TieredStopAtLevel=1 beside CICompilerCount=1: a runtime that compiled with C2 too
        // (java25 with SnapStart, say) would otherwise refuse to start every function.
        JvmRun run = flagsOf(javaHome, options().replace("-XX:TieredStopAtLevel=1", ""), List.of());
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("CICompilerCount (1) must be at least 2"), run.output());
    }

    private String options() {
        JsonNode declared = template.environment("ShowInstanceFunction").get(VARIABLE);
        assertTrue(declared != null && declared.isTextual(), "template.yaml declares " + VARIABLE);
        return declared.asText();
    }

    private record JvmRun(int exitCode, String output) {
    }

    private static JvmRun flagsOf(Path javaHome, String toolOptions) throws Exception {
        return flagsOf(javaHome, toolOptions, LambdaProcess.MANAGED_RUNTIME_OPTIONS);
    }

    /** {@code java [runtimeOptions] -XX:+PrintFlagsFinal -version} with {@code JAVA_TOOL_OPTIONS} set. */
    private static JvmRun flagsOf(Path javaHome, String toolOptions, List<String> runtimeOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        command.addAll(runtimeOptions);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(VARIABLE, toolOptions);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -version did not end: " + command);
        }
        return new JvmRun(process.exitValue(), output);
    }

    private static String flag(String flagsFinal, String name) {
        Matcher matcher = Pattern.compile("\\s" + name + "\\s+=\\s+(\\S+)").matcher(flagsFinal);
        return matcher.find() ? matcher.group(1) : null;
    }
}
