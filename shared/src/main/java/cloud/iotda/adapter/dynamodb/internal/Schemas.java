package cloud.iotda.adapter.dynamodb.internal;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The items' table schemas, written out: the same attributes, names and key tags as the beans' annotations say, but
 * built without the bean introspection of TableSchema.fromBean, and without a lambda per attribute (each would be
 * a hidden class spun at init): one switch per item class reads and writes its attributes by number. SchemasTest
 * keeps them equal to the beans' mapping; bench/results.md has what each step gave.
 */
public final class Schemas {
    private Schemas() {
    }

    /** One item class's attributes, read and written by number. */
    private interface Access<T> {
        Object get(T item, int attribute);

        void set(T item, int attribute, Object value);
    }

    /** Attribute number {@code index} of {@code access} as the getter and setter of a schema attribute. */
    private record Accessor<T, R>(Access<T> access, int index) implements Function<T, R>, BiConsumer<T, R> {
        @Override
        @SuppressWarnings("unchecked")
        public R apply(T item) {
            return (R) access.get(item, index);
        }

        @Override
        public void accept(T item, R value) {
            access.set(item, index, value);
        }
    }

    private static <T, R> StaticAttribute<T, R> attribute(Class<T> item, EnhancedType<R> type, String name,
                                                         Access<T> access, int index, StaticAttributeTag... tags) {
        Accessor<T, R> accessor = new Accessor<>(access, index);
        return StaticAttribute.builder(item, type).name(name).getter(accessor).setter(accessor)
                .tags(List.of(tags)).build();
    }

    public static final StaticTableSchema<AllowedAddressItem> ALLOWED_ADDRESS = schemaAllowedAddressItem();

    private static StaticTableSchema<AllowedAddressItem> schemaAllowedAddressItem() {
        AllowedAddressItemAccess access = new AllowedAddressItemAccess();
        return StaticTableSchema.builder(AllowedAddressItem.class)
            .newItemSupplier(AllowedAddressItem::new)
            .addAttribute(attribute(AllowedAddressItem.class, EnhancedType.of(String.class), "address", access, 0))
            .addAttribute(attribute(AllowedAddressItem.class, EnhancedType.of(String.class), "description", access, 1))
            .build();
    }

    public static final StaticTableSchema<AccessItem> ACCESS = schemaAccessItem();

    private static StaticTableSchema<AccessItem> schemaAccessItem() {
        AccessItemAccess access = new AccessItemAccess();
        return StaticTableSchema.builder(AccessItem.class)
            .newItemSupplier(AccessItem::new)
            .addAttribute(attribute(AccessItem.class, EnhancedType.of(String.class), "type", access, 0))
            .addAttribute(attribute(AccessItem.class, EnhancedType.of(String.class), "domainName", access, 1))
            .addAttribute(attribute(AccessItem.class, EnhancedType.of(Boolean.class), "whitelistEnabled", access, 2))
            .addAttribute(attribute(AccessItem.class,
                    EnhancedType.listOf(EnhancedType.documentOf(AllowedAddressItem.class, ALLOWED_ADDRESS)),
                            "allowedAddresses", access, 3))
            .build();
    }

    public static final StaticTableSchema<TagItem> TAG = schemaTagItem();

    private static StaticTableSchema<TagItem> schemaTagItem() {
        TagItemAccess access = new TagItemAccess();
        return StaticTableSchema.builder(TagItem.class)
            .newItemSupplier(TagItem::new)
            .addAttribute(attribute(TagItem.class, EnhancedType.of(String.class), "key", access, 0))
            .addAttribute(attribute(TagItem.class, EnhancedType.of(String.class), "value", access, 1))
            .build();
    }

    public static final StaticTableSchema<InstanceItem> INSTANCE = schemaInstanceItem();

