package cloud.iotda.usecase.port;

import java.time.Instant;
import java.util.Optional;

/** The instant of the order processor's latest pass, so that a pass "as of" an instant never goes back in time. */
public interface ProcessorPasses {

    /** The latest instant a pass ran as of, if any ran. */
    Optional<Instant> latest();

    /** Records a pass as of {@code at}; a later one recorded already stays. */
    void record(Instant at);
}
