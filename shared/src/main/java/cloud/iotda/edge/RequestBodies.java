package cloud.iotda.edge;

import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.catalogue.FlavorSpec;
import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Network;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.ProfileChange;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Creation;
import cloud.iotda.edge.internal.IpAddresses;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Request bodies read into domain values by the documented rules; each refusal is INVALID_INPUT naming the field
 * by its path. The flavor and window readers also serve other documents (seed files) under their own paths.
 */
public final class RequestBodies {
    private static final String NAME_RULE =
            "name must be 1..64 characters of Chinese characters, letters, digits, _ and -";
    private static final String DESCRIPTION_RULE =
            "description must be at most 256 characters of Chinese characters, letters, digits and _,，.。、&-";
    private static final Pattern ENTERPRISE_PROJECT = Pattern.compile("0|[a-f0-9-]{1,36}");
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DOMAIN_NAME =
            Pattern.compile("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    /** This service's own limits where none is documented: allow-list entries and their notes. */
    private static final int MAX_ALLOWED_ADDRESSES = 100;
    private static final int MAX_NOTE = 128;

    private RequestBodies() {
    }

    public static Change.Resize resize(ObjectNode body, FlavorCatalogue catalogue) {
        JsonFields fields = JsonFields.of(body);
        Flavor flavor = flavor(fields.requiredObject("flavor"), catalogue);
        return new Change.Resize(flavor, fields.optionalBoolean("delay", false),
                fields.optionalBoolean("is_auto_pay", false));
    }

    public static Change.ChargeModeChange chargeMode(ObjectNode body) {
        JsonFields fields = JsonFields.of(body);
        Period period = period(fields);
        return new Change.ChargeModeChange(period.type(), period.num(), fields.optionalBoolean("is_auto_renew", false),
                fields.optionalBoolean("is_auto_pay", false));
    }

    /** UpdateInstance: each field optional, at least one given. */
    public static ProfileChange profileChange(ObjectNode body) {
        JsonFields fields = JsonFields.of(body);
        Optional<String> name = fields.optionalString("name");
        if (name.isPresent() && !ProfileChange.isValidName(name.get())) {
            throw Rejected.invalid(NAME_RULE);
        }
        Optional<String> description = fields.optionalString("description");
        if (description.isPresent() && !ProfileChange.isValidDescription(description.get())) {
            throw Rejected.invalid(DESCRIPTION_RULE);
        }
        Optional<OperateWindow> window = fields.optionalObject("operate_window").map(RequestBodies::window);
        Optional<Network.AccessChange> access = fields.optionalObject("access_info").map(RequestBodies::accessChange);
        boolean enableSnat = fields.optionalObject("forwarding_info").map(RequestBodies::enableSnat).orElse(false);
        if (name.isEmpty() && description.isEmpty() && window.isEmpty() && access.isEmpty() && !enableSnat) {
            throw Rejected.invalid("at least one of name, description, operate_window, access_info and "
                    + "forwarding_info is required");
        }
        return new ProfileChange(name, description, window, access, enableSnat);
    }

    /** A published flavor with a size that fits it. */
    public static Flavor flavor(JsonFields fields, FlavorCatalogue catalogue) {
        String type = fields.requiredString("type");
        FlavorSpec spec = catalogue.find(type)
                .orElseThrow(() -> Rejected.invalid(fields.path("type") + " " + type + " is not a published flavor"));
        Optional<Long> size = fields.optionalInteger("size");
        String sizePath = fields.path("size");
        if (!spec.sized()) {
            if (size.isPresent()) {
                throw Rejected.invalid(sizePath + " must be absent for enterprise edition flavor " + type);
            }
            return new Flavor(type, null);
        }
        long requested = size.orElseThrow(() -> Rejected.invalid(
                sizePath + " is required for standard edition flavor " + type));
        if (!spec.allowsSize(requested)) {
            throw Rejected.invalid(sizePath + " must be " + spec.minSize() + ".." + spec.maxSize() + " for " + type);
        }
        return new Flavor(type, (int) requested);
    }

    /** A change window: two UTC {@code HH:mm} times at least {@link OperateWindow#MIN_LENGTH} apart. */
    public static OperateWindow window(JsonFields fields) {
        LocalTime start = time(fields, "start_time");
        LocalTime end = time(fields, "end_time");
        long minutes = OperateWindow.minutesBetween(start, end);
        if (minutes < OperateWindow.MIN_LENGTH.toMinutes()) {
            throw Rejected.invalid(fields.path("") + " must be at least " + OperateWindow.MIN_LENGTH.toHours()
                    + " hour long (end_time is " + minutes + " minutes after start_time)");
        }
        return new OperateWindow(start, end);
    }

    /** CreateInstance in {@code projectId}: a new id is made unless the operator CLI chose one. */
    public static Creation.Request createInstance(ObjectNode body, String projectId, FlavorCatalogue catalogue) {
        JsonFields fields = JsonFields.of(body);
        Edition edition = edition(fields, "instance_type");
        Flavor flavor = flavor(fields.requiredObject("flavor"), catalogue);
        if (catalogue.find(flavor.type()).orElseThrow().edition() != edition) {
            throw Rejected.invalid("flavor.type " + flavor.type() + " is not a " + edition.wireName()
                    + " edition flavor");
        }
        String name = fields.requiredString("name");
        if (!ProfileChange.isValidName(name)) {
            throw Rejected.invalid(NAME_RULE);
        }
        Optional<String> description = fields.optionalString("description");
        if (description.isPresent() && !ProfileChange.isValidDescription(description.get())) {
            throw Rejected.invalid(DESCRIPTION_RULE);
        }
        Optional<String> enterpriseProject = fields.optionalString("enterprise_project_id");
        if (enterpriseProject.isPresent() && !ENTERPRISE_PROJECT.matcher(enterpriseProject.get()).matches()) {
            throw Rejected.invalid("enterprise_project_id must be 0 or 1..36 characters of a-f, 0-9 and -");
        }
        Tags tags = fields.optionalObjects("tags").map(list -> new Tags(tagList("tags", list, true)))
                .orElse(Tags.NONE);
        Network network = fields.optionalObject("additional_params")
                .map(params -> network(params, edition)).orElse(Network.NONE);
        return new Creation.Request(projectId, Optional.empty(), name, description.orElse(null), edition, flavor,
                chargeInfo(fields.requiredObject("charge_info")), enterpriseProject.orElse(null), tags, network, null);
    }

    /** Billing of a new instance: pay-per-use, or a yearly/monthly period (which pay-per-use ignores). */
    public static ChargeInfo chargeInfo(JsonFields fields) {
        ChargeMode mode;
        try {
            mode = ChargeMode.fromWireName(fields.requiredString("charge_mode"));
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(fields.path("charge_mode") + " must be prePaid or postPaid");
        }
        if (mode == ChargeMode.POST_PAID) {
            return ChargeInfo.postPaid();
        }
        Period period = period(fields);
        return ChargeInfo.prePaid(period.type(), period.num(), fields.optionalBoolean("is_auto_renew", false),
                fields.optionalBoolean("is_auto_pay", false));
    }

    /** Bind/UnbindInstanceTags: {@code {"tags": [{"key": ..., "value": ...}]}}, 1..20 tags, each key once. */
    public static List<Tag> tags(ObjectNode body) {
        List<JsonFields> list = JsonFields.of(body).requiredObjects("tags");
        if (list.isEmpty()) {
            throw Rejected.invalid("tags must hold at least one tag");
        }
        return tagList("tags", list, true);
    }

    private static List<Tag> tagList(String name, List<JsonFields> list, boolean uniqueKeys) {
        if (list.size() > Tags.MAX_TAGS) {
            throw Rejected.invalid(name + " must hold at most " + Tags.MAX_TAGS + " tags");
        }
        List<Tag> tags = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonFields tag : list) {
            String key = tag.requiredString("key");
            if (!Tag.isValidKey(key)) {
                throw Rejected.invalid(tag.path("key") + " must be 1.." + Tag.MAX_KEY_LENGTH + " letters, digits, "
                        + "spaces and _.:=+-@, not starting or ending with a space");
            }
            String value = tag.optionalString("value").orElse(null);
            if (!Tag.isValidValue(value)) {
                throw Rejected.invalid(tag.path("value") + " must be at most " + Tag.MAX_VALUE_LENGTH
                        + " letters, digits, spaces and _.:=+-@");
            }
            if (uniqueKeys && !keys.add(key)) {
                throw Rejected.invalid(tag.path("key") + " " + key + " is given twice");
            }
            tags.add(new Tag(key, value));
        }
        return tags;
    }