    private static StaticTableSchema<InstanceItem> schemaInstanceItem() {
        InstanceItemAccess access = new InstanceItemAccess();
        return StaticTableSchema.builder(InstanceItem.class)
            .newItemSupplier(InstanceItem::new)
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "pk", access, 0,
                    primaryPartitionKey()))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "sk", access, 1,
                    primarySortKey()))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "entity", access, 2))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "projectId", access, 3))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "instanceId", access, 4))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "name", access, 5))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "description", access, 6))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "instanceType", access, 7))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "flavorType", access, 8))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(Integer.class), "flavorSize", access, 9))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "chargeMode", access, 10))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "status", access, 11))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "periodType", access, 12))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(Integer.class), "periodNum", access, 13))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(Boolean.class), "autoRenew", access, 14))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "expireTime", access, 15))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "windowStart", access, 16))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "windowEnd", access, 17))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "orderId", access, 18))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "lastOrderId", access, 19))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "lastRequestHash", access, 20))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "lastOrderTime", access, 21))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "createTime", access, 22))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "updateTime", access, 23))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(Long.class), "version", access, 24))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "regionId", access, 25))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "enterpriseProjectId", access,
                    26))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.listOf(EnhancedType.documentOf(TagItem.class,
                    TAG)), "tags", access, 27))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "vpcId", access, 28))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "subnetId", access, 29))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "securityGroupId", access, 30))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "cipheringAlgorithm", access,
                    31))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(Boolean.class), "snatEnabled", access, 32))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.listOf(EnhancedType.documentOf(AccessItem.class,
                    ACCESS)), "accesses", access, 33))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "deleteTime", access, 34))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "projectKey", access, 35,
                    secondaryPartitionKey("ByProject")))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "listedAt", access, 36,
                    secondarySortKey("ByProject")))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(Long.class), "taskCount", access, 37))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "subscriptionStart", access,
                    38))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(Integer.class), "subscriptionMonths", access,
                    39))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "dueKind", access, 40,
                    secondaryPartitionKey("DueOrders")))
            .addAttribute(attribute(InstanceItem.class, EnhancedType.of(String.class), "dueAt", access, 41,
                    secondarySortKey("DueOrders")))
            .build();
    }

    public static final StaticTableSchema<OrderItem> ORDER = schemaOrderItem();

    private static StaticTableSchema<OrderItem> schemaOrderItem() {
        OrderItemAccess access = new OrderItemAccess();
        return StaticTableSchema.builder(OrderItem.class)
            .newItemSupplier(OrderItem::new)
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "pk", access, 0,
                    primaryPartitionKey()))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "sk", access, 1, primarySortKey()))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "entity", access, 2))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "orderId", access, 3))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "projectId", access, 4))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "instanceId", access, 5))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "type", access, 6))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "status", access, 7))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "request", access, 8))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "flavorType", access, 9))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(Integer.class), "flavorSize", access, 10))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(Boolean.class), "delay", access, 11))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(Boolean.class), "autoPay", access, 12))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "periodType", access, 13))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(Integer.class), "periodNum", access, 14))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(Boolean.class), "autoRenew", access, 15))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "requestHash", access, 16))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "createTime", access, 17))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "updateTime", access, 18))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "executeAfter", access, 19))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "orderKey", access, 20,
                    secondaryPartitionKey("ByOrderId")))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "dueKind", access, 21,
                    secondaryPartitionKey("DueOrders")))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "dueAt", access, 22,
                    secondarySortKey("DueOrders")))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "createdKey", access, 23,
                    secondarySortKey("ByCreateTime")))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "taskId", access, 24))
            .addAttribute(attribute(OrderItem.class, EnhancedType.of(String.class), "renewal", access, 25))
            .build();
    }

    public static final StaticTableSchema<TokenItem> TOKEN = schemaTokenItem();

    private static StaticTableSchema<TokenItem> schemaTokenItem() {
        TokenItemAccess access = new TokenItemAccess();
        return StaticTableSchema.builder(TokenItem.class)
            .newItemSupplier(TokenItem::new)
            .addAttribute(attribute(TokenItem.class, EnhancedType.of(String.class), "pk", access, 0,
                    primaryPartitionKey()))
            .addAttribute(attribute(TokenItem.class, EnhancedType.of(String.class), "sk", access, 1, primarySortKey()))
            .addAttribute(attribute(TokenItem.class, EnhancedType.of(String.class), "entity", access, 2))
            .addAttribute(attribute(TokenItem.class, EnhancedType.of(String.class), "projectId", access, 3))
            .addAttribute(attribute(TokenItem.class, EnhancedType.of(String.class), "expiresAt", access, 4))
            .addAttribute(attribute(TokenItem.class, EnhancedType.of(Long.class), "ttl", access, 5))
            .build();
    }

    public static final StaticTableSchema<AccessKeyItem> ACCESS_KEY = schemaAccessKeyItem();

    private static StaticTableSchema<AccessKeyItem> schemaAccessKeyItem() {
        AccessKeyItemAccess access = new AccessKeyItemAccess();
        return StaticTableSchema.builder(AccessKeyItem.class)
            .newItemSupplier(AccessKeyItem::new)
            .addAttribute(attribute(AccessKeyItem.class, EnhancedType.of(String.class), "pk", access, 0,
                    primaryPartitionKey()))
            .addAttribute(attribute(AccessKeyItem.class, EnhancedType.of(String.class), "sk", access, 1,
                    primarySortKey()))
            .addAttribute(attribute(AccessKeyItem.class, EnhancedType.of(String.class), "entity", access, 2))
            .addAttribute(attribute(AccessKeyItem.class, EnhancedType.of(String.class), "projectId", access, 3))
            .addAttribute(attribute(AccessKeyItem.class, EnhancedType.of(String.class), "secretKey", access, 4))
            .addAttribute(attribute(AccessKeyItem.class, EnhancedType.of(String.class), "createTime", access, 5))
            .build();
    }

    public static final StaticTableSchema<TaskItem> TASK = schemaTaskItem();

    private static StaticTableSchema<TaskItem> schemaTaskItem() {
        TaskItemAccess access = new TaskItemAccess();
        return StaticTableSchema.builder(TaskItem.class)
            .newItemSupplier(TaskItem::new)
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "pk", access, 0,
                    primaryPartitionKey()))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "sk", access, 1, primarySortKey()))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "entity", access, 2))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "taskId", access, 3))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "projectId", access, 4))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "instanceId", access, 5))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "type", access, 6))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "status", access, 7))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "statusDetail", access, 8))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "createTime", access, 9))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "startTime", access, 10))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "endTime", access, 11))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "targetFlavorType", access, 12))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(Integer.class), "targetFlavorSize", access, 13))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "targetChargeMode", access, 14))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "windowStart", access, 15))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "windowEnd", access, 16))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(String.class), "orderId", access, 17))
            .addAttribute(attribute(TaskItem.class, EnhancedType.of(Long.class), "ttl", access, 18))
            .build();
    }

    private static final class TaskItemAccess implements Access<TaskItem> {
        @Override
        public Object get(TaskItem item, int attribute) {
            return switch (attribute) {
                case 0 -> item.getPk();
                case 1 -> item.getSk();
                case 2 -> item.getEntity();
                case 3 -> item.getTaskId();
                case 4 -> item.getProjectId();
                case 5 -> item.getInstanceId();
                case 6 -> item.getType();
                case 7 -> item.getStatus();
                case 8 -> item.getStatusDetail();
                case 9 -> item.getCreateTime();
                case 10 -> item.getStartTime();
                case 11 -> item.getEndTime();
                case 12 -> item.getTargetFlavorType();
                case 13 -> item.getTargetFlavorSize();
                case 14 -> item.getTargetChargeMode();
                case 15 -> item.getWindowStart();
                case 16 -> item.getWindowEnd();
                case 17 -> item.getOrderId();
                case 18 -> item.getTtl();
                default -> throw new IllegalArgumentException("attribute " + attribute);
            };
        }

        @Override
        public void set(TaskItem item, int attribute, Object value) {
            switch (attribute) {
                case 0 -> item.setPk((String) value);
                case 1 -> item.setSk((String) value);
                case 2 -> item.setEntity((String) value);
                case 3 -> item.setTaskId((String) value);
                case 4 -> item.setProjectId((String) value);
                case 5 -> item.setInstanceId((String) value);
                case 6 -> item.setType((String) value);
                case 7 -> item.setStatus((String) value);
                case 8 -> item.setStatusDetail((String) value);
                case 9 -> item.setCreateTime((String) value);
                case 10 -> item.setStartTime((String) value);
                case 11 -> item.setEndTime((String) value);
                case 12 -> item.setTargetFlavorType((String) value);
                case 13 -> item.setTargetFlavorSize((Integer) value);
                case 14 -> item.setTargetChargeMode((String) value);
                case 15 -> item.setWindowStart((String) value);
                case 16 -> item.setWindowEnd((String) value);
                case 17 -> item.setOrderId((String) value);
                case 18 -> item.setTtl((Long) value);
                default -> throw new IllegalArgumentException("attribute " + attribute);
            }
        }
    }

    public static final StaticTableSchema<FlavorSaleItem> FLAVOR_SALE = schemaFlavorSaleItem();

    private static StaticTableSchema<FlavorSaleItem> schemaFlavorSaleItem() {
        FlavorSaleItemAccess access = new FlavorSaleItemAccess();
        return StaticTableSchema.builder(FlavorSaleItem.class)
            .newItemSupplier(FlavorSaleItem::new)
            .addAttribute(attribute(FlavorSaleItem.class, EnhancedType.of(String.class), "pk", access, 0,
                    primaryPartitionKey()))
            .addAttribute(attribute(FlavorSaleItem.class, EnhancedType.of(String.class), "sk", access, 1,
                    primarySortKey()))
            .addAttribute(attribute(FlavorSaleItem.class, EnhancedType.of(String.class), "entity", access, 2))
            .addAttribute(attribute(FlavorSaleItem.class, EnhancedType.of(String.class), "status", access, 3))
            .build();
    }

    private static final class FlavorSaleItemAccess implements Access<FlavorSaleItem> {
        @Override
        public Object get(FlavorSaleItem item, int attribute) {
            return switch (attribute) {
                case 0 -> item.getPk();
                case 1 -> item.getSk();
                case 2 -> item.getEntity();
                case 3 -> item.getStatus();
                default -> throw new IllegalArgumentException("attribute " + attribute);
            };
        }

        @Override
        public void set(FlavorSaleItem item, int attribute, Object value) {
            switch (attribute) {
                case 0 -> item.setPk((String) value);
                case 1 -> item.setSk((String) value);
                case 2 -> item.setEntity((String) value);
                case 3 -> item.setStatus((String) value);
                default -> throw new IllegalArgumentException("attribute " + attribute);
            }
        }
    }

    /** Reads and writes {@link AllowedAddressItem}'s attributes by number. */
    private static final class AllowedAddressItemAccess implements Access<AllowedAddressItem> {
        @Override
        public Object get(AllowedAddressItem item, int attribute) {
            return switch (attribute) {
                case 0 -> item.getAddress();
                case 1 -> item.getDescription();
                default -> throw new IllegalArgumentException("attribute " + attribute);
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public void set(AllowedAddressItem item, int attribute, Object value) {
            switch (attribute) {
                case 0 -> item.setAddress((String) value);
                case 1 -> item.setDescription((String) value);
                default -> throw new IllegalArgumentException("attribute " + attribute);
            }
        }
    }

    /** Reads and writes {@link AccessItem}'s attributes by number. */
    private static final class AccessItemAccess implements Access<AccessItem> {
        @Override
        public Object get(AccessItem item, int attribute) {
            return switch (attribute) {
                case 0 -> item.getType();
                case 1 -> item.getDomainName();
                case 2 -> item.getWhitelistEnabled();
                case 3 -> item.getAllowedAddresses();
                default -> throw new IllegalArgumentException("attribute " + attribute);
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public void set(AccessItem item, int attribute, Object value) {
            switch (attribute) {
                case 0 -> item.setType((String) value);
                case 1 -> item.setDomainName((String) value);
                case 2 -> item.setWhitelistEnabled((Boolean) value);
                case 3 -> item.setAllowedAddresses((List<AllowedAddressItem>) value);
                default -> throw new IllegalArgumentException("attribute " + attribute);
            }
        }
    }

    /** Reads and writes {@link TagItem}'s attributes by number. */
    private static final class TagItemAccess implements Access<TagItem> {
        @Override
        public Object get(TagItem item, int attribute) {
            return switch (attribute) {
                case 0 -> item.getKey();
                case 1 -> item.getValue();
                default -> throw new IllegalArgumentException("attribute " + attribute);
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public void set(TagItem item, int attribute, Object value) {
            switch (attribute) {
                case 0 -> item.setKey((String) value);
                case 1 -> item.setValue((String) value);
                default -> throw new IllegalArgumentException("attribute " + attribute);
            }
        }
    }

    /** Reads and writes {@link InstanceItem}'s attributes by number. */
    private static final class InstanceItemAccess implements Access<InstanceItem> {
        @Override
        public Object get(InstanceItem item, int attribute) {
            return switch (attribute) {
                case 0 -> item.getPk();
                case 1 -> item.getSk();
                case 2 -> item.getEntity();
                case 3 -> item.getProjectId();
                case 4 -> item.getInstanceId();
                case 5 -> item.getName();
                case 6 -> item.getDescription();
                case 7 -> item.getInstanceType();
                case 8 -> item.getFlavorType();
                case 9 -> item.getFlavorSize();
                case 10 -> item.getChargeMode();
                case 11 -> item.getStatus();
                case 12 -> item.getPeriodType();
                case 13 -> item.getPeriodNum();
                case 14 -> item.getAutoRenew();
                case 15 -> item.getExpireTime();
                case 16 -> item.getWindowStart();
                case 17 -> item.getWindowEnd();
                case 18 -> item.getOrderId();
                case 19 -> item.getLastOrderId();
                case 20 -> item.getLastRequestHash();
                case 21 -> item.getLastOrderTime();
                case 22 -> item.getCreateTime();
                case 23 -> item.getUpdateTime();
                case 24 -> item.getVersion();
                case 25 -> item.getRegionId();
                case 26 -> item.getEnterpriseProjectId();
                case 27 -> item.getTags();
                case 28 -> item.getVpcId();
                case 29 -> item.getSubnetId();
                case 30 -> item.getSecurityGroupId();
                case 31 -> item.getCipheringAlgorithm();
                case 32 -> item.getSnatEnabled();
                case 33 -> item.getAccesses();
                case 34 -> item.getDeleteTime();
                case 35 -> item.getProjectKey();
                case 36 -> item.getListedAt();
                case 37 -> item.getTaskCount();
                case 38 -> item.getSubscriptionStart();
                case 39 -> item.getSubscriptionMonths();
                case 40 -> item.getDueKind();
                case 41 -> item.getDueAt();
                default -> throw new IllegalArgumentException("attribute " + attribute);
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public void set(InstanceItem item, int attribute, Object value) {
            switch (attribute) {
                case 0 -> item.setPk((String) value);
                case 1 -> item.setSk((String) value);
                case 2 -> item.setEntity((String) value);
                case 3 -> item.setProjectId((String) value);
                case 4 -> item.setInstanceId((String) value);
                case 5 -> item.setName((String) value);
                case 6 -> item.setDescription((String) value);
                case 7 -> item.setInstanceType((String) value);
                case 8 -> item.setFlavorType((String) value);
                case 9 -> item.setFlavorSize((Integer) value);
                case 10 -> item.setChargeMode((String) value);
                case 11 -> item.setStatus((String) value);
                case 12 -> item.setPeriodType((String) value);
                case 13 -> item.setPeriodNum((Integer) value);
                case 14 -> item.setAutoRenew((Boolean) value);
                case 15 -> item.setExpireTime((String) value);
                case 16 -> item.setWindowStart((String) value);
                case 17 -> item.setWindowEnd((String) value);
                case 18 -> item.setOrderId((String) value);
                case 19 -> item.setLastOrderId((String) value);
                case 20 -> item.setLastRequestHash((String) value);
                case 21 -> item.setLastOrderTime((String) value);
                case 22 -> item.setCreateTime((String) value);
                case 23 -> item.setUpdateTime((String) value);
                case 24 -> item.setVersion((Long) value);
                case 25 -> item.setRegionId((String) value);
                case 26 -> item.setEnterpriseProjectId((String) value);
                case 27 -> item.setTags((List<TagItem>) value);
                case 28 -> item.setVpcId((String) value);
                case 29 -> item.setSubnetId((String) value);
                case 30 -> item.setSecurityGroupId((String) value);
                case 31 -> item.setCipheringAlgorithm((String) value);
                case 32 -> item.setSnatEnabled((Boolean) value);
                case 33 -> item.setAccesses((List<AccessItem>) value);
                case 34 -> item.setDeleteTime((String) value);
                case 35 -> item.setProjectKey((String) value);
                case 36 -> item.setListedAt((String) value);
                case 37 -> item.setTaskCount((Long) value);
                case 38 -> item.setSubscriptionStart((String) value);
                case 39 -> item.setSubscriptionMonths((Integer) value);
                case 40 -> item.setDueKind((String) value);
                case 41 -> item.setDueAt((String) value);
                default -> throw new IllegalArgumentException("attribute " + attribute);
            }
        }
    }

    /** Reads and writes {@link OrderItem}'s attributes by number. */
    private static final class OrderItemAccess implements Access<OrderItem> {
        @Override
        public Object get(OrderItem item, int attribute) {
            return switch (attribute) {
                case 0 -> item.getPk();
                case 1 -> item.getSk();
                case 2 -> item.getEntity();
                case 3 -> item.getOrderId();
                case 4 -> item.getProjectId();
                case 5 -> item.getInstanceId();
                case 6 -> item.getType();
                case 7 -> item.getStatus();
                case 8 -> item.getRequest();
                case 9 -> item.getFlavorType();
                case 10 -> item.getFlavorSize();
                case 11 -> item.getDelay();
                case 12 -> item.getAutoPay();
                case 13 -> item.getPeriodType();
                case 14 -> item.getPeriodNum();
                case 15 -> item.getAutoRenew();
                case 16 -> item.getRequestHash();
                case 17 -> item.getCreateTime();
                case 18 -> item.getUpdateTime();
                case 19 -> item.getExecuteAfter();
                case 20 -> item.getOrderKey();
                case 21 -> item.getDueKind();
                case 22 -> item.getDueAt();
                case 23 -> item.getCreatedKey();
                case 24 -> item.getTaskId();
                case 25 -> item.getRenewal();
                default -> throw new IllegalArgumentException("attribute " + attribute);
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public void set(OrderItem item, int attribute, Object value) {
            switch (attribute) {
                case 0 -> item.setPk((String) value);
                case 1 -> item.setSk((String) value);
                case 2 -> item.setEntity((String) value);
                case 3 -> item.setOrderId((String) value);
                case 4 -> item.setProjectId((String) value);
                case 5 -> item.setInstanceId((String) value);
                case 6 -> item.setType((String) value);
                case 7 -> item.setStatus((String) value);
                case 8 -> item.setRequest((String) value);
                case 9 -> item.setFlavorType((String) value);
                case 10 -> item.setFlavorSize((Integer) value);
                case 11 -> item.setDelay((Boolean) value);
                case 12 -> item.setAutoPay((Boolean) value);
                case 13 -> item.setPeriodType((String) value);
                case 14 -> item.setPeriodNum((Integer) value);
                case 15 -> item.setAutoRenew((Boolean) value);
                case 16 -> item.setRequestHash((String) value);
                case 17 -> item.setCreateTime((String) value);
                case 18 -> item.setUpdateTime((String) value);
                case 19 -> item.setExecuteAfter((String) value);
                case 20 -> item.setOrderKey((String) value);
                case 21 -> item.setDueKind((String) value);
                case 22 -> item.setDueAt((String) value);
                case 23 -> item.setCreatedKey((String) value);
                case 24 -> item.setTaskId((String) value);
                case 25 -> item.setRenewal((String) value);
                default -> throw new IllegalArgumentException("attribute " + attribute);
            }
        }
    }

    /** Reads and writes {@link TokenItem}'s attributes by number. */
    private static final class TokenItemAccess implements Access<TokenItem> {
        @Override
        public Object get(TokenItem item, int attribute) {
            return switch (attribute) {
                case 0 -> item.getPk();
                case 1 -> item.getSk();
                case 2 -> item.getEntity();
                case 3 -> item.getProjectId();
                case 4 -> item.getExpiresAt();
                case 5 -> item.getTtl();
                default -> throw new IllegalArgumentException("attribute " + attribute);
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public void set(TokenItem item, int attribute, Object value) {
            switch (attribute) {
                case 0 -> item.setPk((String) value);
                case 1 -> item.setSk((String) value);
                case 2 -> item.setEntity((String) value);
                case 3 -> item.setProjectId((String) value);
                case 4 -> item.setExpiresAt((String) value);
                case 5 -> item.setTtl((Long) value);
                default -> throw new IllegalArgumentException("attribute " + attribute);
            }
        }
    }

    /** Reads and writes {@link AccessKeyItem}'s attributes by number. */
    private static final class AccessKeyItemAccess implements Access<AccessKeyItem> {
        @Override
        public Object get(AccessKeyItem item, int attribute) {
            return switch (attribute) {
                case 0 -> item.getPk();
                case 1 -> item.getSk();
                case 2 -> item.getEntity();
                case 3 -> item.getProjectId();
                case 4 -> item.getSecretKey();
                case 5 -> item.getCreateTime();
                default -> throw new IllegalArgumentException("attribute " + attribute);
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public void set(AccessKeyItem item, int attribute, Object value) {
            switch (attribute) {
                case 0 -> item.setPk((String) value);
                case 1 -> item.setSk((String) value);
                case 2 -> item.setEntity((String) value);
                case 3 -> item.setProjectId((String) value);
                case 4 -> item.setSecretKey((String) value);
                case 5 -> item.setCreateTime((String) value);
                default -> throw new IllegalArgumentException("attribute " + attribute);
            }
        }
    }
}
