package cloud.iotda.adapter.dynamodb.internal;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The items' table schemas, written out: the same attributes, names and key tags as the beans' annotations say, but
 * built without the bean introspection, reflection and generated accessors that TableSchema.fromBean does at init
 * (measured in bench/results.md). SchemasTest keeps the two equal.
 */
public final class Schemas {
    private Schemas() {
    }

    public static final StaticTableSchema<AllowedAddressItem> ALLOWED_ADDRESS =
                StaticTableSchema.builder(AllowedAddressItem.class)
            .newItemSupplier(AllowedAddressItem::new)
            .addAttribute(String.class, a -> a
                    .name("address").getter(AllowedAddressItem::getAddress).setter(AllowedAddressItem::setAddress))
            .addAttribute(String.class, a -> a
                    .name("description").getter(AllowedAddressItem::getDescription)
                    .setter(AllowedAddressItem::setDescription))
            .build();

    public static final StaticTableSchema<AccessItem> ACCESS = StaticTableSchema.builder(AccessItem.class)
            .newItemSupplier(AccessItem::new)
            .addAttribute(String.class, a -> a.name("type").getter(AccessItem::getType).setter(AccessItem::setType))
            .addAttribute(String.class, a -> a
                    .name("domainName").getter(AccessItem::getDomainName).setter(AccessItem::setDomainName))
            .addAttribute(Boolean.class, a -> a
                    .name("whitelistEnabled").getter(AccessItem::getWhitelistEnabled)
                    .setter(AccessItem::setWhitelistEnabled))
            .addAttribute(
                    EnhancedType.listOf(EnhancedType.documentOf(AllowedAddressItem.class, ALLOWED_ADDRESS)),
                    a -> a
                    .name("allowedAddresses").getter(AccessItem::getAllowedAddresses)
                    .setter(AccessItem::setAllowedAddresses))
            .build();

    public static final StaticTableSchema<TagItem> TAG = StaticTableSchema.builder(TagItem.class)
            .newItemSupplier(TagItem::new)
            .addAttribute(String.class, a -> a.name("key").getter(TagItem::getKey).setter(TagItem::setKey))
            .addAttribute(String.class, a -> a.name("value").getter(TagItem::getValue).setter(TagItem::setValue))
            .build();

