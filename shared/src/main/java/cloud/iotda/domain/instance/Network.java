package cloud.iotda.domain.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An enterprise instance's network: where it was placed (VPC, subnet, security group, data encryption), whether
 * it may reach public networks (SNAT, which once on stays on), and the access settings set per access type.
 */
public record Network(String vpcId, String subnetId, String securityGroupId, String cipheringAlgorithm,
                      boolean snatEnabled, List<Access> accesses) {

    /** How applications and devices reach the instance. */
    public enum AccessType {
        APP_HTTPS, APP_AMQP, APP_MQTT, DEVICE_COAP, DEVICE_MQTT, DEVICE_HTTPS;

        /** Only application access can have an IP allow list. */
        public boolean allowsWhitelist() {
            return this == APP_HTTPS || this == APP_AMQP || this == APP_MQTT;
        }
    }

    /** One address the allow list admits: an IP address or CIDR block, with a note. */
    public record AllowedAddress(String address, String description) {
    }

    /** The IP allow list of one application access type. */
    public record Whitelist(boolean enabled, List<AllowedAddress> addresses) {
        public Whitelist {
            addresses = List.copyOf(addresses);
        }
    }

    /** The settings of one access type: its domain name and, for application access, its allow list. */
    public record Access(AccessType type, String domainName, Whitelist whitelist) {
    }

    /** A change to one access type's settings; what is not given stays. */
    public record AccessChange(AccessType type, Optional<String> domainName, Optional<Whitelist> whitelist) {
        public AccessChange {
            if (whitelist.isPresent() && !type.allowsWhitelist()) {
                throw new IllegalArgumentException(type + " has no allow list");
            }
        }
    }

    public static final Network NONE = new Network(null, null, null, null, false, List.of());

    public Network {
        accesses = List.copyOf(accesses);
    }

    public Network withSnatEnabled() {
        return new Network(vpcId, subnetId, securityGroupId, cipheringAlgorithm, true, accesses);
    }

    public Network with(AccessChange change) {
        List<Access> changed = new ArrayList<>();
        Access current = accesses.stream().filter(access -> access.type() == change.type()).findFirst()
                .orElse(new Access(change.type(), null, null));
        for (Access access : accesses) {
            if (access.type() != change.type()) {
                changed.add(access);
            }
        }
        changed.add(new Access(change.type(), change.domainName().orElse(current.domainName()),
                change.whitelist().orElse(current.whitelist())));
        changed.sort((a, b) -> a.type().compareTo(b.type()));
        return new Network(vpcId, subnetId, securityGroupId, cipheringAlgorithm, snatEnabled, changed);
    }

    /** Whether anything is set at all (the answer shows only what is). */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