    /** An enterprise instance's network placement; a standard instance has none, and two fields are not kept. */
    private static Network network(JsonFields params, Edition edition) {
        if (edition != Edition.ENTERPRISE) {
            throw Rejected.invalid(params.path("") + " is for enterprise edition instances only");
        }
        for (String unsupported : new String[] {"smn_topic_urn", "port_info"}) {
            if (params.has(unsupported)) {
                throw Rejected.invalid(params.path(unsupported) + " is not supported by this service");
            }
        }
        return new Network(resourceId(params, "vpc_id"), resourceId(params, "subnet_id"),
                resourceId(params, "security_group_id"), resourceId(params, "ciphering_algorithm"), false, List.of());
    }

    private static String resourceId(JsonFields fields, String name) {
        Optional<String> value = fields.optionalString(name);
        if (value.isPresent() && !RESOURCE_ID.matcher(value.get()).matches()) {
            throw Rejected.invalid(fields.path(name) + " must be 1..64 letters, digits, _ and -");
        }
        return value.orElse(null);
    }

    /** UpdateInstance's access_info: one access type's domain name and (application access only) allow list. */
    private static Network.AccessChange accessChange(JsonFields fields) {
        Network.AccessType type;
        try {
            type = Network.AccessType.valueOf(fields.requiredString("access_type"));
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(fields.path("access_type") + " must be one of APP_HTTPS, APP_AMQP, APP_MQTT, "
                    + "DEVICE_COAP, DEVICE_MQTT, DEVICE_HTTPS");
        }
        if (fields.has("public_addresses_enable")) {
            throw Rejected.invalid(fields.path("public_addresses_enable")
                    + " is not supported by this service: it has no public address to assign");
        }
        Optional<String> domain = fields.optionalString("domain_name");
        if (domain.isPresent() && !DOMAIN_NAME.matcher(domain.get()).matches()) {
            throw Rejected.invalid(fields.path("domain_name") + " must be a domain name of at most 253 characters");
        }
        Optional<Network.Whitelist> whitelist = fields.optionalObject("ip_whitelist").map(list -> {
            if (!type.allowsWhitelist()) {
                throw Rejected.invalid(list.path("") + " is only for APP_HTTPS, APP_AMQP and APP_MQTT");
            }
            return whitelist(list);
        });
        if (domain.isEmpty() && whitelist.isEmpty()) {
            throw Rejected.invalid(fields.path("") + " must set domain_name or ip_whitelist");
        }
        return new Network.AccessChange(type, domain, whitelist);
    }

