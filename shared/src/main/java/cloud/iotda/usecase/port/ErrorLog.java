package cloud.iotda.usecase.port;

/** Where a failure that no caller sees (one order of a processor run) is reported. */
@FunctionalInterface
public interface ErrorLog {
    void error(String message, Throwable error);
}
