package cloud.iotda.local;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A port the local API was asked to listen on is held by another process: what to do about it, in one line. */
final class PortInUse extends Exception {
    PortInUse(int port, String what) {
        super("port " + port + " (" + what + ") is in use, perhaps by another ./bin/local-api: stop that one, or "
                + "choose other ports with --port and --dynamodb-port (0 picks a free one)");
    }

    /** Refuses a port (0 excepted: any free one) that cannot be listened on now. */
    static void check(String host, int port, String what) throws PortInUse {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (BindException taken) {
            throw new PortInUse(port, what);
        } catch (IOException other) {
            // not a busy port: the server's own start reports it
        }
    }

    /**
     * {@code failure} as a PortInUse if a bind failed under it (another process took the port between the check and
     * the start), else itself.
     */
    static Exception orItself(Exception failure, int port, String what) {
        return isBindFailure(failure) ? new PortInUse(port, what) : failure;
    }

    /** Whether a server failed to start because its port was taken (Jetty says so in an IOException's words). */
    static boolean isBindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException || String.valueOf(cause.getMessage()).startsWith("Failed to bind")) {
                return true;
            }
        }
        return false;
    }
}