    private static Network.Whitelist whitelist(JsonFields fields) {
        boolean enabled = fields.optionalBoolean("enable", false);
        List<Network.AllowedAddress> addresses = new ArrayList<>();
        for (JsonFields entry : fields.optionalObjects("allow_list").orElse(List.of())) {
            String address = entry.requiredString("address");
            if (!IpAddresses.isAddressOrBlock(address)) {
                throw Rejected.invalid(entry.path("address") + " must be an IPv4 or IPv6 address or CIDR block");
            }
            String note = entry.optionalString("description").orElse(null);
            if (note != null && (note.length() > MAX_NOTE || !ProfileChange.isValidDescription(note))) {
                throw Rejected.invalid(entry.path("description") + " must be at most " + MAX_NOTE
                        + " Chinese characters, letters, digits and _,，.。、&-");
            }
            addresses.add(new Network.AllowedAddress(address, note));
        }
        if (addresses.size() > MAX_ALLOWED_ADDRESSES) {
            throw Rejected.invalid(fields.path("allow_list") + " must hold at most " + MAX_ALLOWED_ADDRESSES
                    + " addresses");
        }
        return new Network.Whitelist(enabled, addresses);
    }

    private static boolean enableSnat(JsonFields fields) {
        if (!fields.has("enable_snat")) {
            throw Rejected.invalid(fields.path("enable_snat") + " is required");
        }
        if (!fields.optionalBoolean("enable_snat", false)) {
            throw Rejected.invalid(fields.path("enable_snat") + " can only be true: SNAT cannot be turned off");
        }
        return true;
    }

    private static Edition edition(JsonFields fields, String name) {
        try {
            return Edition.fromWireName(fields.requiredString(name));
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(fields.path(name) + " must be standard or enterprise");
        }
    }

    private record Period(PeriodType type, int num) {
    }

    private static Period period(JsonFields fields) {
        String typeName = fields.requiredString("period_type");
        PeriodType periodType;
        try {
            periodType = PeriodType.fromWireName(typeName);
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(fields.path("period_type") + " must be month or year");
        }
        long periodNum = fields.requiredInteger("period_num");
        if (periodNum < 1 || periodNum > periodType.maxPeriods()) {
            throw Rejected.invalid(fields.path("period_num") + " must be 1.." + periodType.maxPeriods()
                    + " when period_type is " + periodType.wireName());
        }
        return new Period(periodType, (int) periodNum);
    }

    private static LocalTime time(JsonFields fields, String name) {
        LocalTime time = OperateWindow.parseTime(fields.requiredString(name));
        if (time == null) {
            throw Rejected.invalid(fields.path(name) + " must be HH:mm (UTC)");
        }
        return time;
    }
}
