package cloud.iotda.tests.bench;

import cloud.iotda.functions.ApiHandler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The benchmark's stand-in for a function restored from a SnapStart snapshot: the handler {@code PRIMED_HANDLER}
 * names, built and primed at init as it primes before a snapshot, then called. It ships in a layer of its own that
 * only the benchmark adds, so the function's code holds no switch for it.
 */
public final class PrimedAtInit implements RequestStreamHandler {
    public static final String HANDLER_ENV = "PRIMED_HANDLER";

    private final ApiHandler handler;

    public PrimedAtInit() throws ReflectiveOperationException {
        handler = (ApiHandler) Class.forName(System.getenv(HANDLER_ENV)).getConstructor().newInstance();
        handler.prime();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handler.handleRequest(input, output, context);
    }
}
