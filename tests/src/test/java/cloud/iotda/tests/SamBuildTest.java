package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.tests.lambda.DeploymentZip;
import cloud.iotda.tests.lambda.LambdaPackage;
import cloud.iotda.tests.lambda.SamBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code sam build} as SAM runs it by default (each resource's CodeUri copied to a temporary folder, {@code make
 * --makefile <CodeUri>/Makefile build-<LogicalId>} there, one resource after the other) and with
 * {@code --build-in-source}: the jars are built once for the layer and every function, a second build of an unchanged
 * tree builds nothing, the dependencies are in the build folder once (the layer), and two builds of one commit are the
 * same byte for byte, down to the zips {@code sam package} uploads and their names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamBuildTest {
    private static final String BUILT = "building the functions' jars (Maven)";
    private static final String UP_TO_DATE = "the functions' jars are up to date";

    private final Path root = RepoFiles.root().resolve("tests/target/sam-build-test");
    private final Template template = Template.load(RepoFiles.template());
    private List<String> ids;
    private Duration first;
    private Duration second;

    @BeforeAll
    void buildTwiceAndInSource() throws Exception {
        // A change to the sources as far as bin/package can tell: the first build must build the jars.
        Path stamp = RepoFiles.root().resolve("target/sam-cache/sources");
        if (Files.exists(stamp)) {
            Files.writeString(stamp, "changed");
        }
        long started = System.nanoTime();
        ids = SamBuild.build(build("first"), SamBuild.Mode.DEFAULT, logs("first"));
        first = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        SamBuild.build(build("second"), SamBuild.Mode.DEFAULT, logs("second"));
        second = Duration.ofNanos(System.nanoTime() - started);
        SamBuild.build(build("in-source"), SamBuild.Mode.IN_SOURCE, logs("in-source"));
        System.out.printf("sam build, default mode, emulated: %d resources in %.1f s with the jars built once, "
                + "then %.1f s with nothing to build%n", ids.size(), first.toMillis() / 1e3, second.toMillis() / 1e3);
    }

    private Path build(String name) {
        return root.resolve(name).resolve(".aws-sam/build");
    }

    private Path logs(String name) {
        return root.resolve(name).resolve("logs");
    }

    private List<String> logLines(String build) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String id : ids) {
            lines.addAll(Files.readAllLines(logs(build).resolve(id + ".log")));
        }
        return lines;
    }

    @Test
    void everyFunctionAndTheLayerAreBuiltFromOneMavenBuild() throws IOException {
        Set<String> expected = new HashSet<>(template.functions().keySet());
        expected.add("DependenciesLayer");
        assertEquals(expected, new HashSet<>(ids), "sam build builds the layer and every function");
        assertEquals(1, logLines("first").stream().filter(line -> line.contains(BUILT)).count(),
                "one Maven build for all " + ids.size() + " targets");
    }

    @Test
    void aSecondBuildOfAnUnchangedTreeBuildsNothing() throws IOException {
        List<String> lines = logLines("second");
        assertEquals(0, lines.stream().filter(line -> line.contains(BUILT)).count(), lines.toString());
        assertEquals(ids.size(), lines.stream().filter(line -> line.contains(UP_TO_DATE)).count(), lines.toString());
    }

    @Test
    void theDependenciesAreInTheBuildFolderOnceInTheLayer() throws IOException {
        Map<String, LambdaPackage> packages = SamBuild.packages(ids, build("first"));
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(build("first"))) {
            for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).toList()) {
                try (JarFile opened = new JarFile(jar.toFile())) {
                    if (opened.getEntry("software/amazon/awssdk/core/SdkClient.class") != null) {
                        holding.add(jar);
                    }
                }
            }
        }
        assertEquals(List.of(build("first").resolve("DependenciesLayer/java/lib/iotda-dependencies.jar")), holding);
        Set<String> names = new HashSet<>();
        for (LambdaPackage function : packages.values()) {
            assertEquals(List.of(build("first").resolve("DependenciesLayer")), function.layers());
            names.add(DeploymentZip.checksum(function.function()));
        }
        // sam package names an upload by the folder's checksum: one object serves every function.
        assertEquals(1, names.size(), "every function's folder is the same: " + names);
    }

    @Test
    void twoBuildsOfOneCommitAreTheSameByteForByte() throws IOException {
        for (String other : List.of("second", "in-source")) {
            for (String id : ids) {
                Path a = build("first").resolve(id);
                Path b = build(other).resolve(id);
                assertEquals(files(a), files(b), id);
                for (String file : files(a)) {
                    assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)),
                            other + ": " + id + "/" + file);
                }
                assertArrayEquals(DeploymentZip.zip(a), DeploymentZip.zip(b), other + ": the zip sam package makes of "
                        + id);
                assertEquals(DeploymentZip.checksum(a), DeploymentZip.checksum(b), other + ": its object's name");
            }
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString()).sorted()
                    .toList();
        }
    }
}
