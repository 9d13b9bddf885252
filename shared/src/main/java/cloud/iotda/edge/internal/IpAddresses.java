package cloud.iotda.edge.internal;

import java.util.regex.Pattern;

/** IP addresses and CIDR blocks as text, checked without name resolution. */
public final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_GROUPS = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private IpAddresses() {
    }

    /** An IPv4 or IPv6 address, optionally with a prefix length ({@code 10.0.0.0/8}, {@code 2001:db8::/32}). */
    public static boolean isAddressOrBlock(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        String prefix = slash < 0 ? null : text.substring(slash + 1);
        boolean v4 = IPV4.matcher(address).matches();
        boolean v6 = !v4 && isIpv6(address);
        if (!v4 && !v6) {
            return false;
        }
        if (prefix == null) {
            return true;
        }
        if (!prefix.matches("\\d{1,3}")) {
            return false;
        }
        return Integer.parseInt(prefix) <= (v4 ? 32 : 128);
    }

    private static boolean isIpv6(String address) {
        if (address.isEmpty() || address.chars().filter(c -> c == ':').count() < 2) {
            return false;
        }
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] halves = doubleColon >= 0
                ? new String[] {address.substring(0, doubleColon), address.substring(doubleColon + 2)}
                : new String[] {address};
        int groups = 0;
        for (String half : halves) {
            if (half.isEmpty()) {
                continue;
            }
            for (String group : half.split(":", -1)) {
                if (!IPV6_GROUPS.matcher(group).matches()) {
                    return false;
                }
                groups++;
            }
        }
        return doubleColon >= 0 ? groups < 8 : groups == 8;
    }
}
