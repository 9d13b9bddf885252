package cloud.iotda.usecase.port;

/** A conditional write lost: someone else changed what it was conditioned on. Nothing was written. */
public final class Conflict extends RuntimeException {
    public Conflict(String what) {
        super(what, null, false, false);
    }
}