    public static final StaticTableSchema<InstanceItem> INSTANCE = StaticTableSchema.builder(InstanceItem.class)
            .newItemSupplier(InstanceItem::new)
            .addAttribute(String.class, a -> a
                    .name("pk").getter(InstanceItem::getPk).setter(InstanceItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a
                    .name("sk").getter(InstanceItem::getSk).setter(InstanceItem::setSk).tags(primarySortKey()))
            .addAttribute(String.class, a -> a
                    .name("entity").getter(InstanceItem::getEntity).setter(InstanceItem::setEntity))
            .addAttribute(String.class, a -> a
                    .name("projectId").getter(InstanceItem::getProjectId).setter(InstanceItem::setProjectId))
            .addAttribute(String.class, a -> a
                    .name("instanceId").getter(InstanceItem::getInstanceId).setter(InstanceItem::setInstanceId))
            .addAttribute(String.class, a -> a
                    .name("name").getter(InstanceItem::getName).setter(InstanceItem::setName))
            .addAttribute(String.class, a -> a
                    .name("description").getter(InstanceItem::getDescription).setter(InstanceItem::setDescription))
            .addAttribute(String.class, a -> a
                    .name("instanceType").getter(InstanceItem::getInstanceType)
                    .setter(InstanceItem::setInstanceType))
            .addAttribute(String.class, a -> a
                    .name("flavorType").getter(InstanceItem::getFlavorType).setter(InstanceItem::setFlavorType))
            .addAttribute(Integer.class, a -> a
                    .name("flavorSize").getter(InstanceItem::getFlavorSize).setter(InstanceItem::setFlavorSize))
            .addAttribute(String.class, a -> a
                    .name("chargeMode").getter(InstanceItem::getChargeMode).setter(InstanceItem::setChargeMode))
            .addAttribute(String.class, a -> a
                    .name("status").getter(InstanceItem::getStatus).setter(InstanceItem::setStatus))
            .addAttribute(String.class, a -> a
                    .name("periodType").getter(InstanceItem::getPeriodType).setter(InstanceItem::setPeriodType))
            .addAttribute(Integer.class, a -> a
                    .name("periodNum").getter(InstanceItem::getPeriodNum).setter(InstanceItem::setPeriodNum))
            .addAttribute(Boolean.class, a -> a
                    .name("autoRenew").getter(InstanceItem::getAutoRenew).setter(InstanceItem::setAutoRenew))
            .addAttribute(String.class, a -> a
                    .name("expireTime").getter(InstanceItem::getExpireTime).setter(InstanceItem::setExpireTime))
            .addAttribute(String.class, a -> a
                    .name("windowStart").getter(InstanceItem::getWindowStart).setter(InstanceItem::setWindowStart))
            .addAttribute(String.class, a -> a
                    .name("windowEnd").getter(InstanceItem::getWindowEnd).setter(InstanceItem::setWindowEnd))
            .addAttribute(String.class, a -> a
                    .name("orderId").getter(InstanceItem::getOrderId).setter(InstanceItem::setOrderId))
            .addAttribute(String.class, a -> a
                    .name("lastOrderId").getter(InstanceItem::getLastOrderId).setter(InstanceItem::setLastOrderId))
            .addAttribute(String.class, a -> a
                    .name("lastRequestHash").getter(InstanceItem::getLastRequestHash)
                    .setter(InstanceItem::setLastRequestHash))
            .addAttribute(String.class, a -> a
                    .name("lastOrderTime").getter(InstanceItem::getLastOrderTime)
                    .setter(InstanceItem::setLastOrderTime))
            .addAttribute(String.class, a -> a
                    .name("createTime").getter(InstanceItem::getCreateTime).setter(InstanceItem::setCreateTime))
            .addAttribute(String.class, a -> a
                    .name("updateTime").getter(InstanceItem::getUpdateTime).setter(InstanceItem::setUpdateTime))
            .addAttribute(Long.class, a -> a
                    .name("version").getter(InstanceItem::getVersion).setter(InstanceItem::setVersion))
            .addAttribute(String.class, a -> a
                    .name("regionId").getter(InstanceItem::getRegionId).setter(InstanceItem::setRegionId))
            .addAttribute(String.class, a -> a
                    .name("enterpriseProjectId").getter(InstanceItem::getEnterpriseProjectId)
                    .setter(InstanceItem::setEnterpriseProjectId))
            .addAttribute(EnhancedType.listOf(EnhancedType.documentOf(TagItem.class, TAG)), a -> a
                    .name("tags").getter(InstanceItem::getTags).setter(InstanceItem::setTags))
            .addAttribute(String.class, a -> a
                    .name("vpcId").getter(InstanceItem::getVpcId).setter(InstanceItem::setVpcId))
            .addAttribute(String.class, a -> a
                    .name("subnetId").getter(InstanceItem::getSubnetId).setter(InstanceItem::setSubnetId))
            .addAttribute(String.class, a -> a
                    .name("securityGroupId").getter(InstanceItem::getSecurityGroupId)
                    .setter(InstanceItem::setSecurityGroupId))
            .addAttribute(String.class, a -> a
                    .name("cipheringAlgorithm").getter(InstanceItem::getCipheringAlgorithm)
                    .setter(InstanceItem::setCipheringAlgorithm))
            .addAttribute(Boolean.class, a -> a
                    .name("snatEnabled").getter(InstanceItem::getSnatEnabled).setter(InstanceItem::setSnatEnabled))
            .addAttribute(EnhancedType.listOf(EnhancedType.documentOf(AccessItem.class, ACCESS)), a -> a
                    .name("accesses").getter(InstanceItem::getAccesses).setter(InstanceItem::setAccesses))
            .addAttribute(String.class, a -> a
                    .name("deleteTime").getter(InstanceItem::getDeleteTime).setter(InstanceItem::setDeleteTime))
            .addAttribute(String.class, a -> a
                    .name("projectKey").getter(InstanceItem::getProjectKey)
                    .setter(InstanceItem::setProjectKey).tags(secondaryPartitionKey("ByProject")))
            .addAttribute(String.class, a -> a
                    .name("listedAt").getter(InstanceItem::getListedAt)
                    .setter(InstanceItem::setListedAt).tags(secondarySortKey("ByProject")))
            .build();

    public static final StaticTableSchema<OrderItem> ORDER = StaticTableSchema.builder(OrderItem.class)
            .newItemSupplier(OrderItem::new)
            .addAttribute(String.class, a -> a
                    .name("pk").getter(OrderItem::getPk).setter(OrderItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a
                    .name("sk").getter(OrderItem::getSk).setter(OrderItem::setSk).tags(primarySortKey()))
            .addAttribute(String.class, a -> a
                    .name("entity").getter(OrderItem::getEntity).setter(OrderItem::setEntity))
            .addAttribute(String.class, a -> a
                    .name("orderId").getter(OrderItem::getOrderId).setter(OrderItem::setOrderId))
            .addAttribute(String.class, a -> a
                    .name("projectId").getter(OrderItem::getProjectId).setter(OrderItem::setProjectId))
            .addAttribute(String.class, a -> a
                    .name("instanceId").getter(OrderItem::getInstanceId).setter(OrderItem::setInstanceId))
            .addAttribute(String.class, a -> a.name("type").getter(OrderItem::getType).setter(OrderItem::setType))
            .addAttribute(String.class, a -> a
                    .name("status").getter(OrderItem::getStatus).setter(OrderItem::setStatus))
            .addAttribute(String.class, a -> a
                    .name("request").getter(OrderItem::getRequest).setter(OrderItem::setRequest))
            .addAttribute(String.class, a -> a
                    .name("flavorType").getter(OrderItem::getFlavorType).setter(OrderItem::setFlavorType))
            .addAttribute(Integer.class, a -> a
                    .name("flavorSize").getter(OrderItem::getFlavorSize).setter(OrderItem::setFlavorSize))
            .addAttribute(Boolean.class, a -> a
                    .name("delay").getter(OrderItem::getDelay).setter(OrderItem::setDelay))
            .addAttribute(Boolean.class, a -> a
                    .name("autoPay").getter(OrderItem::getAutoPay).setter(OrderItem::setAutoPay))
            .addAttribute(String.class, a -> a
                    .name("periodType").getter(OrderItem::getPeriodType).setter(OrderItem::setPeriodType))
            .addAttribute(Integer.class, a -> a
                    .name("periodNum").getter(OrderItem::getPeriodNum).setter(OrderItem::setPeriodNum))
            .addAttribute(Boolean.class, a -> a
                    .name("autoRenew").getter(OrderItem::getAutoRenew).setter(OrderItem::setAutoRenew))
            .addAttribute(String.class, a -> a
                    .name("requestHash").getter(OrderItem::getRequestHash).setter(OrderItem::setRequestHash))
            .addAttribute(String.class, a -> a
                    .name("createTime").getter(OrderItem::getCreateTime).setter(OrderItem::setCreateTime))
            .addAttribute(String.class, a -> a
                    .name("updateTime").getter(OrderItem::getUpdateTime).setter(OrderItem::setUpdateTime))
            .addAttribute(String.class, a -> a
                    .name("executeAfter").getter(OrderItem::getExecuteAfter).setter(OrderItem::setExecuteAfter))
            .addAttribute(String.class, a -> a
                    .name("orderKey").getter(OrderItem::getOrderKey)
                    .setter(OrderItem::setOrderKey).tags(secondaryPartitionKey("ByOrderId")))
            .addAttribute(String.class, a -> a
                    .name("dueKind").getter(OrderItem::getDueKind)
                    .setter(OrderItem::setDueKind).tags(secondaryPartitionKey("DueOrders")))
            .addAttribute(String.class, a -> a
                    .name("dueAt").getter(OrderItem::getDueAt)
                    .setter(OrderItem::setDueAt).tags(secondarySortKey("DueOrders")))
            .addAttribute(String.class, a -> a
                    .name("createdKey").getter(OrderItem::getCreatedKey)
                    .setter(OrderItem::setCreatedKey).tags(secondarySortKey("ByCreateTime")))
            .build();

    public static final StaticTableSchema<TokenItem> TOKEN = StaticTableSchema.builder(TokenItem.class)
            .newItemSupplier(TokenItem::new)
            .addAttribute(String.class, a -> a
                    .name("pk").getter(TokenItem::getPk).setter(TokenItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a
                    .name("sk").getter(TokenItem::getSk).setter(TokenItem::setSk).tags(primarySortKey()))
            .addAttribute(String.class, a -> a
                    .name("entity").getter(TokenItem::getEntity).setter(TokenItem::setEntity))
            .addAttribute(String.class, a -> a
                    .name("projectId").getter(TokenItem::getProjectId).setter(TokenItem::setProjectId))
            .addAttribute(String.class, a -> a
                    .name("expiresAt").getter(TokenItem::getExpiresAt).setter(TokenItem::setExpiresAt))
            .addAttribute(Long.class, a -> a.name("ttl").getter(TokenItem::getTtl).setter(TokenItem::setTtl))
            .build();

    public static final StaticTableSchema<AccessKeyItem> ACCESS_KEY = StaticTableSchema.builder(AccessKeyItem.class)
            .newItemSupplier(AccessKeyItem::new)
            .addAttribute(String.class, a -> a
                    .name("pk").getter(AccessKeyItem::getPk)
                    .setter(AccessKeyItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a
                    .name("sk").getter(AccessKeyItem::getSk).setter(AccessKeyItem::setSk).tags(primarySortKey()))
            .addAttribute(String.class, a -> a
                    .name("entity").getter(AccessKeyItem::getEntity).setter(AccessKeyItem::setEntity))
            .addAttribute(String.class, a -> a
                    .name("projectId").getter(AccessKeyItem::getProjectId).setter(AccessKeyItem::setProjectId))
            .addAttribute(String.class, a -> a
                    .name("secretKey").getter(AccessKeyItem::getSecretKey).setter(AccessKeyItem::setSecretKey))
            .addAttribute(String.class, a -> a
                    .name("createTime").getter(AccessKeyItem::getCreateTime).setter(AccessKeyItem::setCreateTime))
            .build();
}
