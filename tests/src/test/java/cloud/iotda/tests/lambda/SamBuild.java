package cloud.iotda.tests.lambda;

import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the template's makefile resources (the layer and every function) as {@code sam build} does (AWS Lambda
 * Builders' CustomMakeBuilder): in its default mode it copies the resource's CodeUri (a layer's ContentUri) to a
 * temporary folder, leaving out {@code .git} and {@code .aws-sam}, runs {@code make --makefile <CodeUri>/Makefile
 * build-<LogicalId>} there with {@code ARTIFACTS_DIR} in the environment, one resource after the other, and copies the
 * artifacts into {@code .aws-sam/build/<LogicalId>} with their times (Python's shutil.copy2); with
 * {@code --build-in-source} it runs make in the CodeUri itself.
 */
public final class SamBuild {
    /** How sam build runs make: in a temporary copy of the CodeUri (its default), or in it. */
    public enum Mode { DEFAULT, IN_SOURCE }

    /** Folders sam build's copy leaves out (CustomMakeWorkflow.EXCLUDED_FILES). */
    private static final Set<String> EXCLUDED = Set.of(".git", ".aws-sam");

    private static Map<String, LambdaPackage> built;

    private SamBuild() {
    }

    /** Every function's package from one default-mode build of the repository, made once per test JVM. */
    public static synchronized LambdaPackage packageOf(String logicalId) throws IOException, InterruptedException {
        if (built == null) {
            Path buildDir = RepoFiles.root().resolve("tests/target/sam-build/.aws-sam/build");
            built = packages(build(buildDir, Mode.DEFAULT, buildDir.resolveSibling("logs")), buildDir);
        }
        LambdaPackage found = built.get(logicalId);
        if (found == null) {
            throw new AssertionError("template.yaml has no function " + logicalId);
        }
        return found;
    }

    /**
     * Builds every makefile resource of template.yaml into {@code buildDir}/<LogicalId>, as sam build in {@code mode};
     * each make's output goes to {@code logs}/<LogicalId>.log. The logical ids built, in the template's order.
     */
    public static List<String> build(Path buildDir, Mode mode, Path logs) throws IOException, InterruptedException {
        delete(buildDir);
        Files.createDirectories(buildDir);
        Files.createDirectories(logs);
        Path templateDir = RepoFiles.root();
        List<String> ids = new ArrayList<>();
        for (Template.Build resource : Template.load(RepoFiles.template()).builds()) {
            if (!"makefile".equals(resource.buildMethod())) {
                throw new AssertionError(resource.logicalId() + " is not built by a makefile");
            }
            Path code = templateDir.resolve(resource.codeUri()).normalize();
            Path artifacts = Files.createTempDirectory("sam-artifacts-");
            Path scratch = mode == Mode.IN_SOURCE ? code : Files.createTempDirectory("sam-scratch-");
            try {
                if (mode == Mode.DEFAULT) {
                    copy(code, scratch, true);
                }
                Path log = logs.resolve(resource.logicalId() + ".log");
                ProcessBuilder make = new ProcessBuilder("make", "--makefile", code.resolve("Makefile").toString(),
                        "build-" + resource.logicalId())
                        .directory(scratch.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
                make.environment().put("ARTIFACTS_DIR", artifacts.toString());
                Process process = make.start();
                if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new AssertionError("make build-" + resource.logicalId() + " failed:\n"
                            + Files.readString(log));
                }
                copy(artifacts, buildDir.resolve(resource.logicalId()), false);
            } finally {
                delete(artifacts);
                if (mode == Mode.DEFAULT) {
                    delete(scratch);
                }
            }
            ids.add(resource.logicalId());
        }
        return ids;
    }

    /** Each function's package in a build folder: its own folder and its layers' folders. */
    public static Map<String, LambdaPackage> packages(List<String> ids, Path buildDir) {
        Map<String, LambdaPackage> packages = new LinkedHashMap<>();
        for (Template.Build resource : Template.load(RepoFiles.template()).builds()) {
            if (!resource.layer() && ids.contains(resource.logicalId())) {
                packages.put(resource.logicalId(), new LambdaPackage(buildDir.resolve(resource.logicalId()),
                        resource.layers().stream().map(buildDir::resolve).toList()));
            }
        }
        return packages;
    }

    /** Copies a tree with its files' times; {@code excluding} leaves out what sam build's copy leaves out. */
    private static void copy(Path from, Path to, boolean excluding) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (excluding && !dir.equals(from) && EXCLUDED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.setLastModifiedTime(to.resolve(from.relativize(dir).toString()),
                        Files.getLastModifiedTime(dir));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
