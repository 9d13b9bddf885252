package cloud.iotda.tests.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One function's package in its own JVM, bootstrapped by the Lambda runtime interface client: the package's jars
 * (its own lib/, then its layers' java/lib/, as Lambda's Java runtime orders them) and the client alone on the
 * classpath, the handler string and environment given as Lambda gives them.
 */
public final class LambdaProcess implements AutoCloseable {
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Process process;

    private LambdaProcess(Process process) {
        this.process = process;
    }

    /** The function's resident memory now, from /proc (Linux), in kB; -1 where there is no /proc. */
    public long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()),
                    "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /**
     * JVM options of Lambda's managed Java runtimes (java17 and later) that do not depend on files of its image:
     * heap at about 85% of the function's 1024 MB, the serial collector, C1 only, IPv4, and the opened java.io; and
     * the function's 1024 MB as the memory the JVM sizes itself by (its container's, on Lambda; this machine has
     * 24 GB, which would start the heap at 384 MB). Benchmarks start functions with them; the class-data-sharing
     * archive of the runtime image is not here.
     */
    public static final List<String> MANAGED_RUNTIME_OPTIONS = List.of("-XX:MaxRAM=1024m",
            "-XX:MaxHeapSize=870m", "-XX:+UseSerialGC",
            "-Xshare:auto", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
            "--add-opens=java.base/java.io=ALL-UNNAMED");

    public static LambdaProcess start(LambdaPackage artifacts, String handler, Map<String, String> environment,
                                      RuntimeApiServer runtimeApi, Path log) throws IOException {
        return start(Path.of(System.getProperty("java.home")), List.of(), artifacts, handler, environment,
                runtimeApi, log);
    }

    /** As {@link #start(LambdaPackage, String, Map, RuntimeApiServer, Path)}, on the JDK at {@code javaHome}. */
    public static LambdaProcess start(Path javaHome, List<String> jvmOptions, LambdaPackage artifacts, String handler,
                                      Map<String, String> environment, RuntimeApiServer runtimeApi, Path log)
            throws IOException {
        String classpath = artifacts.classpath() + File.pathSeparator + runtimeClientClasspath();
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        // The runtime client's native library, unpacked once, named as Lambda's runtime names it: left to itself,
        // each client copies it to /tmp/.libaws-lambda-jni.so at start, and JVMs started together rewrite that file
        // while another maps it (a SIGBUS seen in CI).
        command.add("-D" + NATIVE_CLIENT_PROPERTY + "=" + nativeClientLibrary());
        command.addAll(List.of("-cp", classpath, RIC_MAIN, handler));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        env.put("_HANDLER", handler);
        env.put("AWS_LAMBDA_FUNCTION_NAME", log.getFileName().toString());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/test");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "test");
        env.putAll(environment);
        return new LambdaProcess(builder.start());
    }

    private static final String NATIVE_CLIENT_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static Path nativeClient;

    private static synchronized Path nativeClientLibrary() throws IOException {
        if (nativeClient == null) {
            String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
            String name = "libaws-lambda-jni.linux-" + arch + ".so";
            Path file = Files.createTempDirectory("lambda-jni-").resolve(name);
            try (InputStream in = LambdaProcess.class.getClassLoader().getResourceAsStream("jni/" + name)) {
                if (in == null) {
                    throw new IOException("the runtime interface client has no " + name);
                }
                Files.copy(in, file);
            }
            nativeClient = file;
        }
        return nativeClient;
    }

    /** The runtime interface client and what it needs (as Lambda's image has them), as the test JVM resolved them. */
    static String runtimeClientClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> {
                    String name = Path.of(entry).getFileName().toString();
                    return name.startsWith("aws-lambda-java-runtime-interface-client-")
                            || name.startsWith("aws-lambda-java-serialization-")
                            // The client uses the SDK's utils-lite; Lambda's image brings it with the client.
                            || name.startsWith("utils-lite-");
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
