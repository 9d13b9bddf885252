package cloud.iotda.tests.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One function's package in its own JVM, bootstrapped by the Lambda runtime interface client: the package's
 * {@code lib/} jars and the client alone on the classpath, the handler string and environment given as Lambda gives
 * them.
 */
public final class LambdaProcess implements AutoCloseable {
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Process process;

    private LambdaProcess(Process process) {
        this.process = process;
    }

    public static LambdaProcess start(Path artifacts, String handler, Map<String, String> environment,
                                      RuntimeApiServer runtimeApi, Path log) throws IOException {
        String classpath = artifacts.resolve("lib") + File.separator + "*" + File.pathSeparator
                + runtimeClientClasspath();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, RIC_MAIN, handler);
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

    /** The runtime interface client and its serialization library, as the test JVM resolved them. */
    static String runtimeClientClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> {
                    String name = Path.of(entry).getFileName().toString();
                    return name.startsWith("aws-lambda-java-runtime-interface-client-")
                            || name.startsWith("aws-lambda-java-serialization-");
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
