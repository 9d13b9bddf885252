package cloud.iotda.domain.instance;

/** A flavor as requested or held: the type name and, for standard editions, the unit count ({@code null} otherwise). */
public record Flavor(String type, Integer size) {

    @Override
    public String toString() {
        return size == null ? type : type + " x" + size;
    }
}
