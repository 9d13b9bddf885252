package cloud.iotda.domain.instance;

/**
 * What an instance is called and where it lives: what UpdateInstance and the tag operations change; the region and
 * the enterprise project are set when it is created.
 */
public record Profile(String name, String description, String regionId, String enterpriseProjectId,
                      OperateWindow operateWindow, Tags tags, Network network) {

    public Profile {
        tags = tags == null ? Tags.NONE : tags;
        network = network == null ? Network.NONE : network;
    }

    /** Named {@code name}, nothing else set. */
    public static Profile named(String name) {
        return new Profile(name, null, null, null, null, Tags.NONE, Network.NONE);
    }

    public Profile with(ProfileChange change) {
        Network changed = change.enableSnat() ? network.withSnatEnabled() : network;
        if (change.access().isPresent()) {
            changed = changed.with(change.access().get());
        }
        return new Profile(change.name().orElse(name), change.description().orElse(description), regionId,
                enterpriseProjectId, change.operateWindow().orElse(operateWindow), tags, changed);
    }

    public Profile withName(String value) {
        return new Profile(value, description, regionId, enterpriseProjectId, operateWindow, tags, network);
    }

    public Profile withDescription(String value) {
        return new Profile(name, value, regionId, enterpriseProjectId, operateWindow, tags, network);
    }

    public Profile withRegion(String value) {
        return new Profile(name, description, value, enterpriseProjectId, operateWindow, tags, network);
    }

    public Profile withEnterpriseProject(String value) {
        return new Profile(name, description, regionId, value, operateWindow, tags, network);
    }

    public Profile withOperateWindow(OperateWindow value) {
        return new Profile(name, description, regionId, enterpriseProjectId, value, tags, network);
    }

    public Profile withTags(Tags value) {
        return new Profile(name, description, regionId, enterpriseProjectId, operateWindow, value, network);
    }

    public Profile withNetwork(Network value) {
        return new Profile(name, description, regionId, enterpriseProjectId, operateWindow, tags, value);
    }
}
